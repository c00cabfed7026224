package io.kustotyped.emulator.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.TestClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exact requests of docs/streaming-ingest.md, sent over real HTTP, and the rows queried back. */
class ExampleRequestsTest {
    static final String BODY =
            "{\"Timestamp\":\"2018-11-14 11:34\",\"Level\":\"Info\",\"EventText\":\"Nothing Happened\"}\n"
                    + "{\"Timestamp\":\"2018-11-14 11:35\",\"Level\":\"Error\",\"EventText\":\"Something Happened\"}\n";
    static final String[] DOC_HEADERS = {
        "Accept-Encoding",
        "deflate",
        "Accept-Encoding",
        "gzip",
        "x-ms-client-request-id",
        "MyApp.Ingest;5c0656b9-37c9-4e3a-a671-5f83e6843fce",
        "x-ms-user-id",
        "alex@contoso.com",
        "x-ms-app",
        "MyApp"
    };

    static KustoEmulator emu;
    static TestClient client;

    @BeforeAll
    static void start() {
        emu = KustoEmulator.builder().database("Test").start();
        client = new TestClient(emu.uri());
        client.mgmt("Test", ".create table Logs (Timestamp:datetime, Level:string, EventText:string)");
        client.mgmt(
                "Test",
                ".create table Logs ingestion json mapping \"mylogmapping\" '["
                        + "{\"column\":\"Timestamp\",\"Properties\":{\"Path\":\"$.Timestamp\"}},"
                        + "{\"column\":\"Level\",\"Properties\":{\"Path\":\"$.Level\"}},"
                        + "{\"column\":\"EventText\",\"Properties\":{\"Path\":\"$.EventText\"}}]'");
        client.mgmt("Test", ".alter table Logs policy streamingingestion enable");
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void jsonWithMappingPlainAndGzipAreIngestedAndQueryable() {
        client.mgmt("Test", ".create table JsonLogs (Timestamp:datetime, Level:string, EventText:string)");
        client.mgmt(
                "Test",
                ".create table JsonLogs ingestion json mapping \"mylogmapping\" '["
                        + "{\"column\":\"Timestamp\",\"path\":\"$.Timestamp\",\"datatype\":\"datetime\"},"
                        + "{\"column\":\"Level\",\"path\":\"$.Level\"},{\"column\":\"EventText\",\"path\":\"$.EventText\"}]'");
        client.mgmt("Test", ".alter table JsonLogs policy streamingingestion enable");

        HttpResponse<String> plain =
                client.ingest("Test", "JsonLogs", "streamFormat=Json&mappingName=mylogmapping", BODY, DOC_HEADERS);
        assertEquals(200, plain.statusCode(), plain.body());
        assertEquals(
                "MyApp.Ingest;5c0656b9-37c9-4e3a-a671-5f83e6843fce",
                plain.headers().firstValue("x-ms-client-request-id").orElseThrow());
        assertTrue(plain.headers().firstValue("x-ms-activity-id").isPresent());
        JsonNode result = TestClient.parse(plain.body()).get("Tables").get(0);
        assertEquals(2, result.get("Rows").get(0).get(0).asInt());

        String[] gzipHeaders = concat(DOC_HEADERS, "Content-Encoding", "gzip");
        HttpResponse<String> gz = client.ingest(
                "Test", "JsonLogs", "streamFormat=Json&mappingName=mylogmapping", TestClient.gzip(BODY), gzipHeaders);
        assertEquals(200, gz.statusCode(), gz.body());

        assertEquals(4, client.count("Test", "JsonLogs"));
        List<JsonNode> errors =
                client.query("Test", "JsonLogs | where Level == \"Error\" | project Timestamp, EventText");
        assertEquals(2, errors.size());
        assertEquals("2018-11-14T11:35:00Z", errors.get(0).get(0).asText());
        assertEquals("Something Happened", errors.get(0).get(1).asText());
    }

    @Test
    void csvExampleIsIngested() {
        client.mgmt("Test", ".create table CsvLogs (Timestamp:datetime, Level:string, EventText:string)");
        client.mgmt("Test", ".alter table CsvLogs policy streamingingestion enable");
        HttpResponse<String> r = client.ingest(
                "Test",
                "CsvLogs",
                "streamFormat=Csv",
                "2018-11-14 11:34,Info,Nothing Happened\r\n2018-11-14 11:35,Error,\"Something, \"\"quoted\"\"\nhappened\"\r\n",
                DOC_HEADERS);
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> rows = client.query("Test", "CsvLogs | where Level == \"Error\"");
        assertEquals("Something, \"quoted\"\nhappened", rows.get(0).get(2).asText());
        assertEquals(2, client.count("Test", "CsvLogs"));
    }

    @Test
    void theDocumentedLogsTableTakesTheDocumentedBody() {
        HttpResponse<String> r =
                client.ingest("Test", "Logs", "streamFormat=Json&mappingName=mylogmapping", BODY, DOC_HEADERS);
        assertEquals(200, r.statusCode(), r.body());
        List<JsonNode> rows = client.query("Test", "Logs | where Level == \"Info\"");
        assertEquals("Nothing Happened", rows.get(rows.size() - 1).get(2).asText());
        assertEquals("2018-11-14T11:34:00Z", rows.get(0).get(0).asText());
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
