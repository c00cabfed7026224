package io.kustotyped.it.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.it.json.ScalarRow.Level;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bool, int, long, real, decimal and string columns: what the generated writer writes parses back exactly. */
class ScalarRoundTripTest {

    private static ScalarRow row(String text, double d, BigDecimal decimal) {
        return new ScalarRow(
                true,
                Boolean.FALSE,
                Byte.MIN_VALUE,
                Byte.MAX_VALUE,
                Short.MIN_VALUE,
                Short.MAX_VALUE,
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                1.5f,
                Float.MAX_VALUE,
                d,
                Double.MIN_VALUE,
                decimal,
                new BigInteger("-123456789012345678901234567890123456"),
                text,
                'é',
                '"',
                new StringBuilder(text),
                text.toCharArray(),
                Level.ERROR,
                new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE},
                42);
    }

    @Test
    void extremesOfEveryNumericType() {
        JsonNode json = Json.write(
                ScalarRowKustoSchema.INSTANCE,
                ScalarRowJsonWriter.INSTANCE,
                row("plain", 0.1, new BigDecimal("12345678901234567890.123456789012345678")));
        assertTrue(json.get("bool1").booleanValue());
        assertTrue(json.get("bool2").isBoolean());
        assertEquals(false, json.get("bool2").booleanValue());
        assertEquals(Byte.MIN_VALUE, json.get("byte1").intValue());
        assertEquals(Byte.MAX_VALUE, json.get("byte2").intValue());
        assertEquals(Short.MIN_VALUE, json.get("short1").intValue());
        assertEquals(Short.MAX_VALUE, json.get("short2").intValue());
        assertEquals(Integer.MIN_VALUE, json.get("int1").intValue());
        assertEquals(Integer.MAX_VALUE, json.get("int2").intValue());
        assertTrue(json.get("long1").isIntegralNumber());
        assertEquals(Long.MIN_VALUE, json.get("long1").longValue());
        assertEquals(Long.MAX_VALUE, json.get("long2").longValue());
        assertEquals(1.5f, json.get("float1").floatValue());
        assertEquals(Float.MAX_VALUE, json.get("float2").decimalValue().floatValue());
        assertEquals(0.1, json.get("double1").doubleValue());
        assertEquals(Double.MIN_VALUE, json.get("double2").decimalValue().doubleValue());
        // Decimals keep every digit (as a JSON string, which Kusto's decimal converts exactly).
        assertEquals(
                "12345678901234567890.123456789012345678", json.get("decimal1").textValue());
        assertEquals(
                "-123456789012345678901234567890123456", json.get("decimal2").textValue());
        assertEquals("plain", json.get("string1").textValue());
        assertEquals("é", json.get("char1").textValue());
        assertEquals("\"", json.get("char2").textValue());
        assertEquals("plain", json.get("chars1").textValue());
        assertEquals("plain", json.get("chars2").textValue());
        assertEquals("ERROR", json.get("level").textValue());
        assertEquals(
                Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE}),
                json.get("bytes").textValue());
        assertEquals(42, json.get("Widened").intValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "héllo wörld, ünïcödé ×÷ 中文 русский",
                "quote \" backslash \\ slash / apostrophe '",
                "controls \u0000 \u0001 \b \f \n \r \t \u001f \u007f end",
                "emoji 😀 and 👩‍👩‍👧 flags 🇫🇷",
                "line separators \u2028 \u2029",
                "unpaired high \uD83D then low \uDE00 alone",
                "trailing high surrogate \uD800",
            })
    void everyStringComesBackExactly(String text) {
        JsonNode json =
                Json.write(ScalarRowKustoSchema.INSTANCE, ScalarRowJsonWriter.INSTANCE, row(text, 1, BigDecimal.ONE));
        assertEquals(text, json.get("string1").textValue());
        assertEquals(text, json.get("chars1").textValue());
        assertEquals(text, json.get("chars2").textValue());
    }

    @Test
    void controlCharactersAreEscapedNotWrittenRaw() {
        String text = Json.text(
                ScalarRowKustoSchema.INSTANCE,
                ScalarRowJsonWriter.INSTANCE,
                row("a\u0000b\u001fc\nd", 1, BigDecimal.ONE));
        for (char c : text.toCharArray()) {
            assertTrue(c >= 0x20, "raw control character " + (int) c + " in " + text);
        }
    }

    @Test
    void nanAndInfinitiesAreTheStringsKustoReads() {
        // docs/kusto-rules.md §4.2: "NaN", "Infinity", "-Infinity".
        assertEquals(
                "NaN",
                Json.write(
                                ScalarRowKustoSchema.INSTANCE,
                                ScalarRowJsonWriter.INSTANCE,
                                row("", Double.NaN, BigDecimal.ONE))
                        .get("double1")
                        .textValue());
        assertEquals(
                "Infinity",
                Json.write(
                                ScalarRowKustoSchema.INSTANCE,
                                ScalarRowJsonWriter.INSTANCE,
                                row("", Double.POSITIVE_INFINITY, BigDecimal.ONE))
                        .get("double1")
                        .textValue());
        assertEquals(
                "-Infinity",
                Json.write(
                                ScalarRowKustoSchema.INSTANCE,
                                ScalarRowJsonWriter.INSTANCE,
                                row("", Double.NEGATIVE_INFINITY, BigDecimal.ONE))
                        .get("double1")
                        .textValue());
    }

    @ParameterizedTest
    @ValueSource(
            doubles = {
                0.0,
                -0.0,
                1.0,
                -1.5,
                1e-7,
                123456.789,
                1e21,
                9007199254740993.0,
                Double.MAX_VALUE,
                -Double.MIN_NORMAL,
                2.2250738585072014E-308,
                0.30000000000000004
            })
    void doublesRoundTripExactly(double d) {
        JsonNode json =
                Json.write(ScalarRowKustoSchema.INSTANCE, ScalarRowJsonWriter.INSTANCE, row("", d, BigDecimal.ONE));
        assertTrue(json.get("double1").isNumber());
        // Bit for bit, from the written text itself, so -0.0 stays negative zero.
        String text =
                Json.text(ScalarRowKustoSchema.INSTANCE, ScalarRowJsonWriter.INSTANCE, row("", d, BigDecimal.ONE));
        int start = text.indexOf("\"double1\":") + "\"double1\":".length();
        String written = text.substring(start, text.indexOf(",\"double2\":", start));
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(written)), written);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0.00",
                "1E+3",
                "1.50",
                "-99999999999999999999999999999999999999",
                "0.0000000000000000000000000000000000001"
            })
    void decimalsKeepEveryDigitInPlainNotation(String decimal) {
        BigDecimal value = new BigDecimal(decimal);
        JsonNode json = Json.write(ScalarRowKustoSchema.INSTANCE, ScalarRowJsonWriter.INSTANCE, row("", 1, value));
        assertEquals(value.toPlainString(), json.get("decimal1").textValue());
    }

    @Test
    void nullsAreWrittenAsJsonNullForEveryNullableColumn() {
        ScalarRow row = new ScalarRow(
                false, null, (byte) 0, null, (short) 0, null, 0, null, 0L, null, 0f, null, 0d, null, null, null, null,
                'x', null, null, null, null, null, 0);
        JsonNode json = Json.write(ScalarRowKustoSchema.INSTANCE, ScalarRowJsonWriter.INSTANCE, row);
        for (String column : new String[] {
            "bool2",
            "byte2",
            "short2",
            "int2",
            "long2",
            "float2",
            "double2",
            "decimal1",
            "decimal2",
            "string1",
            "char2",
            "chars1",
            "chars2",
            "level",
            "bytes"
        }) {
            assertTrue(json.get(column).isNull(), column + " is null in " + json);
        }
        assertEquals(0, json.get("int1").intValue());
        assertEquals(false, json.get("bool1").booleanValue());
    }
}
