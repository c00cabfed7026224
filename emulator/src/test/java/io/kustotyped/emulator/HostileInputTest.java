package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inputs an outside probe used to get 500s with: each is now a permanent 400 naming what was wrong. */
class HostileInputTest {
    static KustoEmulator emu;
    static TestClient client;

    @BeforeAll
    static void start() {
        emu = KustoEmulator.builder().database("Db").enableStreaming().start();
        client = new TestClient(emu.uri());
        client.mgmt("Db", ".create table T (a:long, d:dynamic)");
        client.mgmt(
                "Db",
                ".create table T ingestion json mapping \"m\" "
                        + "'[{\"column\":\"a\",\"path\":\"$.a\"},{\"column\":\"d\",\"path\":\"$.d\"}]'");
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static JsonNode permanent400(HttpResponse<String> r, String code, String messagePart) {
        JsonNode error = TestClient.assertError(r, 400, code);
        assertTrue(error.path("@permanent").asBoolean(), r.body());
        assertTrue(error.path("@message").asText().contains(messagePart), r.body());
        return error;
    }

    @Test
    void tooDeepOrTooLongJsonIsA400() {
        for (String format : new String[] {"multijson", "singlejson", "json"}) {
            String q = "streamFormat=" + format + "&mappingName=m";
            permanent400(
                    client.ingest("Db", "T", q, "{\"a\":1,\"d\":" + nested(10_000) + "}"),
                    "BadRequest_InvalidBlob",
                    "nesting deeper than 128 levels");
            permanent400(
                    client.ingest("Db", "T", q, "{\"a\":" + "1".repeat(2000) + "}"),
                    "BadRequest_InvalidBlob",
                    "a number longer than 1000 characters");
        }
    }

    @Test
    void aDynamicValueTheEmulatorAcceptsCanAlwaysBeQueried() {
        long before = client.count("Db", "T");
        // the record is level 1, so its dynamic value may nest 127 levels
        assertEquals(
                200,
                client.ingest("Db", "T", "streamFormat=multijson&mappingName=m", "{\"a\":7,\"d\":" + nested(127) + "}")
                        .statusCode());
        permanent400(
                client.ingest("Db", "T", "streamFormat=multijson&mappingName=m", "{\"a\":8,\"d\":" + nested(128) + "}"),
                "BadRequest_InvalidBlob",
                "nesting deeper than 128 levels");
        // a CSV field holding JSON too deep for a dynamic stays the text it was
        assertEquals(
                200,
                client.ingest("Db", "T", "streamFormat=csv", "9," + nested(997)).statusCode());
        assertEquals(before + 2, client.count("Db", "T"));
        assertEquals(200, client.post("/v2/rest/query", "Db", "T").statusCode());
        assertEquals(200, client.post("/v1/rest/query", "Db", "T").statusCode());
    }

    @Test
    void deepMappingJsonIsA400() {
        permanent400(
                client.post(
                        "/v1/rest/mgmt",
                        "Db",
                        ".create table T ingestion json mapping \"deep\" '[{\"column\":\"a\",\"x\":" + nested(5000)
                                + "}]'"),
                "BadRequest_InvalidMapping",
                "nesting deeper than 128 levels");
    }

    @Test
    void kqlNestingAndChainsHaveALimit() {
        permanent400(
                client.post("/v2/rest/query", "Db", "T | where " + "(".repeat(10_000) + "a == 1" + ")".repeat(10_000)),
                "BadRequest_SyntaxError",
                "more than 64 levels");
        permanent400(
                client.post(
                        "/v2/rest/query",
                        "Db",
                        "T | where " + String.join(" and ", Collections.nCopies(50_000, "a == 1"))),
                "BadRequest_SyntaxError",
                "more than 256 levels");
        // just under the limits works
        assertEquals(
                200,
                client.post("/v2/rest/query", "Db", "T | where " + "(".repeat(60) + "a == 1" + ")".repeat(60))
                        .statusCode());
        assertEquals(
                200,
                client.post(
                                "/v2/rest/query",
                                "Db",
                                "T | where " + String.join(" or ", Collections.nCopies(250, "a == 1")))
                        .statusCode());
    }

    @Test
    void overlongAndInvalidUtf8IsRefused() {
        byte[][] bad = {
            {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong '/', 3 bytes
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            {(byte) 0xE2, (byte) 0x82}, // truncated
            {(byte) 0xFF}
        };
        for (byte[] b : bad) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            csv.writeBytes("1,\"x".getBytes(StandardCharsets.UTF_8));
            csv.writeBytes(b);
            csv.writeBytes("\"\n".getBytes(StandardCharsets.UTF_8));
            permanent400(
                    client.ingest("Db", "T", "streamFormat=csv", csv.toByteArray()),
                    "BadRequest_InvalidBlob",
                    "not valid UTF-8: byte 0x");
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            json.writeBytes("{\"db\":\"Db\",\"csl\":\"T | where a == '".getBytes(StandardCharsets.UTF_8));
            json.writeBytes(b);
            json.writeBytes("'\"}".getBytes(StandardCharsets.UTF_8));
            permanent400(
                    client.send(client.request("/v2/rest/query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.toByteArray()))),
                    "General_BadRequest",
                    "not valid UTF-8: byte 0x");
        }
        // valid multi-byte text is fine
        assertEquals(
                200,
                client.ingest("Db", "T", "streamFormat=csv", "1,\"\u00e9\u20ac\ud83d\ude00\"\n")
                        .statusCode());
    }
}
