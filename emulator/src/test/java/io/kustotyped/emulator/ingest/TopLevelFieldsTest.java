package io.kustotyped.emulator.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast path for top-level mappings ({@link TopLevelFields}) against the record's tree: for random records in the
 * three JSON formats, with every kind of value, malformed lines, duplicate and unmapped properties, comments and
 * single quotes, both give the same rows (same cell classes and values) or the same error.
 */
class TopLevelFieldsTest {
    private static final Table TABLE = new Catalog()
            .createDatabase("D", false)
            .createTable(
                    "T",
                    List.of(
                            new ColumnDef("s", ScalarType.STRING),
                            new ColumnDef("l", ScalarType.LONG),
                            new ColumnDef("i", ScalarType.INT),
                            new ColumnDef("r", ScalarType.REAL),
                            new ColumnDef("d", ScalarType.DECIMAL),
                            new ColumnDef("b", ScalarType.BOOL),
                            new ColumnDef("t", ScalarType.DATETIME),
                            new ColumnDef("g", ScalarType.GUID),
                            new ColumnDef("y", ScalarType.DYNAMIC),
                            new ColumnDef("x", ScalarType.TIMESPAN),
                            new ColumnDef("nReal", ScalarType.REAL),
                            new ColumnDef("nText", ScalarType.STRING),
                            new ColumnDef("nDyn", ScalarType.DYNAMIC),
                            new ColumnDef("spaced", ScalarType.STRING),
                            new ColumnDef("unix", ScalarType.DATETIME),
                            new ColumnDef("line", ScalarType.LONG),
                            new ColumnDef("constant", ScalarType.STRING)),
                    null,
                    null);
    private static final IngestionMapping MAPPING = IngestionMapping.create(
            "m",
            "json",
            "[{'column':'s','Properties':{'Path':'$.s'}},"
                    + "{'column':'l','Properties':{'Path':'$.l'}},"
                    + "{'column':'i','Properties':{'Path':'$.i'}},"
                    + "{'column':'r','Properties':{'Path':'$.r'}},"
                    + "{'column':'d','Properties':{'Path':'$.d'}},"
                    + "{'column':'b','Properties':{'Path':'$.b'}},"
                    + "{'column':'t','Properties':{'Path':'$.t'}},"
                    + "{'column':'g','Properties':{'Path':'$.g'}},"
                    + "{'column':'y','Properties':{'Path':'$.y'}},"
                    + "{'column':'x','Properties':{'Path':'$.x'}},"
                    + "{'column':'nReal','Properties':{'Path':'$.n'}},"
                    + "{'column':'nText','Properties':{'Path':'$.n'}},"
                    + "{'column':'nDyn','Properties':{'Path':'$.n'}},"
                    + "{'column':'spaced','Properties':{'Path':\"$['a b']\"}},"
                    + "{'column':'unix','Properties':{'Path':'$.u','Transform':'DateTimeFromUnixMilliseconds'}},"
                    + "{'column':'line','Properties':{'Transform':'SourceLineNumber'}},"
                    + "{'column':'constant','Properties':{'ConstValue':'c'}}]",
            TABLE);

    private static final String[] KEYS = {"s", "l", "i", "r", "d", "b", "t", "g", "y", "x", "n", "a b", "u", "extra"};
    private static final String[] VALUES = {
        "0",
        "-0",
        "42",
        "-7",
        "2147483648",
        "9223372036854775807",
        "9223372036854775808",
        "123456789012345678901234567890123456789012",
        "1.5",
        "-0.0",
        "0.0",
        "1.50",
        "2.0",
        "1e5",
        "1E-400",
        "-2.5e3",
        "1e9999999999",
        "12345678901234567890.125",
        "0.1",
        "NaN",
        "Infinity",
        "-Infinity",
        "\"x\"",
        "\"\"",
        "\"with \\\"escape\\\" \\u00e9\"",
        "'single'",
        "\"2024-01-01T00:00:00Z\"",
        "\"2024-01-01 10:00\"",
        "\"1.5\"",
        "\"42\"",
        "\"true\"",
        "\"{\\\"a\\\":1}\"",
        "\"[1,2]\"",
        "\"00:01:02\"",
        "\"1.02:03:04.5\"",
        "\"0f8fad5b-d9cb-469f-a165-70867728950e\"",
        "true",
        "false",
        "null",
        "{}",
        "[]",
        "{\"a\":[1,{\"b\":null}],\"c\":1.50}",
        "[1,2.5,\"z\",[true]]",
        "1700000000000",
        "1700000000000.5",
        "\"1700000000000\"",
        "[" + "[".repeat(130) + "]".repeat(130) + "]",
        "01",
        "1.",
        "tru",
        "\"unclosed",
        "{\"a\":1,\"a\":[2]}",
        "[{\"k\":-0.0},1e2,[]]",
        "{\"a\" 1}",
        "[1,]",
        "[1 2]",
        "{\"a\":[1,}",
        "[NaN,'q']"
    };

    @Test
    void fastPathGivesTheTreesRowsAndErrors() {
        SplittableRandom random = new SplittableRandom(20261202);
        assertNotNull(TopLevelFields.of(TABLE, MAPPING), "this mapping reads top-level properties only");
        int differentOutcomes = 0;
        for (int n = 0; n < 3000; n++) {
            IngestFormat format = IngestFormat.values()[0];
            int f = random.nextInt(3);
            List<String> records = new ArrayList<>();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                records.add(record(random));
            }
            String body;
            if (f == 0) {
                format = IngestFormat.JSON;
                body = String.join(random.nextInt(4) == 0 ? "\n\n" : "\n", records);
            } else if (f == 1) {
                format = IngestFormat.MULTIJSON;
                body = random.nextBoolean() ? "[" + String.join(",\n", records) + "]" : String.join("\n", records);
            } else {
                format = IngestFormat.SINGLEJSON;
                body = records.get(0);
            }
            String tree = outcome(format, body, false);
            String fast = outcome(format, body, true);
            assertEquals(tree, fast, () -> "body: " + body);
            // IngestPayload maps each record as it reads it: the same rows, the same errors
            String payload = payload(format, body);
            if (tree.startsWith("error")) {
                assertEquals(tree, payload, () -> "body: " + body);
            } else if (tree.contains("\nrow")) {
                assertEquals(tree.substring(tree.indexOf("\nrow")), payload, () -> "body: " + body);
            } else {
                assertTrue(payload.startsWith("error BadRequest_NoRecordsOrWrongFormat"), payload);
            }
            if (tree.startsWith("error")) {
                differentOutcomes++;
            }
        }
        assertTrue(differentOutcomes > 100 && differentOutcomes < 2900, "both rows and errors are covered");
    }

    @Test
    void aMappingWithANestedPathOrTheRootKeepsTheTree() {
        Table table = new Catalog()
                .createDatabase("D", false)
                .createTable("N", List.of(new ColumnDef("a", ScalarType.STRING)), null, null);
        for (String path : List.of("$.a.b", "$", "$[0]")) {
            IngestionMapping m = IngestionMapping.create(
                    "m", "json", "[{'column':'a','Properties':{'Path':'" + path + "'}}]", table);
            assertNull(TopLevelFields.of(table, m), path);
        }
    }

    @Test
    void negativeZeroIntoARealColumnIsZeroAsThroughBigDecimal() {
        String row = outcome(IngestFormat.JSON, "{\"r\": -0.0, \"n\": -0.0}", true);
        assertTrue(row.contains("r=Double:0.0,"), row);
        assertTrue(row.contains("nReal=Double:0.0,"), row);
        assertTrue(row.contains("nText=String:0.0,"), row);
    }

    @Test
    void aNumberWhoseExponentOverflowsIsMalformedNotAnInternalError() {
        for (boolean fast : new boolean[] {false, true}) {
            String lines = outcome(IngestFormat.JSON, "{\"s\": \"kept\"}\n{\"y\": 1e9999999999}", fast);
            assertTrue(lines.startsWith("skipped 1\nrow s=String:kept,"), lines);
            String multi = outcome(IngestFormat.MULTIJSON, "{\"s\": 1}\n{\"extra\": [1e9999999999]}", fast);
            assertTrue(multi.contains("multijson: malformed JSON in record 2 (a number that cannot be read: "), multi);
            assertTrue(multi.contains("at line 2, column "), multi);
        }
        assertEquals(
                "{\"a\":1e9999999999}",
                Conversions.fromJson(
                                com.fasterxml.jackson.databind.node.TextNode.valueOf("{\"a\":1e9999999999}"),
                                ScalarType.DYNAMIC)
                        .toString()
                        .replace("\\", "")
                        .replaceAll("^\"|\"$", ""),
                "a string that is not readable JSON stays a string in a dynamic column");
    }

    private static String record(SplittableRandom random) {
        StringBuilder sb = new StringBuilder(random.nextInt(10) == 0 ? "/* c */ {" : "{");
        int fields = random.nextInt(12);
        for (int k = 0; k < fields; k++) {
            if (k > 0) {
                sb.append(random.nextInt(40) == 0 ? " " : ", ");
            }
            String key = KEYS[random.nextInt(KEYS.length)];
            sb.append(random.nextInt(8) == 0 ? "'" + key + "'" : "\"" + key + "\"");
            sb.append(random.nextInt(60) == 0 ? " " : ": ");
            sb.append(random.nextInt(5) == 0 ? number(random) : VALUES[random.nextInt(VALUES.length)]);
        }
        sb.append(random.nextInt(40) == 0 ? "" : "}");
        if (random.nextInt(40) == 0) {
            sb.append(" {}");
        }
        return sb.toString();
    }

    /** A random JSON number: a double's shortest text, or up to 25 random digits with a point and an exponent. */
    private static String number(SplittableRandom random) {
        if (random.nextBoolean()) {
            return Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-20, 20)))
                    .replace("E", random.nextBoolean() ? "e" : "E");
        }
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "-" : "");
        sb.append(1 + random.nextInt(9));
        for (int k = random.nextInt(12); k > 0; k--) {
            sb.append(random.nextInt(10));
        }
        sb.append('.');
        for (int k = 1 + random.nextInt(14); k > 0; k--) {
            sb.append(random.nextInt(10));
        }
        if (random.nextInt(4) == 0) {
            sb.append('e').append(random.nextInt(-330, 330));
        }
        return sb.toString();
    }

    /** A cell as text; a JSON value with the node class of every value in it (IntNode and LongNode print alike). */
    private static String typed(Object v) {
        if (!(v instanceof com.fasterxml.jackson.databind.JsonNode node)) {
            return String.valueOf(v);
        }
        StringBuilder sb = new StringBuilder(node.getClass().getSimpleName()).append('(');
        if (node.isObject()) {
            node.properties()
                    .forEach(e -> sb.append(e.getKey())
                            .append('=')
                            .append(typed(e.getValue()))
                            .append(' '));
        } else if (node.isArray()) {
            node.forEach(item -> sb.append(typed(item)).append(' '));
        } else {
            sb.append(node);
        }
        return sb.append(')').toString();
    }

    /** Reads and maps a body as {@link IngestPayload} does, with or without the fast path. */
    private static String outcome(IngestFormat format, String body, boolean fast) {
        try {
            TopLevelFields fields = fast ? TopLevelFields.of(TABLE, MAPPING) : null;
            JsonRecordReader.Result<SourceRecord> r =
                    JsonRecordReader.read(format, body.getBytes(StandardCharsets.UTF_8), fields);
            MappingEngine engine = MappingEngine.prepare(TABLE, MAPPING, fields);
            StringBuilder out = new StringBuilder("skipped " + r.skipped());
            for (SourceRecord record : r.records()) {
                render(engine.apply(record), out);
            }
            return out.toString();
        } catch (KustoError e) {
            return "error " + e.code() + " " + e.getMessage() + " / " + e.atMessage();
        }
    }

    /** The rows {@link IngestPayload#read} gives for a body, or its error. */
    private static String payload(IngestFormat format, String body) {
        try {
            IngestPayload p = IngestPayload.read(
                    new IngestTarget(TABLE, format, MAPPING, null), body.getBytes(StandardCharsets.UTF_8), 1 << 24);
            StringBuilder out = new StringBuilder();
            p.rows().forEach(row -> render(row, out));
            assertEquals(p.rows().size(), p.records());
            return out.toString();
        } catch (KustoError e) {
            return "error " + e.code() + " " + e.getMessage() + " / " + e.atMessage();
        }
    }

    private static void render(Object[] row, StringBuilder out) {
        out.append("\nrow");
        for (int c = 0; c < row.length; c++) {
            Object v = row[c];
            out.append(' ')
                    .append(TABLE.columns().get(c).name())
                    .append('=')
                    .append(v == null ? "null" : v.getClass().getSimpleName() + ":" + typed(v))
                    .append(',');
        }
    }
}
