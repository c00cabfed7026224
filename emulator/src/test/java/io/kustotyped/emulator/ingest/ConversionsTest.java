package io.kustotyped.emulator.ingest;

import static io.kustotyped.emulator.store.ScalarType.BOOL;
import static io.kustotyped.emulator.store.ScalarType.DATETIME;
import static io.kustotyped.emulator.store.ScalarType.DECIMAL;
import static io.kustotyped.emulator.store.ScalarType.DYNAMIC;
import static io.kustotyped.emulator.store.ScalarType.GUID;
import static io.kustotyped.emulator.store.ScalarType.INT;
import static io.kustotyped.emulator.store.ScalarType.LONG;
import static io.kustotyped.emulator.store.ScalarType.REAL;
import static io.kustotyped.emulator.store.ScalarType.STRING;
import static io.kustotyped.emulator.store.ScalarType.TIMESPAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.store.ScalarType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** docs/kusto-rules.md §4.2: each conversion rule, from JSON values and from text fields. */
class ConversionsTest {
    private static Object json(String json, ScalarType type) {
        try {
            return Conversions.fromJson(JsonRecordReader.MAPPER.readTree(json), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nullAndMissingBecomeNullExceptStringsWhichBecomeEmpty() {
        for (ScalarType t : ScalarType.values()) {
            Object expected = t == STRING ? "" : null;
            assertEquals(expected, Conversions.fromJson(null, t), t::toString);
            assertEquals(expected, json("null", t), t::toString);
            assertEquals(expected, Conversions.fromText(t == STRING ? "" : "", t), t::toString);
        }
    }

    @Test
    void strings() {
        assertEquals("x", json("\"x\"", STRING));
        assertEquals("42", json("42", STRING));
        assertEquals("1.50", json("1.50", STRING));
        assertEquals("true", json("true", STRING));
        assertEquals("{\"a\":[1,2]}", json("{\"a\": [1, 2]}", STRING));
        String big = "y".repeat(Conversions.MAX_STRING_CHARS + 10);
        assertEquals(Conversions.MAX_STRING_CHARS, ((String) Conversions.fromText(big, STRING)).length());
    }

    @Test
    void nanAndTheInfinitiesFitNoIntegerOrDecimalColumn() {
        for (String v : new String[] {"NaN", "Infinity", "-Infinity"}) {
            for (ScalarType t : new ScalarType[] {INT, LONG, DECIMAL, BOOL, DATETIME}) {
                assertNull(json(v, t), v + " into " + t);
            }
            assertEquals(v, json(v, STRING));
        }
        assertTrue(Double.isNaN((Double) json("NaN", REAL)));
    }

    @Test
    void bools() {
        assertEquals(true, json("true", BOOL));
        assertEquals(false, json("0", BOOL));
        assertEquals(true, json("1", BOOL));
        assertEquals(true, json("123", BOOL));
        assertEquals(true, json("\"True\"", BOOL));
        assertEquals(false, json("\"false\"", BOOL));
        assertNull(json("\"yes\"", BOOL));
        assertNull(json("1.5", BOOL));
        assertNull(json("{}", BOOL));
        assertEquals(true, Conversions.fromText("1", BOOL));
    }

    @Test
    void integersAValueThatDoesNotFitIsNull() {
        assertEquals(42, json("42", INT));
        assertEquals(42, json("\"42\"", INT));
        assertEquals(2, json("2.0", INT));
        assertNull(json("1.5", INT), "a floating point value into an int column is NULL");
        assertNull(json("2147483648", INT));
        assertEquals(2147483648L, json("2147483648", LONG));
        assertNull(json("9223372036854775808", LONG));
        assertNull(json("\"abc\"", LONG));
        assertNull(json("true", LONG));
        assertEquals(-7L, Conversions.fromText(" -7 ", LONG));
    }

    @Test
    void realsAndDecimals() {
        assertEquals(1.5, json("1.5", REAL));
        assertEquals(3.0, json("3", REAL));
        assertTrue(Double.isNaN((Double) json("\"NaN\"", REAL)));
        assertEquals(Double.POSITIVE_INFINITY, json("\"Infinity\"", REAL));
        assertEquals(Double.NEGATIVE_INFINITY, json("\"-Infinity\"", REAL));
        assertNull(json("\"1.5x\"", REAL));
        assertEquals(new BigDecimal("123.4500"), json("\"123.4500\"", DECIMAL));
        assertEquals(new BigDecimal("0.1000000000000000000001"), json("0.1000000000000000000001", DECIMAL));
        assertNull(json("\"1e40\"", DECIMAL));
    }

    @Test
    void datetimesTimespansGuids() {
        assertEquals(Instant.parse("2024-01-01T12:00:00.1234567Z"), json("\"2024-01-01T12:00:00.1234567Z\"", DATETIME));
        assertNull(json("1704110400", DATETIME), "a number needs a DateTimeFromUnix* transform");
        assertNull(json("\"not a date\"", DATETIME));
        assertEquals(Duration.ofSeconds(93784, 500_000_000), json("\"1.02:03:04.5\"", TIMESPAN));
        assertNull(json("\"forever\"", TIMESPAN));
        assertEquals(
                UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642"),
                json("\"74be27de-1e4e-49d9-b579-fe0b331d3642\"", GUID));
        assertNull(json("\"74be27de\"", GUID));
    }

    @Test
    void dynamicKeepsJsonAndParsesJsonInStrings() {
        assertEquals(
                "{\"rowId\":1,\"arr\":[0,1]}",
                json("{\"rowId\":1,\"arr\":[0,1]}", DYNAMIC).toString());
        JsonNode fromString = (JsonNode) json("\"{\\\"rowId\\\":1,\\\"arr\\\":[0,1]}\"", DYNAMIC);
        assertTrue(fromString.isObject());
        assertEquals(1, fromString.get("rowId").asInt());
        assertEquals("plain", ((JsonNode) json("\"plain\"", DYNAMIC)).textValue());
        assertEquals(5, ((JsonNode) json("5", DYNAMIC)).asInt());
        assertTrue(((JsonNode) Conversions.fromText("{\"a\":1}", DYNAMIC)).isObject(), "a CSV field holding JSON");
        assertTrue(((JsonNode) Conversions.fromText("12", DYNAMIC)).isNumber());
        assertEquals("hello world", ((JsonNode) Conversions.fromText("hello world", DYNAMIC)).textValue());
        assertNull(
                json("\"[" + "1,".repeat(Conversions.MAX_DYNAMIC_CHARS / 2) + "1]\"", DYNAMIC), "over 1 MiB is NULL");
    }

    @Test
    void aDynamicValueIsMeasuredByItsWrittenLengthEscapesIncluded() {
        int max = Conversions.MAX_DYNAMIC_CHARS;
        // {"a":"xx...x"} is 8 characters plus the string
        assertTrue(json("{\"a\":\"" + "x".repeat(max - 8) + "\"}", DYNAMIC) != null, "exactly 1 MiB is kept");
        assertTrue(json("{\"a\":\"" + "x".repeat(max - 7) + "\"}", DYNAMIC) == null, "one character over");
        // a newline is written as two characters, so the string's own length does not decide: ["\n...\n"] is 4 + 2n
        assertTrue(json("[\"" + "\\n".repeat(max / 2 - 2) + "\"]", DYNAMIC) != null, "1 MiB once escaped");
        assertTrue(json("[\"" + "\\n".repeat(max / 2 - 1) + "\"]", DYNAMIC) == null, "over once escaped");
        // [1.5,1.5,...,1] is 4n + 3
        assertTrue(json("[" + "1.5,".repeat(max / 4 - 1) + "1]", DYNAMIC) != null, "many small numbers, under");
        assertTrue(json("[" + "1.5,".repeat(max / 4) + "1]", DYNAMIC) == null, "many small numbers, over");
    }
}
