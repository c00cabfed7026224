package io.kustotyped.runtime.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Values as generated readers read them: ranges checked, nothing rounded or dropped silently. */
class JsonValuesTest {

    private static JsonParser at(String json) throws IOException {
        JsonParser p = new JsonFactory().createParser(json);
        p.nextToken();
        return p;
    }

    @Test
    void wholeNumbersAreRangeChecked() throws IOException {
        assertEquals(Long.MAX_VALUE, JsonValues.longValue(at("9223372036854775807")));
        assertEquals(5L, JsonValues.longValue(at("5.0")));
        assertEquals(5L, JsonValues.longValue(at("\"5\"")));
        assertEquals(0L, JsonValues.longValue(at("null")));
        assertNull(JsonValues.longOrNull(at("null")));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.longValue(at("9223372036854775808")));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.longValue(at("1.5")));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.intValue(at("2147483648")));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.byteValue(at("128")));
        assertEquals((short) -32768, JsonValues.shortValue(at("-32768")));
    }

    @Test
    void decimalsKeepEveryDigit() throws IOException {
        assertEquals(new BigDecimal("0.1000000000000000000001"), JsonValues.decimal(at("0.1000000000000000000001")));
        assertEquals(new BigDecimal("12.50"), JsonValues.decimal(at("\"12.50\"")));
        assertEquals(new BigInteger("100"), JsonValues.bigInteger(at("\"1.00E+2\"")));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> JsonValues.bigInteger(at("\"1.5\"")));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void timesThatTheJavaTypeCannotHoldAreErrors() throws IOException {
        assertEquals(LocalDate.parse("2020-01-02"), JsonValues.localDate(at("\"2020-01-02T00:00:00Z\"")));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.localDate(at("\"2020-01-02T00:00:01Z\"")));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.date(at("\"2020-01-02T00:00:00.0001Z\"")));
        assertEquals(1_500L, JsonValues.unixTime(at("\"1970-01-01T00:00:01.5Z\""), 1_000L));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.unixTime(at("\"1970-01-01T00:00:01.5Z\""), 1L));
        assertEquals(Instant.EPOCH, JsonValues.instant(at("\"1970-01-01T00:00:00Z\"")));
        assertNull(JsonValues.instant(at("\"\"")), "an empty string column is Kusto's null");
        assertThrows(IllegalArgumentException.class, () -> JsonValues.instant(at("12")));
    }

    @Test
    void textEnumsAndCharacters() throws IOException {
        assertEquals("{\"a\":[1,true]}", JsonValues.string(at("{\"a\":[1,true]}")));
        assertEquals("12", JsonValues.string(at("12")));
        assertNull(JsonValues.nonEmptyString(at("\"\"")));
        assertEquals(Thread.State.NEW, JsonValues.enumValue(at("\"NEW\""), Thread.State.class));
        assertNull(JsonValues.enumValue(at("\"\""), Thread.State.class));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> JsonValues.enumValue(at("\"OLD\""), Thread.State.class));
        assertTrue(e.getMessage().contains("NEW"), "lists the constants: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonValues.charValue(at("\"ab\"")));
        assertThrows(IllegalArgumentException.class, () -> JsonValues.bool(at("\"yes\"")));
        assertTrue(JsonValues.bool(at("1")));
    }
}
