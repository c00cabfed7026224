package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.error.KustoError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/kusto-rules.md §3.1: the accepted element forms and the validation errors. */
class MappingParserTest {
    private final Table table = new Catalog()
            .createDatabase("Db", false)
            .createTable(
                    "T",
                    List.of(
                            new ColumnDef("a", ScalarType.LONG),
                            new ColumnDef("b", ScalarType.STRING),
                            new ColumnDef("c", ScalarType.DATETIME)),
                    null,
                    null);

    @Test
    void propertiesFormFlatFormAnyKeyCaseAndTrailingCommas() {
        List<MappingElement> e = MappingParser.parse("""
        [ {"Column":"a","Properties":{"Path":"$.x"}},
          {"column":"b","path":"$['y z']","datatype":"string","transform":null},
          {"COLUMNNAME":"c","columnType":"datetime","properties":{"path":"$.t","TRANSFORM":"datetimefromunixseconds"}},
        ]""", table);
        assertEquals(3, e.size());
        assertEquals("$.x", e.get(0).path());
        assertEquals("$['y z']", e.get(1).path());
        assertEquals("string", e.get(1).datatype());
        assertNull(e.get(1).transform());
        assertEquals("DateTimeFromUnixSeconds", e.get(2).transform());
    }

    @Test
    void normalizedStoredForm() {
        IngestionMapping m = IngestionMapping.create(
                "m",
                "json",
                "[{\"column\":\"a\",\"path\":\"$.rownumber\",\"datatype\":\"long\"},{\"column\":\"b\",\"Properties\":{\"Path\":\"$.b\"}}]",
                table);
        assertEquals("Json", m.kind());
        assertEquals(
                "[{\"Properties\":{\"Path\":\"$.rownumber\"},\"column\":\"a\",\"datatype\":\"long\"},"
                        + "{\"Properties\":{\"Path\":\"$.b\"},\"column\":\"b\",\"datatype\":\"\"}]",
                m.mappingJson());
    }

    @Test
    void sourceTransformsNeedNoPathAndConstantsAreAccepted() {
        List<MappingElement> e = MappingParser.parse(
                "[{\"column\":\"a\",\"Properties\":{\"Transform\":\"SourceLineNumber\"}},"
                        + "{\"column\":\"b\",\"Properties\":{\"ConstValue\":\"x\"}},{\"column\":\"c\",\"Properties\":{\"Path\":\"2020-01-01\"}}]",
                table);
        assertEquals("SourceLineNumber", e.get(0).transform());
        assertEquals("x", e.get(1).constValue());
        assertTrue(!e.get(2).hasJsonPath());
    }

    @Test
    void errorsNameTheElementAndTheProblem() {
        assertInvalid(
                "[{\"column\":\"a\",\"path\":\"$.x\"},{\"column\":\"a\",\"path\":\"$.y\"}]",
                "Two or more mapping elements point to the same column");
        assertInvalid("[{\"column\":\"nope\",\"path\":\"$.x\"}]", "has no such column");
        assertInvalid("[{\"column\":\"a\",\"path\":\"$..x\"}]", "recursive descent");
        assertInvalid("[{\"column\":\"a\",\"path\":\"$.x[*]\"}]", "wildcards");
        assertInvalid("[{\"column\":\"a\",\"path\":\"$.x\",\"transform\":\"Explode\"}]", "unknown transform 'Explode'");
        assertInvalid("[{\"column\":\"a\"}]", "element 0 (column 'a') has no source");
        assertInvalid("[{\"path\":\"$.x\"}]", "element 0 has no 'column'");
        assertInvalid("{\"column\":\"a\"}", "must be a JSON array");
        assertInvalid("[{\"column\":\"a\",\"path\":\"$.x\"", "not valid JSON");
        assertInvalid("[{\"column\":\"a\",\"path\":\"$.x\",\"datatype\":\"varchar\"}]", "unknown datatype 'varchar'");
    }

    private void assertInvalid(String json, String expected) {
        KustoError e = assertThrows(KustoError.class, () -> MappingParser.parse(json, table));
        assertEquals("BadRequest_InvalidMapping", e.code());
        assertEquals(400, e.httpStatus());
        assertTrue(e.atMessage().contains(expected), e.atMessage());
    }

    @Test
    void jsonPathSubset() {
        var record = io.kustotyped.emulator.TestClient.parse(
                "{\"Details\":{\"User\":{\"User ID\":7}},\"Tags\":[\"x\",\"y\"],\"Log Level\":\"W\"}");
        assertEquals(
                7, JsonPath.compile("$.Details.User['User ID']").select(record).asInt());
        assertEquals("W", JsonPath.compile("$['Log Level']").select(record).asText());
        assertEquals("W", JsonPath.compile("$.['Log Level']").select(record).asText());
        assertEquals("W", JsonPath.compile("$[\"Log Level\"]").select(record).asText());
        assertEquals("y", JsonPath.compile("$.Tags[1]").select(record).asText());
        assertEquals(record, JsonPath.compile("$").select(record));
        assertNull(JsonPath.compile("$.Tags[5]").select(record));
        assertNull(JsonPath.compile("$.Missing.Deeper").select(record));
    }
}
