package io.kustotyped.emulator.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.emulator.KustoEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The emulator's Data Management side through the V1 queue protocol in plain HTTP (PascalCase messages, numeric
 * report settings): every streaming format through the queue, gzip or not; failures reported with the line; a
 * re-posted message reported as a duplicate; the identity token; the five advertised resources.
 */
class QueuedIngestionTest {
    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KustoEmulator emulator;
    private static QueuedTestClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = KustoEmulator.builder()
                .database("D")
                .queuedStorage(azurite.account())
                .start();
        client = new QueuedTestClient(emulator.ingestionResources(), emulator.kustoIdentityToken());
        mgmt(".create table Lines (Line:string)");
        mgmt(".create table Pairs (Id:long, Name:string)");
        mgmt(".create table Pairs ingestion json mapping 'PairsMapping' '[{\"column\":\"Id\",\"Properties\":"
                + "{\"Path\":\"$.id\"}},{\"column\":\"Name\",\"Properties\":{\"Path\":\"$.name\"}}]'");
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    static String mgmt(String csl) throws Exception {
        ObjectNode body = QueuedTestClient.JSON.createObjectNode();
        body.put("db", "D");
        body.put("csl", csl);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.uri() + "/v1/rest/mgmt"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), csl + ": " + r.body());
        return r.body();
    }

    private static List<List<Object>> rowsOf(String table, String marker) {
        return emulator.rows("D", table).stream()
                .filter(r -> marker.equals(r.get(r.size() - 1)) || marker.equals(r.get(0)))
                .toList();
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @CsvSource({
        "csv,false",
        "csv,true",
        "tsv,false",
        "tsve,true",
        "scsv,false",
        "psv,true",
        "sohsv,false",
        "txt,true",
        "raw,false",
        "json,true",
        "multijson,false",
        "singlejson,true"
    })
    void everyStreamingFormatLandsThroughTheQueue(String format, boolean gzip) throws Exception {
        String marker = format + "-" + gzip + "-" + UUID.randomUUID().toString().substring(0, 8);
        String table = "Pairs";
        String data;
        int expected = 2;
        switch (format) {
            case "csv" -> data = "1," + marker + "\n2," + marker + "\n";
            case "tsv", "tsve" -> data = "1\t" + marker + "\n2\t" + marker + "\n";
            case "scsv" -> data = "1;" + marker + "\n2;" + marker + "\n";
            case "psv" -> data = "1|" + marker + "\n2|" + marker + "\n";
            case "sohsv" -> data = "1\u0001" + marker + "\n2\u0001" + marker + "\n";
            case "txt" -> {
                table = "Lines";
                data = marker + "\n" + marker + "\n";
            }
            case "raw" -> {
                table = "Lines";
                data = marker;
                expected = 1;
            }
            case "json" -> data = "{\"id\":1,\"name\":\"" + marker + "\"}\n{\"id\":2,\"name\":\"" + marker + "\"}\n";
            case "multijson" ->
                data = "[{\"id\":1,\"name\":\"" + marker + "\"},{\"id\":2,\"name\":\"" + marker + "\"}]";
            default -> {
                data = "{\"id\":1,\"name\":\"" + marker + "\"}";
                expected = 1;
            }
        }
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        Map<String, String> props = format.contains("json")
                ? Map.of("format", format, "ingestionMappingReference", "PairsMapping", "ingestionMappingType", "Json")
                : Map.of("format", format);
        String id = client.ingest(
                "D",
                table,
                "D__" + table + "__" + marker + "." + format + (gzip ? ".gz" : ""),
                gzip ? QueuedTestClient.gzip(bytes) : bytes,
                props);
        JsonNode success = client.awaitReport("SuccessfulIngestionsQueue", id, WAIT);
        assertNotNull(success, () -> "no success report; failures: " + peekFailures());
        assertEquals("D", success.path("Database").asText());
        assertEquals(table, success.path("Table").asText());
        assertEquals(expected, rowsOf(table, marker).size());
    }

    private static String peekFailures() {
        try {
            return client.peekAll("FailedIngestionsQueue").toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aBlobLargerThanStreamingAllowsLands() throws Exception {
        // 8 MiB of CSV: twice the 4 MiB of data a streaming request may carry (docs/kusto-rules.md §1.3)
        String marker = "big-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder();
        int rows = 0;
        while (csv.length() < 8 * 1024 * 1024) {
            csv.append(rows++).append(',').append(marker).append('\n');
        }
        byte[] gz = QueuedTestClient.gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
        String id = client.ingest("D", "Pairs", "D__Pairs__" + marker + ".csv.gz", gz, Map.of("format", "csv"));
        assertNotNull(client.awaitReport("SuccessfulIngestionsQueue", id, WAIT), () -> peekFailures());
        assertEquals(rows, rowsOf("Pairs", marker).size());
        System.out.println("large queued blob: " + csv.length() + " bytes uncompressed, " + gz.length + " gzip, " + rows
                + " rows");
    }

    @Test
    void aBadRecordFailsTheBlobWithAReportNamingItsLine() throws Exception {
        String id = client.ingest(
                "D",
                "Pairs",
                "D__Pairs__bad.csv",
                "1,fine\n2,fine\n3,too,many\n".getBytes(StandardCharsets.UTF_8),
                Map.of("format", "csv"));
        JsonNode failure = client.awaitReport("FailedIngestionsQueue", id, WAIT);
        assertNotNull(failure);
        assertEquals("Stream_WrongNumberOfFields", failure.path("ErrorCode").asText());
        assertEquals("Permanent", failure.path("FailureStatus").asText());
        assertTrue(failure.path("Details").asText().contains("line 3"), failure.toString());
        assertEquals("D", failure.path("Database").asText());
        assertTrue(failure.path("IngestionSourcePath").asText().endsWith("/D__Pairs__bad.csv"), failure.toString());
        assertTrue(rowsOf("Pairs", "fine").isEmpty(), "a failed blob commits nothing");
    }

    @Test
    void aMissingMappingIsReportedWithKustosCode() throws Exception {
        String id = client.ingest(
                "D",
                "Pairs",
                "D__Pairs__nomap.multijson",
                "[{\"id\":1}]".getBytes(StandardCharsets.UTF_8),
                Map.of("format", "multijson", "ingestionMappingReference", "Nope", "ingestionMappingType", "Json"));
        JsonNode failure = client.awaitReport("FailedIngestionsQueue", id, WAIT);
        assertNotNull(failure);
        assertEquals(
                "BadRequest_MappingReferenceWasNotFound",
                failure.path("ErrorCode").asText());
        assertTrue(failure.path("Details").asText().contains("Nope"), failure.toString());
    }

    @Test
    void aRepostedMessageIsIngestedAgainAndReportedAsADuplicate() throws Exception {
        String marker = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        ObjectNode message = client.message(
                id,
                client.upload("D__Pairs__" + marker + ".csv", ("1," + marker + "\n2," + marker + "\n").getBytes()),
                "D",
                "Pairs",
                Map.of("format", "csv"));
        QueuedIngestionStats before = emulator.queuedIngestionStats();
        client.post(message);
        assertNotNull(client.awaitReport("SuccessfulIngestionsQueue", id, WAIT));
        client.post(message);
        assertNotNull(client.awaitReport("SuccessfulIngestionsQueue", id, WAIT));
        QueuedIngestionStats after = emulator.queuedIngestionStats();
        // at least once, as on Kusto: the rows are there twice, and the emulator says so
        assertEquals(4, rowsOf("Pairs", marker).size());
        assertEquals(1, after.duplicateSources() - before.duplicateSources());
        assertEquals(2, after.duplicateRows() - before.duplicateRows());
    }

    @Test
    void camelCaseKeysAndReportSettingsByNameAreReadToo() throws Exception {
        String marker = "camel-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        String url = client.upload("D__Lines__" + marker + ".txt", marker.getBytes());
        String json = "{\"id\":\"" + id + "\",\"blobPath\":\"" + url + "\",\"rawDataSize\":null,"
                + "\"databaseName\":\"d\",\"tableName\":\"Lines\",\"retainBlobOnSuccess\":false,"
                + "\"reportLevel\":\"FailuresAndSuccesses\",\"reportMethod\":\"Queue\","
                + "\"additionalProperties\":{\"authorizationContext\":\""
                + emulator.kustoIdentityToken() + "\",\"format\":\"txt\"}}";
        client.post(java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        assertNotNull(client.awaitReport("SuccessfulIngestionsQueue", id, WAIT));
        assertEquals(1, rowsOf("Lines", marker).size());
        // RetainBlobOnSuccess false: the blob is gone
        assertEquals(
                404,
                HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
    }

    @Test
    void aMessageWithoutTheIdentityTokenFails() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode m = client.message(
                id, client.upload("D__Lines__tok.txt", "x".getBytes()), "D", "Lines", Map.of("format", "txt"));
        ((ObjectNode) m.get("AdditionalProperties")).put("authorizationContext", "forged");
        client.post(m);
        JsonNode failure = client.awaitReport("FailedIngestionsQueue", id, WAIT);
        assertNotNull(failure);
        assertEquals(
                "BadRequest_InvalidKustoIdentityToken",
                failure.path("ErrorCode").asText());
    }

    @Test
    void anUnreadableBlobIsRetriedThenReportedAsExhausted() throws Exception {
        String id = UUID.randomUUID().toString();
        String url = client.upload("D__Lines__gone.txt", "x".getBytes());
        String missing = url.replace("/D__Lines__gone.txt?", "/D__Lines__never-uploaded.txt?");
        QueuedIngestionStats before = emulator.queuedIngestionStats();
        client.post(client.message(id, missing, "D", "Lines", Map.of("format", "txt")));
        JsonNode failure = client.awaitReport("FailedIngestionsQueue", id, WAIT);
        assertNotNull(failure);
        assertEquals("Exhausted", failure.path("FailureStatus").asText());
        assertEquals(
                QueuedIngestionOptions.BLOB_READ_ATTEMPTS,
                emulator.queuedIngestionStats().blobReadFailures() - before.blobReadFailures());
    }

    @Test
    void theResourcesAreExactlyTheFiveTypesWithSasUrls() throws Exception {
        String body = mgmt(".show ingestion resources");
        JsonNode rows =
                QueuedTestClient.JSON.readTree(body).path("Tables").path(0).path("Rows");
        assertEquals(5, rows.size(), body);
        List<String> types = new java.util.ArrayList<>();
        rows.forEach(r -> types.add(r.path(0).asText()));
        assertEquals(
                List.of(
                        "SecuredReadyForAggregationQueue",
                        "TempStorage",
                        "FailedIngestionsQueue",
                        "SuccessfulIngestionsQueue",
                        "IngestionsStatusTable"),
                types);
        rows.forEach(r -> assertTrue(
                r.path(1).asText().contains("?sv=") && r.path(1).asText().contains("&sig="), r.toString()));
        assertEquals(body, mgmt(".get ingestion resources"));
        JsonNode token = QueuedTestClient.JSON.readTree(mgmt(".get kusto identity token"));
        assertEquals(
                emulator.kustoIdentityToken(),
                token.path("Tables").path(0).path("Rows").path(0).path(0).asText());
    }
}
