package io.kustotyped.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real azure-identity {@code ManagedIdentityCredential} (App Service flavour) against a loopback token endpoint.
 *
 * <p>azure-identity 1.18 delegates managed identity to MSAL4J, which reads {@code IDENTITY_ENDPOINT} and
 * {@code IDENTITY_HEADER} from the process environment itself: the credential builder's {@code configuration(...)}
 * does not reach it. So that no test mutates its own environment, the credential runs in a child JVM
 * ({@link ManagedIdentityProbe}) started with those two variables pointing here.
 */
class ManagedIdentityLoopbackTest {

    private static final String CLUSTER = "https://mycluster.westeurope.kusto.windows.net";
    private static final String SECRET = "identity-header-secret";
    private static final String USER_ASSIGNED = "8c0d7b5e-0000-4000-8000-000000000001";

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private static final Map<String, String> issued = new HashMap<>(); // client id (or "system") -> token
    private static final long expiresOn = Instant.now().plusSeconds(3600).getEpochSecond();

    @BeforeAll
    static void startTokenEndpoint() throws Exception {
        issued.put("system", "eyJ0eXAiOiJKV1QifQ.system-assigned-secret-token.sig");
        issued.put(USER_ASSIGNED, "eyJ0eXAiOiJKV1QifQ.user-assigned-secret-token.sig");
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(req -> {
                    Map<String, String> seen = new HashMap<>();
                    seen.put("path", req.path());
                    req.params().forEach(e -> seen.put(e.getKey(), e.getValue()));
                    seen.put("header", String.valueOf(req.getHeader("X-IDENTITY-HEADER")));
                    requests.add(seen);
                    String who = req.getParam("client_id") == null ? "system" : req.getParam("client_id");
                    String token = issued.get(who);
                    if (!SECRET.equals(req.getHeader("X-IDENTITY-HEADER")) || token == null) {
                        req.response()
                                .setStatusCode(400)
                                .putHeader("Content-Type", "application/json")
                                .end(new JsonObject()
                                        .put("statusCode", 400)
                                        .put("message", "No managed identity with client id " + who)
                                        .encode());
                        return;
                    }
                    req.response()
                            .putHeader("Content-Type", "application/json")
                            .end(new JsonObject()
                                    .put("access_token", token)
                                    .put("expires_on", Long.toString(expiresOn))
                                    .put("resource", req.getParam("resource"))
                                    .put("token_type", "Bearer")
                                    .put("client_id", who)
                                    .encode());
                })
                .listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void systemAndUserAssignedIdentitiesGetTokensForTheClusterAndNoTokenIsPrinted(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ManagedIdentityProbe.class.getName());
        command.add(CLUSTER + ":443/SomeDatabase"); // port and path are not part of the resource id
        command.add("system");
        command.add("user:" + USER_ASSIGNED);
        command.add("user:00000000-0000-0000-0000-00000000dead");
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        // Only what this test sets decides which managed identity flavour MSAL picks.
        env.keySet()
                .removeIf(k -> k.startsWith("AZURE_")
                        || k.startsWith("MSI_")
                        || k.startsWith("IDENTITY_")
                        || k.startsWith("IMDS_"));
        env.put("IDENTITY_ENDPOINT", "http://127.0.0.1:" + server.actualPort() + "/msi/token");
        env.put("IDENTITY_HEADER", SECRET);
        env.put("AZURE_LOG_LEVEL", "verbose"); // azure-core logs everything it would log, to stderr
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not finish: " + read(err));
        }
        String stdout = read(out);
        String stderr = read(err);
        assertEquals(0, p.exitValue(), stderr);
        // azure-core's verbose log goes to stdout too: the probe's own lines start with PROBE
        List<String> lines = stdout.lines()
                .filter(l -> l.startsWith("PROBE "))
                .map(l -> l.substring(6))
                .toList();
        assertEquals(3, lines.size(), stdout + stderr);

        String[] system = lines.get(0).split(" ");
        assertEquals("ok", system[0], lines.get(0));
        assertEquals(ManagedIdentityProbe.sha256(issued.get("system")), system[2]);
        assertEquals(Instant.ofEpochSecond(expiresOn).toString(), system[3]);
        assertEquals("true", system[4], "the future completes on the caller's Vert.x context");

        String[] user = lines.get(1).split(" ");
        assertEquals("ok", user[0], lines.get(1));
        assertEquals(ManagedIdentityProbe.sha256(issued.get(USER_ASSIGNED)), user[2]);

        assertTrue(lines.get(2).startsWith("failed "), lines.get(2));
        assertTrue(
                lines.get(2).contains("ManagedIdentityCredential (scope " + CLUSTER + "/.default)"),
                "the failure names the credential and scope: " + lines.get(2));
        assertTrue(
                lines.get(2).contains("No managed identity with client id"),
                "the failure carries the endpoint's explanation: " + lines.get(2));

        for (Map<String, String> r : requests) {
            assertEquals("/msi/token", r.get("path"));
            assertEquals(CLUSTER, r.get("resource"), "the resource is the cluster URI without port or path");
            assertEquals("2019-08-01", r.get("api-version"));
            assertEquals(SECRET, r.get("header"));
        }
        assertTrue(requests.stream().anyMatch(r -> USER_ASSIGNED.equals(r.get("client_id"))));
        assertTrue(requests.stream().anyMatch(r -> !r.containsKey("client_id")));
        for (String token : issued.values()) {
            assertFalse(stdout.contains(token), "a token was printed");
            assertFalse(stderr.contains(token), "a token was logged");
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
