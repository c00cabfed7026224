package io.kustotyped.emulator.ingest;

import static io.kustotyped.emulator.TestClient.assertError;
import static io.kustotyped.emulator.TestClient.gzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.EmulatorInternals;
import io.kustotyped.emulator.IngestLimits;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.TestClient;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.StreamingPolicy;
import io.kustotyped.emulator.store.Table;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal of docs/kusto-rules.md §9.2, §1.5–§1.7 and §8: status, OneApi code, @permanent, and nothing committed. */
class IngestErrorsTest {
    static KustoEmulator emu;
    static TestClient client;
    static Database db;
    static Table table;

    @BeforeAll
    static void start() {
        emu = KustoEmulator.builder()
                .database("Db")
                .limits(new IngestLimits(2000, 1000))
                .start();
        client = new TestClient(emu.uri());
        db = EmulatorInternals.catalog(emu).database("Db");
        table = db.createTable(
                "T", List.of(new ColumnDef("a", ScalarType.LONG), new ColumnDef("b", ScalarType.STRING)), null, null);
        table.putMapping(IngestionMapping.create(
                "m", "json", "[{\"column\":\"a\",\"path\":\"$.a\"},{\"column\":\"b\",\"path\":\"$.b\"}]", table));
        table.putMapping(
                IngestionMapping.create("c", "csv", "[{\"column\":\"a\",\"Properties\":{\"Ordinal\":\"0\"}}]", table));
        table.putMapping(IngestionMapping.create(
                "avro", "avro", "[{\"column\":\"a\",\"Properties\":{\"Field\":\"a\"}}]", table));
        table.setStreamingPolicy(StreamingPolicy.ENABLED);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static JsonNode refused(HttpResponse<String> r, int status, String code, String inMessage) {
        JsonNode e = assertError(r, status, code);
        assertTrue(e.path("@permanent").asBoolean(), r.body());
        assertTrue(e.path("@message").asText().contains(inMessage), r.body());
        return e;
    }

    @Test
    void missingDatabaseTableAndPolicy() {
        refused(
                client.ingest("Nope", "T", "streamFormat=json&mappingName=m", "{}"),
                400,
                "BadRequest_DatabaseNotExist",
                "Entity name 'Nope' of kind 'Database' does not exist.");
        refused(
                client.ingest("Db", "Nope", "streamFormat=json&mappingName=m", "{}"),
                400,
                "BadRequest_TableNotExist",
                "Entity 'Nope' of kind 'Table' wasn't found.");
        Table off = db.createTable("Off", List.of(new ColumnDef("a", ScalarType.LONG)), null, null);
        refused(
                client.ingest("Db", "Off", "streamFormat=csv", "1"),
                400,
                "BadRequest_StreamingIngestionPolicyNotEnabled",
                "Streaming ingestion policy is not enabled");
        db.setStreamingPolicy(StreamingPolicy.ENABLED); // the database policy applies to tables without their own
        assertEquals(200, client.ingest("Db", "Off", "streamFormat=csv", "1").statusCode());
        off.setStreamingPolicy(StreamingPolicy.DISABLED); // the table policy overrides the database
        refused(
                client.ingest("Db", "Off", "streamFormat=csv", "1"),
                400,
                "BadRequest_StreamingIngestionPolicyNotEnabled",
                "'Off'");
        db.setStreamingPolicy(null);
        assertEquals(1, off.rowCount());
    }

    @Test
    void databaseNamesAreCaseInsensitiveAndPathsPercentDecoded() {
        db.createTable("With Space", List.of(new ColumnDef("a", ScalarType.LONG)), null, null)
                .setStreamingPolicy(StreamingPolicy.ENABLED);
        assertEquals(
                200,
                client.ingest("dB", "With%20Space", "streamFormat=CSV", "5").statusCode());
        assertEquals(1, db.table("With Space").rowCount());
    }

    @Test
    void formatErrors() {
        refused(
                client.ingest("Db", "T", "mappingName=m", "{}"),
                400,
                "BadRequest_FormatNotSupported",
                "'streamFormat' query parameter is required");
        refused(
                client.ingest("Db", "T", "streamFormat=xml", "{}"),
                400,
                "BadRequest_FormatNotSupported",
                "Unknown streamFormat 'xml'");
        refused(
                client.ingest("Db", "T", "streamFormat=Avro&mappingName=avro", "x"),
                400,
                "BadRequest_FormatNotSupported",
                "Supported: csv, tsv");
        refused(
                client.ingest("Db", "T", "streamFormat=parquet", "x"),
                400,
                "BadRequest_FormatNotSupported",
                "does not implement");
        refused(
                client.ingest("Db", "T", "streamFormat=json&sourceKind=uri", "{\"sourceUri\":\"https://x\"}"),
                400,
                "BadRequest_IngestionPropertyNotSupportedInThisContext",
                "sourceKind=uri");
    }

    @Test
    void mappingErrors() {
        refused(
                client.ingest("Db", "T", "streamFormat=json", "{\"a\":1}"),
                400,
                "BadRequest_MappingReferenceWasNotFound",
                "requires the 'mappingName' query parameter");
        refused(
                client.ingest("Db", "T", "streamFormat=MultiJson&mappingName=M", "{\"a\":1}"),
                400,
                "BadRequest_MappingReferenceWasNotFound",
                "Mapping reference 'M' of type 'mappingReference'");
        // a csv mapping is not a json mapping
        refused(
                client.ingest("Db", "T", "streamFormat=json&mappingName=c", "{\"a\":1}"),
                400,
                "BadRequest_MappingReferenceWasNotFound",
                "'c'");
    }

    @Test
    void emptyAndMalformedData() {
        long before = table.rowCount();
        refused(
                client.ingest("Db", "T", "streamFormat=json&mappingName=m", ""),
                400,
                "BadRequest_NoRecordsOrWrongFormat",
                "produced 0 bytes");
        refused(
                client.ingest("Db", "T", "streamFormat=json&mappingName=m", "[{\"a\":1},\n{\"a\":2}]"),
                400,
                "BadRequest_NoRecordsOrWrongFormat",
                "use 'multijson'");
        refused(
                client.ingest("Db", "T", "streamFormat=multijson&mappingName=m", "{\"a\":1}\n{\"a\":2,}\n{\"a\":3}"),
                400,
                "BadRequest_InvalidBlob",
                "record 2");
        refused(
                client.ingest("Db", "T", "streamFormat=multijson&mappingName=m", "[{\"a\":1}, 7]"),
                400,
                "BadRequest_InvalidBlob",
                "not a JSON object");
        refused(
                client.ingest("Db", "T", "streamFormat=singlejson&mappingName=m", "{\"a\":1}{\"a\":2}"),
                400,
                "BadRequest_InvalidBlob",
                "only one JSON object");
        refused(
                client.ingest("Db", "T", "streamFormat=csv", "1,x\n2,y,z\n"),
                400,
                "Stream_WrongNumberOfFields",
                "line 2 has 3 fields");
        refused(client.ingest("Db", "T", "streamFormat=csv", "1,\"x\n"), 400, "Stream_ClosingQuoteMissing", "line 1");
        refused(
                client.ingest("Db", "T", "streamFormat=csv", "1,x,y\n"),
                400,
                "Stream_WrongNumberOfFields",
                "table has 2 columns");
        refused(
                client.ingest("Db", "T", "streamFormat=json&mappingName=m", "not gzip", "Content-Encoding", "gzip"),
                400,
                "BadRequest_InvalidBlob",
                "not valid gzip");
        refused(
                client.ingest("Db", "T", "streamFormat=json&mappingName=m", "{}", "Content-Encoding", "br"),
                400,
                "BadRequest_InvalidBlob",
                "Content-Encoding 'br' is not supported");
        assertEquals(before, table.rowCount(), "a refused request commits nothing");
    }

    @Test
    void payloadTooLarge() {
        long before = table.rowCount();
        // over the 2000-byte body limit of this emulator, by Content-Length
        refused(
                client.ingest("Db", "T", "streamFormat=csv", "1,x\n".repeat(600)),
                413,
                "Stream_InputStreamTooLarge",
                "limited to 2000 bytes");
        // under the body limit compressed, over the 1000-byte data limit once inflated (a small zip bomb)
        byte[] bomb = gzip("1,x\n".repeat(5000));
        assertTrue(bomb.length < 2000);
        refused(
                client.ingest("Db", "T", "streamFormat=csv", bomb, "Content-Encoding", "gzip"),
                413,
                "Stream_InputStreamTooLarge",
                "uncompressed data");
        refused(
                client.ingest("Db", "T", "streamFormat=csv", "1,x\n".repeat(300)),
                413,
                "Stream_InputStreamTooLarge",
                "uncompressed data");
        assertEquals(before, table.rowCount());
    }

    @Test
    void everyResponseCarriesTheCorrelationHeaders() {
        HttpResponse<String> withId =
                client.ingest("Db", "Nope", "streamFormat=csv", "1", "x-ms-client-request-id", "Test;123");
        assertEquals(
                "Test;123",
                withId.headers().firstValue("x-ms-client-request-id").orElseThrow());
        assertEquals(
                "Test;123",
                TestClient.parse(withId.body())
                        .get("error")
                        .get("@context")
                        .get("clientRequestId")
                        .asText());
        HttpResponse<String> without = client.ingest("Db", "T", "streamFormat=csv", "1,x");
        assertEquals(200, without.statusCode());
        assertFalse(without.headers()
                .firstValue("x-ms-client-request-id")
                .orElseThrow()
                .isBlank());
        assertFalse(
                without.headers().firstValue("x-ms-activity-id").orElseThrow().isBlank());
    }

    @Test
    void unknownHeadersAreIgnored() {
        HttpResponse<String> r = client.ingest(
                "Db",
                "T",
                "streamFormat=csv",
                "1,x",
                "servertimeout",
                "00:10:00",
                "x-ms-version",
                "2024-12-12",
                "x-ms-client-version",
                "Kusto.Java.Client:{7.0.6}",
                "x-whatever",
                "1");
        assertEquals(200, r.statusCode(), r.body());
    }
}
