package io.kustotyped.emulator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.TestClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Seeded fuzzing of every endpoint (fixed seeds, bounded tries). The property for every input: the answer is a 200,
 * or a 4xx with a OneApi body carrying a Kusto error code and {@code @permanent: true}; never a 5xx. After each
 * property the server still answers normal requests, and everything it accepted can be queried back, also after a
 * restart from its data directory.
 */
class FuzzTest {
    static final String MAPPING = "[{\"column\":\"a\",\"path\":\"$.a\"},{\"column\":\"i\",\"path\":\"$.i\"},"
            + "{\"column\":\"r\",\"path\":\"$.r\"},{\"column\":\"dec\",\"path\":\"$.dec\"},"
            + "{\"column\":\"s\",\"path\":\"$.s\"},{\"column\":\"b\",\"path\":\"$.b\"},"
            + "{\"column\":\"dt\",\"path\":\"$.dt\"},{\"column\":\"ts\",\"path\":\"$.ts\"},"
            + "{\"column\":\"g\",\"path\":\"$.g\"},{\"column\":\"d\",\"path\":\"$.d\"}]";

    static Path dataDir;
    static KustoEmulator emu;
    static TestClient client;
    static final AtomicLong accepted = new AtomicLong();
    static final AtomicLong refused = new AtomicLong();

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("kusto-fuzz");
        emu = KustoEmulator.builder()
                .database("Db")
                .database("Fz")
                .enableStreaming()
                .dataDir(dataDir)
                .start();
        client = new TestClient(emu.uri());
        client.mgmt("Db", ".create table T " + FuzzInputs.SCHEMA);
        client.mgmt("Db", ".create table T ingestion json mapping \"m\" " + FuzzInputs.kqlString(MAPPING));
        client.mgmt(
                "Db",
                ".create table T ingestion csv mapping \"c\" '[{\"column\":\"a\",\"Properties\":{\"Ordinal\":\"0\"}},"
                        + "{\"column\":\"d\",\"Properties\":{\"Ordinal\":\"9\"}}]'");
        client.mgmt("Db", ".create table M (a:long)");
    }

    /** Whatever the fuzzing stored can be read back in both result formats, also after a restart. */
    @AfterContainer
    static void everythingAcceptedCanBeQueriedAfterARestart() throws IOException {
        try {
            long before = client.count("Db", "T");
            assertEquals(200, client.post("/v2/rest/query", "Db", "T").statusCode());
            assertEquals(200, client.post("/v1/rest/query", "Db", "T").statusCode());
            emu.close();
            emu = KustoEmulator.builder().dataDir(dataDir).start();
            client = new TestClient(emu.uri());
            assertEquals(before, client.count("Db", "T"));
            HttpResponse<String> all = client.post("/v2/rest/query", "Db", "T");
            assertEquals(200, all.statusCode(), all::body);
            System.out.println("[fuzz] " + before + " fuzzed rows read back after a restart ("
                    + all.body().getBytes(StandardCharsets.UTF_8).length + " bytes of v2 frames)");
        } finally {
            emu.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The server is up and answers normal requests. */
    @AfterProperty
    void stillServes() {
        assertEquals(200, client.ingest("Db", "M", "streamFormat=csv", "1\n").statusCode());
        assertEquals(200, client.post("/v1/rest/mgmt", "Db", ".show tables").statusCode());
        System.out.println("[fuzz] answers so far: " + accepted + " accepted (200), " + refused + " refused (4xx)");
    }

    static void assertAnswered(HttpResponse<String> r, Object input) {
        int status = r.statusCode();
        if (status == 200) {
            accepted.incrementAndGet();
            TestClient.parse(r.body()); // a 200 carries JSON
            return;
        }
        refused.incrementAndGet();
        assertTrue(status >= 400 && status < 500, () -> status + " for " + input + "\n" + r.body());
        JsonNode error = TestClient.parse(r.body()).path("error");
        assertFalse(error.path("code").asText().isBlank(), () -> "no Kusto error code: " + r.body());
        assertTrue(error.path("@permanent").asBoolean(), () -> "a 4xx that is not permanent: " + r.body());
    }

    @Provide
    Arbitrary<FuzzInputs.Ingest> ingests() {
        return Arbitraries.randomValue(FuzzInputs::ingest);
    }

    @Property(tries = 300, seed = "20261202", shrinking = ShrinkingMode.OFF)
    void ingestBodies(@ForAll("ingests") FuzzInputs.Ingest in) {
        HttpRequest.Builder b = client.request("/v1/rest/ingest/Db/T?" + in.query())
                .POST(HttpRequest.BodyPublishers.ofByteArray(in.body()));
        if (in.encoding() != null) {
            b.header("Content-Encoding", in.encoding());
        }
        assertAnswered(client.send(b), in);
    }

    @Provide
    Arbitrary<String> mappings() {
        return Arbitraries.randomValue(FuzzInputs::mapping);
    }

    @Property(tries = 200, seed = "20261203", shrinking = ShrinkingMode.OFF)
    void mappingJson(@ForAll("mappings") String json) {
        String kind = json.length() % 2 == 0 ? "json" : "csv";
        assertAnswered(
                client.post(
                        "/v1/rest/mgmt",
                        "Db",
                        ".create-or-alter table T ingestion " + kind + " mapping \"fz\" " + FuzzInputs.kqlString(json)),
                json);
        // and a mapping that was accepted is usable
        assertAnswered(
                client.ingest(
                        "Db",
                        "T",
                        "streamFormat=" + (kind.equals("json") ? "json&mappingName=fz" : "csv&mappingName=fz"),
                        FuzzInputs.record(new Random(json.hashCode()))),
                json);
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.randomValue(FuzzInputs::query);
    }

    @Property(tries = 400, seed = "20261204", shrinking = ShrinkingMode.OFF)
    void queries(@ForAll("queries") String csl) {
        assertAnswered(client.post(csl.length() % 2 == 0 ? "/v2/rest/query" : "/v1/rest/query", "Db", csl), csl);
    }

    @Provide
    Arbitrary<String> commands() {
        return Arbitraries.randomValue(FuzzInputs::command);
    }

    @Property(tries = 300, seed = "20261205", shrinking = ShrinkingMode.OFF)
    void commands(@ForAll("commands") String csl) {
        assertAnswered(client.post("/v1/rest/mgmt", "Fz", csl), csl);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.randomValue(r -> {
            String json = "{\"db\":\"Db\",\"csl\":" + FuzzInputs.quote(FuzzInputs.query(r)) + ",\"properties\":"
                    + (r.nextBoolean() ? FuzzInputs.json(r, 0) : FuzzInputs.quote(FuzzInputs.json(r, 0))) + "}";
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            return r.nextInt(3) == 0 ? FuzzInputs.mutate(r, b) : r.nextInt(8) == 0 ? FuzzInputs.garbage(r) : b;
        });
    }

    /** The request bodies of the query and mgmt endpoints themselves: JSON, broken JSON, invalid UTF-8, garbage. */
    @Property(tries = 200, seed = "20261206", shrinking = ShrinkingMode.OFF)
    void requestBodies(@ForAll("bodies") byte[] body) {
        HttpResponse<String> r = client.send(client.request(body.length % 2 == 0 ? "/v2/rest/query" : "/v1/rest/mgmt")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertAnswered(r, new String(body, 0, Math.min(200, body.length), StandardCharsets.ISO_8859_1));
    }
}
