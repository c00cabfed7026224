package io.kustotyped.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Kusto datetime and timespan strings (docs/kusto-rules.md §4.2), checked against java.time's own formatting. */
class TimeEncodingTest {

    private static final DateTimeFormatter KUSTO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static String datetime(Instant v) {
        JsonOutput out = new JsonOutput(0);
        out.datetime(v);
        return out.toString();
    }

    private static String timespan(Duration v) {
        JsonOutput out = new JsonOutput(0);
        out.timespan(v);
        return out.toString();
    }

    @Test
    void datetimeFixedLayout() {
        assertEquals("\"1970-01-01T00:00:00.0000000Z\"", datetime(Instant.EPOCH));
        assertEquals("\"2014-05-25T08:20:03.1234560Z\"", datetime(Instant.parse("2014-05-25T08:20:03.123456Z")));
        assertEquals("\"2000-02-29T23:59:59.9999999Z\"", datetime(Instant.parse("2000-02-29T23:59:59.999999999Z")));
        assertEquals("\"0001-01-01T00:00:00.0000000Z\"", datetime(Instant.parse("0001-01-01T00:00:00Z")));
        assertEquals("\"9999-12-31T23:59:59.9999999Z\"", datetime(Instant.parse("9999-12-31T23:59:59.9999999Z")));
        assertEquals("\"1969-12-31T23:59:59.9999999Z\"", datetime(Instant.ofEpochSecond(-1, 999_999_999)));
        assertEquals("null", datetime(null));
    }

    @Test
    void datetimeRemembersNoStaleDateAcrossDaysAndOutputs() {
        // One output writes runs of instants on the same day, then the next day, then an earlier day again,
        // across midnight and year ends: the remembered date must follow every change of day.
        JsonOutput out = new JsonOutput();
        SplittableRandom random = new SplittableRandom(5);
        long second = Instant.parse("1999-12-30T22:00:00Z").getEpochSecond();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            int step = random.nextInt(10);
            second += step < 7 ? random.nextInt(600) : step < 9 ? -random.nextInt(200_000) : random.nextInt(400_000);
            Instant v = Instant.ofEpochSecond(second, random.nextInt(10_000_000) * 100);
            out.datetime(v);
            out.rawByte('\n');
            expected.append('"').append(KUSTO.format(v)).append("\"\n");
        }
        assertEquals(expected.toString(), out.toString());
        // A datetime of another day written first into a fresh output, then the same day through a reset output.
        JsonOutput other = new JsonOutput();
        other.datetime(Instant.parse("2026-12-02T10:00:00Z"));
        other.reset();
        other.datetime(Instant.parse("2026-12-03T10:00:00Z"));
        assertEquals("\"2026-12-03T10:00:00.0000000Z\"", other.toString());
    }

    @Test
    void datetimeMatchesJavaTimeOnRandomInstants() {
        SplittableRandom random = new SplittableRandom(11);
        JsonOutput out = new JsonOutput();
        for (int i = 0; i < 300_000; i++) {
            long second = random.nextLong(KustoTime.MIN_EPOCH_SECOND, KustoTime.MAX_EPOCH_SECOND + 1);
            Instant v = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            out.reset();
            out.datetime(v);
            String expected = "\""
                    + KUSTO.format(v.truncatedTo(ChronoUnit.MICROS).plusNanos(v.getNano() % 1000 / 100 * 100)) + "\"";
            assertEquals(expected, out.toString(), () -> "for " + v);
        }
    }

    @Test
    void datetimeOutsideKustoRangeIsRejected() {
        Instant before = Instant.parse("0000-12-31T23:59:59.999Z");
        Instant after = Instant.parse("+10000-01-01T00:00:00Z");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> datetime(before));
        assertTrue(e.getMessage().contains(before.toString()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> datetime(after));
        assertThrows(IllegalArgumentException.class, () -> datetime(Instant.MAX));
        assertThrows(IllegalArgumentException.class, () -> new JsonOutput().datetime(LocalDate.of(-5, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new JsonOutput().datetime(0L, 1_000_000_000));
    }

    @Test
    void otherDateTimeTypesUseTheirInstantOrUtc() {
        JsonOutput out = new JsonOutput();
        out.datetime(OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 5_000, ZoneOffset.ofHours(2)));
        out.rawByte(',');
        out.datetime(ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("America/New_York")));
        out.rawByte(',');
        out.datetime(LocalDate.of(2024, 2, 29));
        out.rawByte(',');
        out.datetime(LocalDateTime.of(2024, 12, 31, 23, 59, 58, 123_456_789));
        out.rawByte(',');
        out.datetime(new Date(-1L));
        out.rawByte(',');
        out.datetime(1_700_000_000L, 42_000);
        assertEquals(
                "\"2024-03-01T08:00:00.0000050Z\",\"2024-07-01T16:00:00.0000000Z\","
                        + "\"2024-02-29T00:00:00.0000000Z\",\"2024-12-31T23:59:58.1234567Z\","
                        + "\"1969-12-31T23:59:59.9990000Z\",\"2023-11-14T22:13:20.0000420Z\"",
                out.toString());
    }

    @Test
    void timespanConstantFormat() {
        assertEquals("\"00:00:00\"", timespan(Duration.ZERO));
        assertEquals("\"00:00:01.0010001\"", timespan(Duration.ofNanos(1_001_000_100)));
        assertEquals("\"1.02:03:04.5000000\"", timespan(Duration.parse("P1DT2H3M4.5S")));
        assertEquals("\"-2.00:00:02.0020002\"", timespan(Duration.parse("-P2DT2.0020002S")));
        assertEquals("\"-00:00:00.5000000\"", timespan(Duration.ofMillis(-500)));
        assertEquals("\"-00:00:01.5000000\"", timespan(Duration.ofMillis(-1500)));
        assertEquals("\"23:59:59\"", timespan(Duration.ofSeconds(86_399)));
        assertEquals("\"1.00:00:00\"", timespan(Duration.ofDays(1)));
        assertEquals("\"10675199.02:48:05.4775807\"", timespan(Duration.ofSeconds(922_337_203_685L, 477_580_700)));
        assertEquals("\"-10675199.02:48:05.4775808\"", timespan(Duration.ofSeconds(-922_337_203_685L, -477_580_800)));
        assertEquals("null", timespan(null));
    }

    @Test
    void timespanTruncatesSub100NanosTowardsZero() {
        assertEquals("\"00:00:00.0000001\"", timespan(Duration.ofNanos(199)));
        assertEquals("\"-00:00:00.0000001\"", timespan(Duration.ofNanos(-150)));
        assertEquals("\"00:00:00\"", timespan(Duration.ofNanos(99)));
        assertEquals("\"00:00:00\"", timespan(Duration.ofNanos(-99))); // no "-00:00:00"
    }

    @Test
    void timespanOutsideDotNetRangeIsRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> timespan(Duration.ofSeconds(922_337_203_685L, 477_580_800)));
        assertTrue(e.getMessage().contains("PT"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> timespan(Duration.ofSeconds(-922_337_203_685L, -477_580_900)));
        assertThrows(IllegalArgumentException.class, () -> timespan(Duration.ofSeconds(Long.MIN_VALUE)));
        assertThrows(IllegalArgumentException.class, () -> timespan(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
    }

    @Test
    void timespanRandomAgainstArithmetic() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 100_000; i++) {
            long ticks = random.nextLong() >> random.nextInt(64);
            Duration d = Duration.ofSeconds(ticks / 10_000_000, ticks % 10_000_000 * 100);
            long mag = Math.abs(ticks);
            long days = mag / 864_000_000_000L;
            long rest = mag % 864_000_000_000L;
            String expected = (ticks < 0 ? "-" : "")
                    + (days > 0 ? days + "." : "")
                    + String.format(
                            "%02d:%02d:%02d", rest / 36_000_000_000L, rest / 600_000_000 % 60, rest / 10_000_000 % 60)
                    + (rest % 10_000_000 != 0 ? String.format(".%07d", rest % 10_000_000) : "");
            assertEquals("\"" + expected + "\"", timespan(d), () -> "ticks " + ticks);
        }
    }
}
