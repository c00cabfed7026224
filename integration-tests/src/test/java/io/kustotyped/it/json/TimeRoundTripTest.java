package io.kustotyped.it.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** datetime, timespan and guid columns: exact Kusto text forms (docs/kusto-rules.md §4.2). */
class TimeRoundTripTest {

    private static final UUID ID = UUID.fromString("0F8FAD5B-D9CB-469F-A165-70867728950E");

    private static TimeRow at(Instant instant, Duration duration) {
        return new TimeRow(
                instant,
                instant.atOffset(ZoneOffset.ofHoursMinutes(5, 30)),
                instant.atZone(ZoneId.of("America/New_York")),
                LocalDate.of(1960, 2, 29),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789),
                Date.from(Instant.ofEpochMilli(-1)),
                duration,
                ID,
                instant.toEpochMilli());
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-02T03:04:05.1234567Z, 2024-01-02T03:04:05.1234567Z",
        "2024-01-02T03:04:05.123456789Z, 2024-01-02T03:04:05.1234567Z",
        "2024-01-02T03:04:05Z, 2024-01-02T03:04:05.0000000Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.0000000Z",
        "1969-12-31T23:59:59.9Z, 1969-12-31T23:59:59.9000000Z",
        "1900-02-28T12:00:00.000000199Z, 1900-02-28T12:00:00.0000001Z",
        "1600-02-29T00:00:00Z, 1600-02-29T00:00:00.0000000Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00.0000000Z",
        "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59.9999999Z",
    })
    void instantsAreUtcWithSevenFractionDigits(String instant, String expected) {
        JsonNode json = Json.write(
                TimeRowKustoSchema.INSTANCE, TimeRowJsonWriter.INSTANCE, at(Instant.parse(instant), Duration.ZERO));
        assertEquals(expected, json.get("instant").textValue());
        // Offsets and zones are converted to the same UTC instant.
        assertEquals(expected, json.get("offset").textValue());
        assertEquals(expected, json.get("zoned").textValue());
        assertEquals(
                Instant.parse(instant).toEpochMilli(), json.get("epochMillis").longValue());
    }

    @Test
    void zoneLessAndLegacyTypes() {
        JsonNode json =
                Json.write(TimeRowKustoSchema.INSTANCE, TimeRowJsonWriter.INSTANCE, at(Instant.EPOCH, Duration.ZERO));
        assertEquals("1960-02-29T00:00:00.0000000Z", json.get("date").textValue());
        assertEquals("2024-01-02T03:04:05.1234567Z", json.get("local").textValue());
        assertEquals("1969-12-31T23:59:59.9990000Z", json.get("legacy").textValue());
        assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", json.get("id").textValue());
    }

    @ParameterizedTest
    @CsvSource({
        "PT0S, 00:00:00",
        "PT1S, 00:00:01",
        "PT0.0000001S, 00:00:00.0000001",
        "PT0.00000005S, 00:00:00",
        "PT1.0010001S, 00:00:01.0010001",
        "PT26H3M4.5S, 1.02:03:04.5000000",
        "-PT26H3M4.5S, -1.02:03:04.5000000",
        "-PT48H0.0020002S, -2.00:00:00.0020002",
        "PT2400H, 100.00:00:00",
        "-PT0.5S, -00:00:00.5000000",
    })
    void durationsAreDotNetTimeSpans(String duration, String expected) {
        JsonNode json = Json.write(
                TimeRowKustoSchema.INSTANCE, TimeRowJsonWriter.INSTANCE, at(Instant.EPOCH, Duration.parse(duration)));
        assertEquals(expected, json.get("duration").textValue());
    }

    @Test
    void nullsAreJsonNull() {
        TimeRow row = new TimeRow(null, null, null, null, null, null, null, null, 0);
        JsonNode json = Json.write(TimeRowKustoSchema.INSTANCE, TimeRowJsonWriter.INSTANCE, row);
        for (String column : new String[] {"instant", "offset", "zoned", "date", "local", "legacy", "duration", "id"}) {
            assertTrue(json.get(column).isNull(), column);
        }
    }

    @Test
    void instantsOutsideKustosRangeFailLoudly() {
        // Kusto's datetime holds years 0001-9999; nothing is silently clamped or lost.
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Json.text(
                        TimeRowKustoSchema.INSTANCE,
                        TimeRowJsonWriter.INSTANCE,
                        at(Instant.parse("+10000-01-01T00:00:00Z"), Duration.ZERO)));
        assertTrue(e.getMessage().contains("+10000-01-01T00:00:00Z"), e.getMessage());
    }
}
