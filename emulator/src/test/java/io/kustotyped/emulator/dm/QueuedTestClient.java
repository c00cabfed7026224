package io.kustotyped.emulator.dm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A queued-ingestion client for the tests, in plain HTTP as the V1 protocol describes it (PascalCase keys, numeric
 * report settings, as the docs, Python and Go send them): upload a blob to the advertised container, post the
 * message, read the status queues.
 */
final class QueuedTestClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEXT = Pattern.compile("<MessageText>(.*?)</MessageText>", Pattern.DOTALL);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> resources;
    private final String token;

    QueuedTestClient(Map<String, String> resources, String token) {
        this.resources = resources;
        this.token = token;
    }

    /** Runs a management command on the emulator and checks it answered 200. */
    static String mgmt(URI cluster, String db, String csl) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("db", db);
        body.put("csl", csl);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cluster + "/v1/rest/mgmt"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(csl + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static String[] split(String url) {
        int q = url.indexOf('?');
        return new String[] {url.substring(0, q), url.substring(q + 1)};
    }

    /** @return the blob's URL with the SAS */
    String upload(String name, byte[] body) throws Exception {
        String[] c = split(resources.get("TempStorage"));
        String url = c[0] + "/" + name + "?" + c[1];
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("x-ms-blob-type", "BlockBlob")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("Put Blob: " + r.statusCode() + " " + r.body());
        }
        return url;
    }

    /** A message as the docs show it; {@code properties} go into AdditionalProperties next to the token. */
    ObjectNode message(String id, String blobUrl, String db, String table, Map<String, String> properties) {
        ObjectNode m = JSON.createObjectNode();
        m.put("Id", id);
        m.put("BlobPath", blobUrl);
        m.put("DatabaseName", db);
        m.put("TableName", table);
        m.put("RetainBlobOnSuccess", true);
        m.put("FlushImmediately", false);
        m.put("ReportLevel", 2); // FailuresAndSuccesses
        m.put("ReportMethod", 0); // Queue
        m.put("SourceMessageCreationTime", java.time.Instant.now().toString());
        ObjectNode ap = m.putObject("AdditionalProperties");
        ap.put("authorizationContext", token);
        properties.forEach(ap::put);
        return m;
    }

    void post(JsonNode message) throws Exception {
        post(Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(message)));
    }

    void post(String queueText) throws Exception {
        String[] q = split(resources.get("SecuredReadyForAggregationQueue"));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(q[0] + "/messages?" + q[1]))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "<QueueMessage><MessageText>" + queueText + "</MessageText></QueueMessage>"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("Put Message: " + r.statusCode() + " " + r.body());
        }
    }

    /** Uploads and posts in one go; @return the source id */
    String ingest(String db, String table, String blobName, byte[] body, Map<String, String> properties)
            throws Exception {
        String id = UUID.randomUUID().toString();
        post(message(id, upload(blobName, body), db, table, properties));
        return id;
    }

    /** Reads (and removes) the report of one source from a status queue, waiting up to {@code timeout}. */
    JsonNode awaitReport(String resourceType, String sourceId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String[] q = split(resources.get(resourceType));
        do {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(q[0] + "/messages?numofmessages=32&visibilitytimeout=1&" + q[1]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = TEXT.matcher(r.body());
            while (m.find()) {
                JsonNode report = JSON.readTree(Base64.getDecoder().decode(m.group(1)));
                if (sourceId.equals(report.path("IngestionSourceId").asText())) {
                    return report;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** @return every report in a status queue, peeked */
    List<JsonNode> peekAll(String resourceType) throws Exception {
        String[] q = split(resources.get(resourceType));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(q[0] + "/messages?numofmessages=32&peekonly=true&" + q[1]))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<JsonNode> out = new ArrayList<>();
        Matcher m = TEXT.matcher(r.body());
        while (m.find()) {
            out.add(JSON.readTree(Base64.getDecoder().decode(m.group(1))));
        }
        return out;
    }
}
