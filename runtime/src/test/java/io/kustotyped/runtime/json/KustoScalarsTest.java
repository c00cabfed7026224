package io.kustotyped.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parsers of Kusto's result text, against the forms Kusto writes and the writer's own output. */
class KustoScalarsTest {

    @Test
    void datetimesToTheTick() {
        assertEquals(
                Instant.parse("2015-01-01T01:01:01.0000001Z"),
                KustoScalars.parseDatetime("2015-01-01T01:01:01.0000001Z"));
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), KustoScalars.parseDatetime("0001-01-01T00:00:00Z"));
        assertEquals(
                Instant.parse("9999-12-31T23:59:59.9999999Z"),
                KustoScalars.parseDatetime("9999-12-31T23:59:59.9999999Z"));
        assertEquals(Instant.parse("2014-11-08T15:55:00Z"), KustoScalars.parseDatetime("2014-11-08 15:55"));
        assertEquals(Instant.parse("2014-11-08T00:00:00Z"), KustoScalars.parseDatetime("2014-11-08"));
        assertEquals(
                Instant.parse("2024-01-01T08:00:00.5Z"), KustoScalars.parseDatetime("2024-01-01T10:00:00.5+02:00"));
        assertNull(KustoScalars.parseDatetime(null));
        for (String bad : new String[] {
            "",
            "2024-13-01",
            "2024-02-30T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "yesterday",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00Zjunk"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> KustoScalars.parseDatetime(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void timespansNegativeAndMultiDay() {
        assertEquals(Duration.ofSeconds(86_401, 1_000_100), KustoScalars.parseTimespan("1.00:00:01.0010001"));
        assertEquals(Duration.ofSeconds(62), KustoScalars.parseTimespan("00:01:02"));
        assertEquals(Duration.ofHours(-3), KustoScalars.parseTimespan("-03:00:00"));
        assertEquals(Duration.ofMillis(-1500), KustoScalars.parseTimespan("-00:00:01.5000000"));
        assertEquals(Duration.ofNanos(-100), KustoScalars.parseTimespan("-00:00:00.0000001"));
        assertEquals(
                Duration.ofDays(-3)
                        .minusHours(4)
                        .minusMinutes(5)
                        .minusSeconds(6)
                        .minusNanos(700),
                KustoScalars.parseTimespan("-3.04:05:06.0000007"));
        assertEquals(
                Duration.ofSeconds(-922_337_203_685L, -477_580_800L),
                KustoScalars.parseTimespan("-10675199.02:48:05.4775808"));
        assertEquals(
                Duration.ofSeconds(922_337_203_685L, 477_580_700L),
                KustoScalars.parseTimespan("10675199.02:48:05.4775807"));
        for (String bad : new String[] {"", "1h", "00:60:00", "1.24:00:00", "--1:00:00", "00:00", ".00:00:00"}) {
            assertThrows(IllegalArgumentException.class, () -> KustoScalars.parseTimespan(bad), bad);
        }
    }

    @Test
    void timespansWrittenByTheWriterReadBack() {
        for (Duration d : new Duration[] {
            Duration.ZERO,
            Duration.ofNanos(100),
            Duration.ofDays(40_000).plusNanos(100),
            Duration.ofSeconds(-1, 100),
            Duration.ofDays(-1).minusNanos(9_999_900)
        }) {
            JsonOutput out = new JsonOutput();
            out.timespan(d);
            String text = out.toString();
            assertEquals(d, KustoScalars.parseTimespan(text.substring(1, text.length() - 1)), text);
        }
    }

    @Test
    void decimalsExactGuidsStrictRealsAndBase64() {
        assertEquals(
                new BigDecimal("-1234567890123456789012345678.0123456789"),
                KustoScalars.parseDecimal("-1234567890123456789012345678.0123456789"));
        assertEquals(new BigDecimal("10.50"), KustoScalars.parseDecimal("10.50"));
        assertThrows(IllegalArgumentException.class, () -> KustoScalars.parseDecimal("NaN"));
        UUID u = UUID.fromString("5c0656b9-37c9-4e3a-a671-5f83e6843fce");
        assertEquals(u, KustoScalars.parseGuid("5C0656B9-37C9-4E3A-A671-5F83E6843FCE"));
        assertEquals(u, KustoScalars.parseGuid("5c0656b937c94e3aa6715f83e6843fce"));
        assertThrows(IllegalArgumentException.class, () -> KustoScalars.parseGuid("1-2-3-4-5"));
        assertThrows(
                IllegalArgumentException.class, () -> KustoScalars.parseGuid("5c0656b9-37c9-4e3a-a671-5f83e6843fcg"));
        assertTrue(Double.isNaN(KustoScalars.parseReal("NaN")));
        assertEquals(Double.NEGATIVE_INFINITY, KustoScalars.parseReal("-Infinity"));
        assertEquals(1.5, KustoScalars.parseReal("1.5"));
        assertThrows(IllegalArgumentException.class, () -> KustoScalars.parseReal("inf"));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, KustoScalars.parseBase64("AAH/"));
        assertThrows(IllegalArgumentException.class, () -> KustoScalars.parseBase64("!!"));
    }
}
