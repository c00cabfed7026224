package io.kustotyped.emulator.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.emulator.EmulatorMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the standalone emulator (its own JVM, {@code --data-dir}, Azurite given by connection string so that it
 * outlives the emulator) after the blobs are uploaded and their messages posted but before they are consumed (a
 * batching delay holds them): after a restart on the same data directory every row lands, exactly once.
 */
class QueuedCrashTest {
    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    private static final int BLOBS = 5;
    private static final int ROWS_PER_BLOB = 200;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void killNineBetweenUploadAndConsumptionLosesNothing() throws Exception {
        Process first = start("5");
        URI uri = uri(first);
        mgmt(uri, ".create table Crash (Id:long, Name:string)");
        QueuedTestClient client = new QueuedTestClient(resources(uri), token(uri));
        List<String> ids = new ArrayList<>();
        long blobBytes = 0;
        for (int b = 0; b < BLOBS; b++) {
            StringBuilder csv = new StringBuilder();
            for (int r = 0; r < ROWS_PER_BLOB; r++) {
                csv.append(b * ROWS_PER_BLOB + r)
                        .append(",row-")
                        .append(b)
                        .append('-')
                        .append(r)
                        .append('\n');
            }
            byte[] gz = QueuedTestClient.gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
            blobBytes += gz.length;
            ids.add(client.ingest("D", "Crash", "D__Crash__" + b + ".csv.gz", gz, Map.of("format", "csv")));
        }
        first.destroyForcibly(); // SIGKILL, within the 5 s batching delay: nothing consumed yet
        first.waitFor(30, TimeUnit.SECONDS);

        Process second = start("0");
        try {
            URI again = uri(second);
            for (String id : ids) {
                assertNotNull(
                        client.awaitReport("SuccessfulIngestionsQueue", id, Duration.ofSeconds(60)),
                        "no success report for " + id);
            }
            JsonNode counts = query(again, "Crash | summarize n = count(), ids = dcount(Id)");
            assertEquals(BLOBS * ROWS_PER_BLOB, counts.path(0).asLong(), counts.toString());
            assertEquals(BLOBS * ROWS_PER_BLOB, counts.path(1).asLong(), counts.toString());
            System.out.println("crash test: " + BLOBS + " gzip blobs of " + ROWS_PER_BLOB + " rows, " + blobBytes
                    + " bytes in all, landed once after kill -9");
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private final Map<Process, CompletableFuture<URI>> uris = new LinkedHashMap<>();

    private Process start(String batchingDelaySeconds) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                EmulatorMain.class.getName(),
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--database",
                "D",
                "--queued-storage-connection-string",
                azurite.connectionString(),
                "--batching-delay",
                batchingDelaySeconds);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        uris.put(p, listening);
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    int at = line.indexOf("listening on http://");
                    if (at >= 0) {
                        listening.complete(URI.create(
                                line.substring(at + "listening on ".length()).split(" ")[0]));
                    }
                }
            } catch (IOException ignored) {
                // killed
            }
            synchronized (output) {
                listening.completeExceptionally(new AssertionError("the emulator exited: " + output));
            }
        });
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private URI uri(Process p) throws Exception {
        try {
            return uris.get(p).get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            fail("the emulator did not start within 120 s");
            return null;
        }
    }

    private String post(URI uri, String path, String csl) throws Exception {
        ObjectNode body = QueuedTestClient.JSON.createObjectNode();
        body.put("db", "D");
        body.put("csl", csl);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(uri + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), csl + ": " + r.body());
        return r.body();
    }

    private JsonNode mgmt(URI uri, String csl) throws Exception {
        return QueuedTestClient.JSON
                .readTree(post(uri, "/v1/rest/mgmt", csl))
                .path("Tables")
                .path(0)
                .path("Rows");
    }

    private JsonNode query(URI uri, String csl) throws Exception {
        return QueuedTestClient.JSON
                .readTree(post(uri, "/v1/rest/query", csl))
                .path("Tables")
                .path(0)
                .path("Rows")
                .path(0);
    }

    private Map<String, String> resources(URI uri) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        mgmt(uri, ".get ingestion resources")
                .forEach(r -> m.put(r.path(0).asText(), r.path(1).asText()));
        return m;
    }

    private String token(URI uri) throws Exception {
        return mgmt(uri, ".get kusto identity token").path(0).path(0).asText();
    }
}
