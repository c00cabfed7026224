package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/kusto-rules.md §4.2: the datetime, timespan and guid forms Kusto accepts, and how it writes them. */
class ValuesTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2014-05-25T08:20:03.123456Z | 2014-05-25T08:20:03.1234560Z",
                "2014-05-25T08:20:03.123456 | 2014-05-25T08:20:03.1234560Z",
                "2014-05-25T08:20 | 2014-05-25T08:20:00.0000000Z",
                "2014-11-08 15:55:55.123456Z | 2014-11-08T15:55:55.1234560Z",
                "2014-11-08 15:55:55 | 2014-11-08T15:55:55.0000000Z",
                "2014-11-08 15:55 | 2014-11-08T15:55:00.0000000Z",
                "2014-11-08 | 2014-11-08T00:00:00.0000000Z",
                "2015-01-01T01:01:01.0000001Z | 2015-01-01T01:01:01.0000001Z",
                "2015-01-01T01:01:01.123456789Z | 2015-01-01T01:01:01.1234567Z",
                "2015-01-01T02:01:01+01:00 | 2015-01-01T01:01:01.0000000Z",
                "'Sat, 8 Nov 14 15:05:02 GMT' | 2014-11-08T15:05:02.0000000Z",
                "'Saturday, 08-Nov-14 15:05:02 GMT' | 2014-11-08T15:05:02.0000000Z",
                "'Sat, 08 Nov 2014 15:05:02 GMT' | 2014-11-08T15:05:02.0000000Z",
            })
    void datetimeForms(String text, String expected) {
        assertEquals(expected, Values.formatDatetime(Values.parseDatetime(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2014-13-01", "2014-02-30", "0000-01-01", "12:00", "2014-05-25T25:00"})
    void invalidDatetimesAreNull(String text) {
        assertNull(Values.parseDatetime(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "00:00:00 | 00:00:00",
                "00:00:02 | 00:00:02",
                "01:02:03 | 01:02:03",
                "-00:00:02 | -00:00:02",
                "1:02:03:04 | 1.02:03:04",
                "00:00:01.0010001 | 00:00:01.0010001",
                "1.02:03:04.5 | 1.02:03:04.5000000",
                "-2.00:00:02.0020002 | -2.00:00:02.0020002",
                "1.00:00:01.0010001 | 1.00:00:01.0010001",
                "12:30 | 12:30:00",
                "3 | 3.00:00:00",
                "2d | 2.00:00:00",
                "1.5h | 01:30:00",
                "30m | 00:30:00",
                "10s | 00:00:10",
                "100ms | 00:00:00.1000000",
                "10microsecond | 00:00:00.0000100",
                "1tick | 00:00:00.0000001",
                // TimeSpan.MinValue and MaxValue: the minimum's tick count is Long.MIN_VALUE.
                "-10675199.02:48:05.4775808 | -10675199.02:48:05.4775808",
                "10675199.02:48:05.4775807 | 10675199.02:48:05.4775807",
            })
    void timespanForms(String text, String expected) {
        assertEquals(expected, Values.formatTimespan(Values.parseTimespan(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "1:25:00:00", "00:60:00", "1w"})
    void invalidTimespansAreNull(String text) {
        assertNull(Values.parseTimespan(text));
    }

    @Test
    void ticksRoundTrip() {
        Duration d = Values.ofTicks(-12345678901L);
        assertEquals(-12345678901L, Values.toTicks(d));
        assertEquals(
                Instant.parse("2024-01-01T00:00:00.1234567Z"),
                Values.fromUnix(new java.math.BigDecimal("1704067200.12345678"), 1_000_000_000L));
    }

    @Test
    void guidForms() {
        UUID expected = UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642");
        assertEquals(expected, Values.parseGuid("74be27de-1e4e-49d9-b579-fe0b331d3642"));
        assertEquals(expected, Values.parseGuid("74BE27DE1E4E49D9B579FE0B331D3642"));
        assertEquals(expected, Values.parseGuid("{74be27de-1e4e-49d9-b579-fe0b331d3642}"));
        assertNull(Values.parseGuid("74be27de-1e4e-49d9-b579"));
        assertNull(Values.parseGuid("not a guid"));
    }

    @Test
    void scalarTypeAliases() {
        assertEquals(ScalarType.LONG, ScalarType.parse("int64"));
        assertEquals(ScalarType.BOOL, ScalarType.parse("boolean"));
        assertEquals(ScalarType.GUID, ScalarType.parse("uniqueid"));
        assertEquals(ScalarType.REAL, ScalarType.parse("Double"));
        assertEquals(ScalarType.DATETIME, ScalarType.parse("date"));
        assertEquals(ScalarType.TIMESPAN, ScalarType.parse("time"));
        assertNull(ScalarType.parse("varchar"));
        assertEquals("System.Data.SqlTypes.SqlDecimal", ScalarType.DECIMAL.dotNetName());
        assertEquals("Int32", ScalarType.INT.v1DataType());
    }
}
