package io.kustotyped.emulator.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandExecutorTest extends KqlTestSupport {

    private static final List<String> TABLE_COLUMNS =
            List.of("TableName", "Schema", "DatabaseName", "Folder", "DocString");

    @Test
    void createDatabaseVolatileThenIfNotExists() {
        JsonNode t = mgmt(".create database Other volatile");
        assertEquals("Other", t.get("Rows").get(0).get(0).asText());
        assertEquals("volatile", t.get("Rows").get(0).get(1).asText());
        assertNotNull(catalog.database("other"));
        assertFalse(catalog.database("Other").persistent());
        fails("BadRequest_EntityAlreadyExists", () -> mgmt(".create database Other volatile"));
        assertEquals(
                "Other",
                mgmt(".create database Other volatile ifnotexists")
                        .get("Rows")
                        .get(0)
                        .get(0)
                        .asText());
        mgmt(".create database P persist");
        assertTrue(catalog.database("P").persistent());
        assertEquals(3, mgmt(".show databases").get("Rows").size());
        assertEquals(2, mgmt(".drop database other").get("Rows").size());
        assertNull(catalog.database("Other"));
        fails("BadRequest_DatabaseNotExist", () -> mgmt(".drop database Other"));
        assertEquals(2, mgmt(".drop database Other ifexists").get("Rows").size());
    }

    @Test
    void showVersion() {
        JsonNode t = mgmt(".show version");
        assertEquals(List.of("BuildVersion", "BuildTime", "ServiceType", "ProductVersion"), columnNames(t));
        assertEquals("Engine", t.get("Rows").get(0).get(2).asText());
    }

    @Test
    void createTableReturnsSchemaRowWithV1Columns() {
        JsonNode t = mgmt(".create table ['Logs'] (Timestamp:datetime, ['Level name']:string, N:int32) "
                + "with (docstring=\"the logs\", folder=\"ops\")");
        assertEquals(TABLE_COLUMNS, columnNames(t));
        assertEquals("String", t.get("Columns").get(0).get("DataType").asText());
        assertEquals("string", t.get("Columns").get(0).get("ColumnType").asText());
        JsonNode row = t.get("Rows").get(0);
        assertEquals("Logs", row.get(0).asText());
        assertEquals(
                "{\"Name\":\"Logs\",\"OrderedColumns\":[{\"Name\":\"Timestamp\",\"Type\":\"System.DateTime\","
                        + "\"CslType\":\"datetime\"},{\"Name\":\"Level name\",\"Type\":\"System.String\",\"CslType\":\"string\"},"
                        + "{\"Name\":\"N\",\"Type\":\"System.Int32\",\"CslType\":\"int\"}]}",
                row.get(1).asText());
        assertEquals("Test", row.get(2).asText());
        assertEquals("ops", row.get(3).asText());
        assertEquals("the logs", row.get(4).asText());
        Table table = catalog.database("Test").table("Logs");
        assertEquals(ScalarType.INT, table.column("N").type());
    }

    @Test
    void createTableOnExistingTableChangesNothing() {
        mgmt(".create table T (a:string)");
        mgmt(".create table T (a:long, b:int) with (folder='x')");
        Table t = catalog.database("Test").table("T");
        assertEquals(1, t.columns().size());
        assertEquals(ScalarType.STRING, t.columns().get(0).type());
        assertEquals(
                "", mgmt(".show table T cslschema").get("Rows").get(0).get(3).asText());
    }

    @Test
    void createMergeAddsColumnsAndRejectsTypeChange() {
        mgmt(".create-merge table T (a:string)");
        mgmt(".create-merge table T (a:string, b:long)");
        assertEquals(
                "a:string,b:long",
                mgmt(".show table T cslschema").get("Rows").get(0).get(1).asText());
        fails("General_BadRequest", () -> mgmt(".create-merge table T (a:long)"));
    }

    @Test
    void alterMergeNeedsTheTableAndAppendsColumns() {
        fails("BadRequest_TableNotExist", () -> mgmt(".alter-merge table Nope (a:string)"));
        mgmt(".create table T (a:string)");
        JsonNode t = mgmt(".alter-merge table T (c:dynamic) with (docstring='d')");
        assertEquals("d", t.get("Rows").get(0).get(4).asText());
        assertEquals(
                "a:string,c:dynamic",
                mgmt(".show table T cslschema").get("Rows").get(0).get(1).asText());
        fails("General_BadRequest", () -> mgmt(".alter-merge table T (a:int)"));
        mgmt(".alter table T folder 'f1'");
        assertEquals("f1", catalog.database("Test").table("T").folder());
    }

    @Test
    void unknownColumnTypeIsASyntaxError() {
        KustoError e = fails("BadRequest_SyntaxError", () -> mgmt(".create table T (a:strin)"));
        assertTrue(e.atMessage().contains("Unknown type 'strin' for column 'a'"), e.atMessage());
    }

    @Test
    void invalidNamesAreRejected() {
        fails("BadRequest_EntityNameIsNotValid", () -> mgmt(".create table ['a;b'] (a:string)"));
    }

    @Test
    void showTablesAndDrop() {
        mgmt(".create table A (a:string) with (folder='f')");
        mgmt(".create table B (b:string)");
        JsonNode shown = mgmt(".show tables");
        assertEquals(List.of("TableName", "DatabaseName", "Folder", "DocString"), columnNames(shown));
        assertEquals(List.of("[\"A\",\"Test\",\"f\",\"\"]", "[\"B\",\"Test\",\"\",\"\"]"), rows(shown));
        JsonNode dropped = mgmt(".drop table A");
        assertEquals(List.of("TableName", "DatabaseName"), columnNames(dropped));
        assertEquals(List.of("[\"B\",\"Test\"]"), rows(dropped));
        fails("BadRequest_TableNotExist", () -> mgmt(".drop table A"));
        assertEquals(1, mgmt(".drop table A ifexists").get("Rows").size());
    }

    @Test
    void showSchemaForms() {
        mgmt(".create table T (['a b']:string, where:long, x:guid)");
        JsonNode csl = mgmt(".show table T cslschema");
        assertEquals(TABLE_COLUMNS, columnNames(csl));
        assertEquals(
                "['a b']:string,['where']:long,x:guid",
                csl.get("Rows").get(0).get(1).asText());
        assertEquals(
                "(['a b']:string, ['where']:long, x:guid)",
                mgmt(".show table T kqlschema").get("Rows").get(0).get(1).asText());
        String json =
                mgmt(".show table T schema as json").get("Rows").get(0).get(1).asText();
        assertTrue(json.contains("\"Type\":\"System.Guid\""), json);
        fails("BadRequest_TableNotExist", () -> mgmt(".show table Nope cslschema"));
    }

    @Test
    void missingDatabaseIsReported() {
        KustoError e = fails("BadRequest_DatabaseNotExist", () -> service.management("Nope", ".show tables", INFO));
        assertTrue(e.atMessage().contains("Nope"), e.atMessage());
        fails("BadRequest_DatabaseNotExist", () -> mgmt(".alter database Nope policy streamingingestion enable"));
        fails("BadRequest_DatabaseNotSpecified", () -> service.management(null, ".show tables", INFO));
        // Database-level commands that name their database do not need the request's.
        assertEquals(
                "[Test]",
                firstRow(service.management(null, ".show database Test policy streamingingestion", INFO))
                        .get(1)
                        .asText());
    }

    @Test
    void unsupportedCommandIsASyntaxErrorListingWhatIsSupported() {
        KustoError e = fails("BadRequest_SyntaxError", () -> mgmt(".show cluster"));
        assertEquals(400, e.httpStatus());
        assertTrue(e.atMessage().contains(".create-merge"), e.atMessage());
        fails("BadRequest_SyntaxError", () -> mgmt("   "));
    }

    private static JsonNode firstRow(String body) {
        try {
            return JSON.readTree(body).get("Tables").get(0).get("Rows").get(0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- mappings ----

    private static final String MAPPING = "[{\"column\":\"a\",\"Properties\":{\"Path\":\"$.a\"}},"
            + "{\"column\":\"b\",\"path\":\"$['b-x']\",\"datatype\":\"long\"},]";

    @Test
    void mappingLifecycle() {
        mgmt(".create table T (a:string, b:long)");
        JsonNode created = mgmt(".create table T ingestion json mapping \"M\" '" + MAPPING.replace("'", "\\'") + "'");
        assertEquals(List.of("Name", "Kind", "Mapping", "LastUpdatedOn", "Database", "Table"), columnNames(created));
        assertEquals("datetime", columnTypes(created).get(3));
        JsonNode row = created.get("Rows").get(0);
        assertEquals("M", row.get(0).asText());
        assertEquals("Json", row.get(1).asText());
        assertEquals(
                "[{\"Properties\":{\"Path\":\"$.a\"},\"column\":\"a\",\"datatype\":\"\"},"
                        + "{\"Properties\":{\"Path\":\"$['b-x']\"},\"column\":\"b\",\"datatype\":\"long\"}]",
                row.get(2).asText());
        // Kusto writes datetimes with up to 7 fraction digits, trailing zeros trimmed (docs/kusto-rules.md §6.3).
        assertTrue(
                row.get(3).asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,6}[1-9])?Z"),
                row.toString());
        assertEquals("Test", row.get(4).asText());
        assertEquals("T", row.get(5).asText());
        assertNotNull(catalog.database("Test").table("T").mapping("json", "M"));

        fails("BadRequest_DuplicateMapping", () -> mgmt(".create table T ingestion json mapping \"M\" '[]'"));
        fails(
                "BadRequest_MappingReferenceWasNotFound",
                () -> mgmt(".alter table T ingestion json mapping \"N\" '[{\"column\":\"a\",\"path\":\"$.z\"}]'"));
        mgmt(".create-or-alter table T ingestion json mapping \"N\" @'[{\"column\":\"a\",\"path\":\"$.z\"}]'");
        mgmt(".alter table T ingestion json mapping \"N\" ```[{\"column\":\"a\",\"path\":\"$.y\"}]```");
        assertEquals(
                "$.y",
                catalog.database("Test")
                        .table("T")
                        .mapping("json", "N")
                        .elements()
                        .get(0)
                        .path());

        assertEquals(
                2, mgmt(".show table T ingestion json mappings").get("Rows").size());
        assertEquals(2, mgmt(".show table T ingestion mappings").get("Rows").size());
        assertEquals(
                List.of("N"),
                mgmt(".show table T ingestion json mapping \"N\"").findValues("Rows").stream()
                        .map(r -> r.get(0).get(0).asText())
                        .toList());
        fails("BadRequest_MappingReferenceWasNotFound", () -> mgmt(".show table T ingestion json mapping \"Z\""));

        JsonNode remaining = mgmt(".drop table T ingestion json mapping \"M\"");
        assertEquals(1, remaining.get("Rows").size());
        assertNull(catalog.database("Test").table("T").mapping("json", "M"));
        fails("BadRequest_MappingReferenceWasNotFound", () -> mgmt(".drop table T ingestion json mapping \"M\""));
    }

    @Test
    void concurrentCreatesOfOneMappingLetExactlyOneWin() throws Exception {
        mgmt(".create table T (a:string)");
        int threads = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    service.management(
                            "Test",
                            ".create table T ingestion json mapping \"M\" " + "'[{\"column\":\"a\",\"path\":\"$.a\"}]'",
                            INFO);
                    return true;
                } catch (KustoError e) {
                    assertEquals("BadRequest_DuplicateMapping", e.code());
                    return false;
                }
            }));
        }
        start.countDown();
        int wins = 0;
        for (java.util.concurrent.Future<Boolean> f : results) {
            wins += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, wins);
    }

    @Test
    void mappingNamesAreCaseSensitive() {
        mgmt(".create table T (a:string)");
        mgmt(".create table T ingestion json mapping \"M\" '[{\"column\":\"a\",\"path\":\"$.a\"}]'");
        mgmt(".create table T ingestion json mapping \"m\" '[{\"column\":\"a\",\"path\":\"$.b\"}]'");
        assertEquals(
                2, mgmt(".show table T ingestion json mappings").get("Rows").size());
    }

    @Test
    void invalidMappingIsRejectedWithItsCode() {
        mgmt(".create table T (a:string)");
        fails("BadRequest_InvalidMapping", () -> mgmt(".create table T ingestion json mapping \"M\" '{not json'"));
        fails("BadRequest_TableNotExist", () -> mgmt(".create table U ingestion json mapping \"M\" '[]'"));
        fails("BadRequest_InvalidMapping", () -> mgmt(".create table T ingestion avro mapping \"M\" '[]'"));
    }

    @Test
    void csvMappings() {
        mgmt(".create table T (a:string, b:long)");
        JsonNode row =
                mgmt(".create table T ingestion csv mapping \"C\" '[{\"column\":\"b\",\"Properties\":{\"Ordinal\":\"0\"}}]'")
                        .get("Rows")
                        .get(0);
        assertEquals("Csv", row.get(1).asText());
        assertNotNull(catalog.database("Test").table("T").mapping("csv", "C"));
        assertEquals(
                0, mgmt(".show table T ingestion json mappings").get("Rows").size());
        assertEquals(1, mgmt(".show table T ingestion csv mappings").get("Rows").size());
    }

    @Test
    void databaseScopeMappings() {
        JsonNode created =
                mgmt(".create database Test ingestion json mapping \"DM\" '[{\"column\":\"a\",\"path\":\"$.a\"}]'");
        assertEquals(List.of("Name", "Kind", "Mapping", "LastUpdatedOn", "Database"), columnNames(created));
        assertNotNull(catalog.database("Test").mapping("json", "DM"));
        assertEquals(
                1,
                mgmt(".show database Test ingestion json mappings").get("Rows").size());
        mgmt(".drop database Test ingestion json mapping \"DM\"");
        assertNull(catalog.database("Test").mapping("json", "DM"));
    }

    // ---- streaming policy ----

    @Test
    void tablePolicyOverridesDatabasePolicy() {
        mgmt(".create table T (a:string)");
        mgmt(".create table U (a:string)");
        Table t = catalog.database("Test").table("T");
        Table u = catalog.database("Test").table("U");
        assertFalse(t.streamingEnabled());
        JsonNode shown = mgmt(".alter database Test policy streamingingestion enable");
        assertEquals(List.of("PolicyName", "EntityName", "Policy", "ChildEntities", "EntityType"), columnNames(shown));
        assertEquals(
                "[\"StreamingIngestionPolicy\",\"[Test]\",\"{\\\"IsEnabled\\\":true,\\\"HintAllocatedRate\\\":null}\","
                        + "[\"T\",\"U\"],\"Database\"]",
                rows(shown).get(0));
        assertTrue(t.streamingEnabled());
        mgmt(".alter table T policy streamingingestion disable");
        assertFalse(t.streamingEnabled());
        assertTrue(u.streamingEnabled());
        JsonNode tableRow =
                mgmt(".show table T policy streamingingestion").get("Rows").get(0);
        assertEquals("[Test].[T]", tableRow.get(1).asText());
        assertEquals(
                "{\"IsEnabled\":false,\"HintAllocatedRate\":null}",
                tableRow.get(2).asText());
        assertEquals("Table", tableRow.get(4).asText());
        mgmt(".delete table T policy streamingingestion");
        assertNull(t.streamingPolicy());
        assertTrue(t.streamingEnabled());
        assertEquals(
                "null",
                mgmt(".show table T policy streamingingestion")
                        .get("Rows")
                        .get(0)
                        .get(2)
                        .asText());
        mgmt(".delete database Test policy streamingingestion");
        assertFalse(u.streamingEnabled());
    }

    @Test
    void policyJsonAndMerge() {
        mgmt(".create table T (a:string)");
        mgmt(".alter table T policy streamingingestion '{\"IsEnabled\": true, \"HintAllocatedRate\": 2.1}'");
        Table t = catalog.database("Test").table("T");
        assertEquals(2.1, t.streamingPolicy().hintAllocatedRate());
        mgmt(".alter-merge table T policy streamingingestion '{\"isEnabled\": false}'");
        assertFalse(t.streamingPolicy().enabled());
        assertEquals(2.1, t.streamingPolicy().hintAllocatedRate());
        fails(
                "General_BadRequest",
                () -> mgmt(".alter table T policy streamingingestion '{\"HintAllocatedRate\": 1}'"));
        fails("General_BadRequest", () -> mgmt(".alter table T policy streamingingestion '{\"IsEnabled\": 1}'"));
        fails("General_BadRequest", () -> mgmt(".alter table T policy streamingingestion '{\"Foo\": true}'"));
        fails("General_BadRequest", () -> mgmt(".alter table T policy streamingingestion 'nope'"));
        fails("BadRequest_TableNotExist", () -> mgmt(".alter table Nope policy streamingingestion enable"));
        mgmt(".alter database Test policy streamingingestion enable");
        assertTrue(catalog.database("Test").streamingPolicy().enabled());
        assertEquals(
                "[Test]",
                mgmt(".show database policy streamingingestion")
                        .get("Rows")
                        .get(0)
                        .get(1)
                        .asText());
    }

    @Test
    void clearSchemaCache() {
        mgmt(".create table T (a:string)");
        JsonNode t = mgmt(".clear table T cache streamingingestion schema");
        assertEquals(List.of("NodeId", "Status"), columnNames(t));
        assertEquals("Succeeded", t.get("Rows").get(0).get(1).asText());
        assertEquals(
                "Succeeded",
                mgmt(".clear database cache streamingingestion schema")
                        .get("Rows")
                        .get(0)
                        .get(1)
                        .asText());
        fails("BadRequest_TableNotExist", () -> mgmt(".clear table Nope cache streamingingestion schema"));
    }
}
