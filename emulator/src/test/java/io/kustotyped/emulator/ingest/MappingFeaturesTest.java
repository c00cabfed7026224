package io.kustotyped.emulator.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.EmulatorInternals;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.TestClient;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Table;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/kusto-rules.md §3.3–§3.5 and §8: each mapping feature and JSON format rule, through real ingest requests. */
class MappingFeaturesTest {
    static KustoEmulator emu;
    static TestClient client;
    static Database db;
    static int tables;

    @BeforeAll
    static void start() {
        emu = KustoEmulator.builder().database("Db").enableStreaming().start();
        client = new TestClient(emu.uri());
        db = EmulatorInternals.catalog(emu).database("Db");
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    /** Creates a table with the columns ("name:type") and a json mapping "m", ingests the body, returns the rows. */
    static List<Object[]> ingest(String columns, String mapping, String format, String body) {
        Table t = table(columns);
        t.putMapping(IngestionMapping.create("m", "json", mapping, t));
        HttpResponse<String> r = client.ingest("Db", t.name(), "streamFormat=" + format + "&mappingName=m", body);
        assertEquals(200, r.statusCode(), r.body());
        return t.rows();
    }

    static Table table(String columns) {
        List<ColumnDef> cols = java.util.Arrays.stream(columns.split(","))
                .map(c -> c.trim().split(":"))
                .map(p -> new ColumnDef(p[0], ScalarType.parse(p[1])))
                .toList();
        return db.createTable("T" + (++tables), cols, null, null);
    }

    @Test
    void jsonPathsConstantsAndMissingValues() {
        List<Object[]> rows = ingest(
                "id:long, user:string, tag:string, lvl:string, const:string, pathConst:int, "
                        + "missing:string, missingLong:long, all:dynamic",
                "[{\"column\":\"id\",\"Properties\":{\"Path\":\"$.id\"}},"
                        + "{\"column\":\"user\",\"Properties\":{\"Path\":\"$.Details.User['User ID']\"}},"
                        + "{\"column\":\"tag\",\"Properties\":{\"Path\":\"$.Tags[1]\"}},"
                        + "{\"column\":\"lvl\",\"Properties\":{\"Path\":\"$['Log Level']\"}},"
                        + "{\"column\":\"const\",\"Properties\":{\"ConstValue\":\"fixed\"}},"
                        + "{\"column\":\"pathConst\",\"Properties\":{\"Path\":\"17\"}},"
                        + "{\"column\":\"missing\",\"Properties\":{\"Path\":\"$.nope\"}},"
                        + "{\"column\":\"missingLong\",\"Properties\":{\"Path\":\"$.a.b.c\"}},"
                        + "{\"column\":\"all\",\"Properties\":{\"Path\":\"$\"}}]",
                "json",
                "{\"id\":1,\"Details\":{\"User\":{\"User ID\":\"u7\"}},\"Tags\":[\"x\",\"y\"],\"Log Level\":\"W\"}\n");
        Object[] r = rows.get(0);
        assertEquals(1L, r[0]);
        assertEquals("u7", r[1]);
        assertEquals("y", r[2]);
        assertEquals("W", r[3]);
        assertEquals("fixed", r[4]);
        assertEquals(17, r[5], "a Path not starting with $ is a constant");
        assertEquals("", r[6], "a missing string is empty");
        assertNull(r[7], "a missing long is null");
        assertEquals("u7", ((JsonNode) r[8]).at("/Details/User/User ID").asText());
    }

    @Test
    void unmappedColumnsAreNullAndStringsEmpty() {
        List<Object[]> rows = ingest(
                "a:long, b:string, c:datetime",
                "[{\"column\":\"a\",\"path\":\"$.a\"}]",
                "json",
                "{\"a\":5,\"b\":\"ignored\"}");
        assertArrayEquals(new Object[] {5L, "", null}, rows.get(0));
    }

    @Test
    void unixTimeTransforms() {
        List<Object[]> rows = ingest(
                "s:datetime, ms:datetime, us:datetime, ns:datetime, bad:datetime, str:datetime",
                "[{\"column\":\"s\",\"Properties\":{\"Path\":\"$.t\",\"Transform\":\"DateTimeFromUnixSeconds\"}},"
                        + "{\"column\":\"ms\",\"Properties\":{\"Path\":\"$.ms\",\"Transform\":\"DateTimeFromUnixMilliseconds\"}},"
                        + "{\"column\":\"us\",\"Properties\":{\"Path\":\"$.us\",\"Transform\":\"DateTimeFromUnixMicroseconds\"}},"
                        + "{\"column\":\"ns\",\"Properties\":{\"Path\":\"$.ns\",\"Transform\":\"DateTimeFromUnixNanoseconds\"}},"
                        + "{\"column\":\"bad\",\"Properties\":{\"Path\":\"$.bad\",\"Transform\":\"DateTimeFromUnixSeconds\"}},"
                        + "{\"column\":\"str\",\"Properties\":{\"Path\":\"$.str\",\"Transform\":\"DateTimeFromUnixSeconds\"}}]",
                "json",
                "{\"t\":1704067200,\"ms\":1704067200123,\"us\":1704067200123456,\"ns\":1704067200123456789,"
                        + "\"bad\":\"soon\",\"str\":\"1704067200.5\"}");
        Object[] r = rows.get(0);
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), r[0]);
        assertEquals(Instant.parse("2024-01-01T00:00:00.123Z"), r[1]);
        assertEquals(Instant.parse("2024-01-01T00:00:00.123456Z"), r[2]);
        assertEquals(Instant.parse("2024-01-01T00:00:00.1234567Z"), r[3], "truncated to 100 ns");
        assertNull(r[4]);
        assertEquals(Instant.parse("2024-01-01T00:00:00.5Z"), r[5]);
    }

    @Test
    void sourceLineNumberAndLocation() {
        List<Object[]> rows = ingest(
                "line:long, loc:string, a:long",
                "[{\"column\":\"line\",\"Properties\":{\"Transform\":\"SourceLineNumber\"}},"
                        + "{\"column\":\"loc\",\"Properties\":{\"Transform\":\"SourceLocation\"}},"
                        + "{\"column\":\"a\",\"Properties\":{\"Path\":\"$.a\"}}]",
                "json",
                "{\"a\":1}\n{\"a\":2}\n\n{\"a\":4}\n");
        assertEquals(3, rows.size());
        assertEquals(1L, rows.get(0)[0]);
        assertEquals(2L, rows.get(1)[0]);
        assertEquals(4L, rows.get(2)[0], "the line number in the payload");
        assertEquals(MappingEngine.STREAM_SOURCE_LOCATION, rows.get(0)[1]);
    }

    @Test
    void propertyBagArrayToDictionaryAndDropMappedFields() {
        List<Object[]> rows = ingest(
                "props:dynamic, id:long, rest:dynamic",
                "[{\"column\":\"props\",\"Properties\":{\"Path\":\"$.p\",\"Transform\":\"PropertyBagArrayToDictionary\"}},"
                        + "{\"column\":\"id\",\"Properties\":{\"Path\":\"$.event.id\"}},"
                        + "{\"column\":\"rest\",\"Properties\":{\"Path\":\"$.event\",\"Transform\":\"DropMappedFields\"}}]",
                "json",
                "{\"p\":[{\"n1\":\"v1\"},{\"n2\":\"v2\"}],\"event\":{\"id\":9,\"extra\":true}}");
        assertEquals("{\"n1\":\"v1\",\"n2\":\"v2\"}", rows.get(0)[0].toString());
        assertEquals(9L, rows.get(0)[1]);
        assertEquals("{\"extra\":true}", rows.get(0)[2].toString());
    }

    @Test
    void getPathElementGivesANameFromThePath() {
        List<Object[]> rows = ingest(
                "last:string, parent:string, value:long",
                "[{\"column\":\"last\",\"Properties\":{\"Path\":\"$.a.b.c\",\"Transform\":\"GetPathElement(0)\"}},"
                        + "{\"column\":\"parent\",\"Properties\":{\"Path\":\"$.a.b.c\",\"Transform\":\"GetPathElement(-1)\"}},"
                        + "{\"column\":\"value\",\"Properties\":{\"Path\":\"$.a.b.c\"}}]",
                "json",
                "{\"a\":{\"b\":{\"c\":3}}}");
        assertArrayEquals(new Object[] {"c", "b", 3L}, rows.get(0));
    }

    @Test
    void jsonSkipsBadLinesMultiJsonTakesArraysAndConcatenatedObjectsSingleJsonOneObject() {
        String mapping = "[{\"column\":\"a\",\"path\":\"$.a\"}]";
        List<Object[]> json =
                ingest("a:long", mapping, "Json", "\uFEFF{\"a\":1}\nnot json\n{\"a\":2}{\"a\":3}\n[1]\r\n{'a':4}\n");
        assertEquals(List.of(1L, 4L), json.stream().map(r -> r[0]).toList(), "bad lines are skipped silently");
        List<Object[]> array = ingest("a:long", mapping, "multijson", "[{\"a\":1},\n {\"a\":2}]");
        assertEquals(List.of(1L, 2L), array.stream().map(r -> r[0]).toList());
        List<Object[]> pretty = ingest("a:long", mapping, "MultiJson", "{\n  \"a\": 1\n}\n{\"a\":2}{\"a\":3}");
        assertEquals(List.of(1L, 2L, 3L), pretty.stream().map(r -> r[0]).toList());
        List<Object[]> single = ingest("a:long", mapping, "SingleJson", "{\n \"a\": 7\n}\n");
        assertEquals(List.of(7L), single.stream().map(r -> r[0]).toList());
    }

    @Test
    void databaseScopeMappingIsFoundAfterTheTableScope() {
        Table t = table("a:long, b:string");
        db.putMapping(IngestionMapping.create("shared", "json", "[{\"column\":\"a\",\"path\":\"$.a\"}]", null));
        assertEquals(
                200,
                client.ingest("Db", t.name(), "streamFormat=json&mappingName=shared", "{\"a\":3}")
                        .statusCode());
        t.putMapping(IngestionMapping.create("shared", "json", "[{\"column\":\"b\",\"path\":\"$.a\"}]", t));
        assertEquals(
                200,
                client.ingest("Db", t.name(), "streamFormat=json&mappingName=shared", "{\"a\":4}")
                        .statusCode());
        assertArrayEquals(new Object[] {3L, ""}, t.rows().get(0));
        assertArrayEquals(new Object[] {null, "4"}, t.rows().get(1), "the table-scope mapping wins");
    }

    @Test
    void mappingColumnMissingFromTheTableIsRefused() {
        Table t = table("a:long");
        t.putMapping(IngestionMapping.create(
                "m",
                "json",
                "[{\"column\":\"a\",\"path\":\"$.a\"},{\"column\":\"extra\",\"path\":\"$.x\",\"datatype\":\"string\"}]",
                t));
        TestClient.assertError(
                client.ingest("Db", t.name(), "streamFormat=json&mappingName=m", "{\"a\":1}"),
                400,
                "BadRequest_InconsistentMapping");
        assertEquals(0, t.rowCount());
    }

    @Test
    void csvWithAndWithoutMappingAndOtherSeparatedFormats() {
        Table t = table("a:long, b:string, c:bool");
        t.putMapping(IngestionMapping.create(
                "byOrdinal",
                "csv",
                "[{\"column\":\"a\",\"Properties\":{\"Ordinal\":\"2\"}},"
                        + "{\"column\":\"b\",\"Properties\":{\"ConstValue\":\"k\"}},{\"column\":\"c\",\"Properties\":{\"Ordinal\":0}}]",
                t));
        assertEquals(
                200,
                client.ingest("Db", t.name(), "streamFormat=csv&mappingName=byOrdinal", "1,x,5\n")
                        .statusCode());
        assertEquals(
                200,
                client.ingest("Db", t.name(), "streamFormat=tsv", "6\ty\ttrue\n7\t\"q\t\"\"r\"\"\"\t0")
                        .statusCode());
        assertEquals(
                200, client.ingest("Db", t.name(), "streamFormat=psv", "8|z").statusCode());
        assertEquals(
                200, client.ingest("Db", t.name(), "streamFormat=scsv", "9;w;1").statusCode());
        assertEquals(
                200,
                client.ingest("Db", t.name(), "streamFormat=sohsv", "10\u0001v\u00010")
                        .statusCode());
        assertEquals(
                200,
                client.ingest("Db", t.name(), "streamFormat=tsve", "11\ta\\tb\\\\c\tfalse")
                        .statusCode());
        List<Object[]> rows = t.rows();
        assertArrayEquals(new Object[] {5L, "k", true}, rows.get(0));
        assertArrayEquals(new Object[] {6L, "y", true}, rows.get(1));
        assertArrayEquals(new Object[] {7L, "q\t\"r\"", false}, rows.get(2));
        assertArrayEquals(new Object[] {8L, "z", null}, rows.get(3), "missing trailing fields are null");
        assertArrayEquals(new Object[] {9L, "w", true}, rows.get(4));
        assertArrayEquals(new Object[] {10L, "v", false}, rows.get(5));
        assertArrayEquals(new Object[] {11L, "a\tb\\c", false}, rows.get(6));
    }

    @Test
    void txtAndRawPutTheTextInTheFirstColumn() {
        Table t = table("line:string");
        assertEquals(
                200,
                client.ingest("Db", t.name(), "streamFormat=txt", "one, with comma\n\"two\"\n")
                        .statusCode());
        assertEquals(
                200,
                client.ingest("Db", t.name(), "streamFormat=raw", "all\nof it").statusCode());
        assertEquals(
                List.of("one, with comma", "\"two\"", "all\nof it"),
                t.rows().stream().map(r -> r[0]).toList());
    }
}
