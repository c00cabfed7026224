package io.kustotyped.emulator.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.emulator.KustoEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The management and query endpoints over real HTTP on 127.0.0.1, as the REST docs describe them (§6). */
class KqlHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KustoEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = KustoEmulator.builder().port(0).database("Test").start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** POSTs {"db","csl","properties"}; properties as a JSON-encoded string, as the Java and Python SDKs send. */
    private static HttpResponse<String> post(String path, String csl) throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("db", "Test")
                .put("csl", csl)
                .put("properties", "{\"Options\":{\"servertimeout\":\"00:04:00\"},\"Parameters\":{}}");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(emulator.uri().toString().replaceAll("/$", "") + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("x-ms-client-request-id", "KqlHttpTest;42")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r::body);
        assertEquals(
                "KqlHttpTest;42",
                r.headers().firstValue("x-ms-client-request-id").orElse(null));
        return JSON.readTree(r.body());
    }

    private static JsonNode error(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r::body);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertEquals(code, error.get("code").asText(), r::body);
        assertTrue(error.get("@permanent").asBoolean(), r::body);
        assertEquals(
                "KqlHttpTest;42", error.get("@context").get("clientRequestId").asText());
        return error;
    }

    @Test
    void managementCommandsAndQueriesOverHttp() throws Exception {
        JsonNode created = ok(post("/v1/rest/mgmt", ".create-merge table H (a:long, b:string)"));
        assertEquals("H", created.get("Tables").get(0).get("Rows").get(0).get(0).asText());
        ok(post("/v1/rest/mgmt", ".alter table H policy streamingingestion enable"));
        HttpResponse<String> ingest = HTTP.send(
                HttpRequest.newBuilder(URI.create(emulator.uri().toString().replaceAll("/$", "")
                                + "/v1/rest/ingest/Test/H?streamFormat=csv"))
                        .POST(HttpRequest.BodyPublishers.ofString("1,x\n2,y\n3,y\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ingest.statusCode(), ingest::body);

        JsonNode v2 = ok(post("/v2/rest/query", "H | summarize count() by b | order by b asc"));
        assertEquals("DataSetHeader", v2.get(0).get("FrameType").asText());
        JsonNode primary = v2.get(2);
        assertEquals("PrimaryResult", primary.get("TableKind").asText());
        assertEquals("[[\"x\",1],[\"y\",2]]", primary.get("Rows").toString());
        assertEquals("DataSetCompletion", v2.get(v2.size() - 1).get("FrameType").asText());

        JsonNode v1 = ok(post("/v1/rest/query", "H | where a > 1 | count"));
        assertEquals(4, v1.get("Tables").size());
        assertEquals("[[2]]", v1.get("Tables").get(0).get("Rows").toString());
        assertEquals(
                List.of("Count"),
                List.of(v1.get("Tables")
                        .get(0)
                        .get("Columns")
                        .get(0)
                        .get("ColumnName")
                        .asText()));
    }

    @Test
    void errorsAreOneApiBodiesWithTheirCodes() throws Exception {
        JsonNode e = error(post("/v1/rest/mgmt", ".show cluster"), 400, "BadRequest_SyntaxError");
        assertTrue(e.get("@message").asText().contains(".create-merge"), e::toString);
        error(post("/v1/rest/mgmt", ".show table Nope cslschema"), 400, "BadRequest_TableNotExist");
        error(post("/v2/rest/query", "Nope | count"), 400, "General_BadRequest");
        error(post("/v2/rest/query", "Test | mv-expand x"), 400, "BadRequest_SyntaxError");
        error(post("/v1/rest/query", "Test | where"), 400, "BadRequest_SyntaxError");
    }
}
