package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The untyped result table: cells decoded by Kusto column type, typed getters, wrong-type errors. */
class ResultTableTest {

    /** A v2 answer with a column of every type, encoded as the service encodes it (docs/kusto-rules.md §6.3). */
    private static final String V2 = "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\"},"
            + "{\"FrameType\":\"DataTable\",\"TableId\":0,\"TableKind\":\"QueryProperties\",\"TableName\":\"@ExtendedProperties\","
            + "\"Columns\":[{\"ColumnName\":\"Value\",\"ColumnType\":\"dynamic\"}],\"Rows\":[[\"{}\"]]},"
            + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\","
            + "\"Columns\":[{\"ColumnName\":\"l\",\"ColumnType\":\"long\"},{\"ColumnName\":\"i\",\"ColumnType\":\"int\"},"
            + "{\"ColumnName\":\"r\",\"ColumnType\":\"real\"},{\"ColumnName\":\"b\",\"ColumnType\":\"bool\"},"
            + "{\"ColumnName\":\"s\",\"ColumnType\":\"string\"},{\"ColumnName\":\"dt\",\"ColumnType\":\"datetime\"},"
            + "{\"ColumnName\":\"ts\",\"ColumnType\":\"timespan\"},{\"ColumnName\":\"g\",\"ColumnType\":\"guid\"},"
            + "{\"ColumnName\":\"dec\",\"ColumnType\":\"decimal\"},{\"ColumnName\":\"d\",\"ColumnType\":\"dynamic\"}],"
            + "\"Rows\":["
            + "[1,2,1.5,true,\"é\",\"2024-01-02T03:04:05.1234567Z\",\"-1.02:03:04.5000000\","
            + "\"74be27de-1e4e-49d9-b579-fe0b331d3642\",\"79228162514264337593543950335\",{\"a\":[1,null]}],"
            + "[9223372036854775807,-2147483648,\"NaN\",false,\"\",\"2024-01-02T03:04:05Z\",\"00:00:00\",null,\"0.10\",\"x\"],"
            + "[null,null,\"-Infinity\",null,\"\",null,null,null,null,null]]},"
            + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]";

    private Vertx vertx;
    private FakeKusto server;
    private KustoClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new FakeKusto(vertx);
        client = KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(server.url()));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        await(vertx.close());
    }

    private KustoResultTable query() throws Exception {
        server.respond(r -> FakeKusto.Reply.json(200, V2));
        return await(client.executeQuery("db", "T"));
    }

    @Test
    void cellsFollowTheColumnsKustoType() throws Exception {
        KustoResultTable t = query();
        assertEquals(3, t.rowCount());
        assertEquals(Long.valueOf(1), t.value(0, "l"), "a small long is still a Long");
        assertEquals(Integer.valueOf(2), t.value(0, "i"));
        assertEquals(Double.valueOf(1.5), t.value(0, "r"));
        assertEquals(Double.NaN, t.value(1, "r"));
        assertEquals(new BigDecimal("79228162514264337593543950335"), t.value(0, "dec"));
        assertEquals("0.10", ((BigDecimal) t.value(1, "dec")).toPlainString(), "exact digits, scale included");
        assertEquals("2024-01-02T03:04:05.1234567Z", t.value(0, "dt"), "datetime stays the service's text");
        assertInstanceOf(JsonObject.class, t.value(0, "d"));
        assertEquals("x", t.value(1, "d"));
    }

    @Test
    void typedGettersByNameAndIndex() throws Exception {
        KustoResultTable t = query();
        assertEquals(1L, t.getLong(0, "l"));
        assertEquals(Long.MAX_VALUE, t.getLong(1, 0));
        assertEquals(2L, t.getLong(0, "i"), "an int widens to long");
        assertEquals(Integer.MIN_VALUE, t.getInt(1, "i"));
        assertEquals(1.5, t.getDouble(0, "r"));
        assertEquals(Double.NEGATIVE_INFINITY, t.getDouble(2, 2));
        assertEquals(1.0, t.getDouble(0, "l"));
        assertEquals(true, t.getBoolean(0, "b"));
        assertEquals("é", t.getString(0, "s"));
        assertEquals("", t.getString(2, "s"));
        assertEquals(Instant.parse("2024-01-02T03:04:05.1234567Z"), t.getInstant(0, "dt"));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), t.getInstant(1, 5));
        assertEquals(
                Duration.ofDays(1)
                        .plusHours(2)
                        .plusMinutes(3)
                        .plusSeconds(4)
                        .plusMillis(500)
                        .negated(),
                t.getDuration(0, "ts"));
        assertEquals(Duration.ZERO, t.getDuration(1, "ts"));
        assertEquals(UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642"), t.getUuid(0, "g"));
        assertEquals(new BigDecimal("79228162514264337593543950335"), t.getDecimal(0, "dec"));
        assertEquals(new BigDecimal("9223372036854775807"), t.getDecimal(1, "l"));
        JsonNode d = t.getDynamic(0, "d");
        assertEquals(1, d.get("a").get(0).asInt());
        assertTrue(d.get("a").get(1).isNull());
        assertEquals("x", t.getDynamic(1, "d").asText());
        for (String column : new String[] {"l", "i", "b", "dt", "ts", "g", "dec", "d"}) {
            assertNull(t.value(2, column), column);
        }
        assertNull(t.getLong(2, "l"));
        assertNull(t.getInstant(2, "dt"));
        assertNull(t.getDynamic(2, "d"));
    }

    @Test
    void aWrongTypeNamesColumnRowAndBothTypes() throws Exception {
        KustoResultTable t = query();
        RowReadException e = assertThrows(RowReadException.class, () -> t.getInstant(1, "s"));
        assertEquals("s", e.column());
        assertEquals(1, e.row());
        assertEquals(
                "Cannot read column 's' (row 1) of result table PrimaryResult with getInstant: the column's Kusto type"
                        + " is string, getInstant reads datetime (use getString)",
                e.getMessage());
        RowReadException narrowing = assertThrows(RowReadException.class, () -> t.getInt(0, "l"));
        assertTrue(
                narrowing.getMessage().contains("Kusto type is long, getInt reads int (use getLong)"),
                narrowing.getMessage());
        assertThrows(RowReadException.class, () -> t.getDecimal(0, "r"));
        assertThrows(RowReadException.class, () -> t.getString(0, "g"));
        IllegalArgumentException noColumn = assertThrows(IllegalArgumentException.class, () -> t.getLong(0, "nope"));
        assertTrue(noColumn.getMessage().contains("'nope'"), noColumn.getMessage());
    }

    @Test
    void v1AnswersUseTheDotNetTypes() throws Exception {
        server.respond(r -> FakeKusto.Reply.json(
                200,
                "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":["
                        + "{\"ColumnName\":\"N\",\"DataType\":\"Int64\"},{\"ColumnName\":\"On\",\"DataType\":\"SByte\"},"
                        + "{\"ColumnName\":\"At\",\"DataType\":\"DateTime\"},{\"ColumnName\":\"P\",\"DataType\":\"Object\"}],"
                        + "\"Rows\":[[5,1,\"2024-01-01T00:00:00Z\",\"{\\\"IsEnabled\\\":true}\"]]},"
                        + "{\"TableName\":\"Table_1\",\"Columns\":[],\"Rows\":[]}]}"));
        KustoResultTable t = await(client.executeMgmt("db", ".show x"));
        assertEquals("Table_0", t.name());
        assertEquals("long", t.columns().get(0).kustoType());
        assertEquals(Long.valueOf(5), t.value(0, "N"));
        assertEquals(true, t.getBoolean(0, "On"));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), t.getInstant(0, "At"));
        assertTrue(t.getDynamic(0, "P").get("IsEnabled").asBoolean(), "v1 sends dynamic values as JSON text");
    }
}
