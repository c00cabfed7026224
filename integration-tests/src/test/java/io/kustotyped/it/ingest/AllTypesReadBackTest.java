package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.TokenProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every supported Java type, ingested through the generated ingestor into the emulator and read back through the
 * generated {@code AllTypesRowReader} ({@code ingestor.query(...)}), with the values it was written with: ordinary
 * values, nulls, and the edges (min and max datetimes, negative and multi-day timespans, the non-finite reals, 38-digit
 * decimals, empty and nested collections, control and non-ASCII characters).
 */
class AllTypesReadBackTest {

    private EmulatorFixture fixture;
    private AllTypesIngestor ingestor;

    @BeforeEach
    void start() throws Exception {
        fixture =
                new EmulatorFixture(b -> b.token("it-token"), o -> o.setTokenProvider(TokenProvider.fixed("it-token")));
        ingestor = AllTypesIngestor.create(fixture.client);
        await(ingestor.applySchema());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static AllTypes minimums() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("empty object", Map.of());
        map.put("empty array", List.of());
        map.put("deep", List.of(List.of(List.of()), Map.of("k", List.of(1L, "two", 3.5, false))));
        map.put("control \u0001\n", "tab\there \u0000 nul");
        map.put("é 日本 𝄞", null);
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        return new AllTypes(
                3,
                true,
                Boolean.TRUE,
                Byte.MIN_VALUE,
                Short.MIN_VALUE,
                Integer.MIN_VALUE,
                Integer.MIN_VALUE,
                Long.MIN_VALUE,
                Long.MIN_VALUE,
                Float.NaN,
                Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE,
                new BigDecimal("-1234567890123456789012345678.0123456789"),
                BigInteger.TEN.pow(37).negate(),
                "\u0000\u0001\u0007\b\f\n\r\t\u001f\u007f \u2028\u2029 \" \\ / é ☃ 日本語 𝄞 😀",
                '\n',
                '日',
                AllTypes.Level.INFO,
                allBytes,
                Instant.parse("0001-01-01T00:00:00Z"),
                OffsetDateTime.parse("0001-01-01T00:00:00.0000001Z"),
                ZonedDateTime.parse("1969-12-31T23:59:59.9999999Z"),
                new Date(-1),
                LocalDateTime.parse("0001-01-01T00:00:00"),
                LocalDate.parse("0001-01-01"),
                // The smallest .NET TimeSpan: -10675199.02:48:05.4775808.
                Duration.ofSeconds(-922_337_203_685L, -477_580_800L),
                new UUID(0, 0),
                map,
                List.of(),
                Set.of(),
                new int[0],
                new AllTypes.Point(Integer.MIN_VALUE, ""),
                Optional.of("\u0000"),
                OptionalInt.of(Integer.MIN_VALUE),
                OptionalLong.of(Long.MIN_VALUE),
                OptionalDouble.of(Double.NaN));
    }

    static AllTypes maximums() {
        return new AllTypes(
                4,
                false,
                Boolean.FALSE,
                Byte.MAX_VALUE,
                Short.MAX_VALUE,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                Long.MAX_VALUE,
                Float.MAX_VALUE,
                Double.MAX_VALUE,
                Double.POSITIVE_INFINITY,
                new BigDecimal("99999999999999999999999999999999999999"),
                new BigInteger("12345678901234567890123456789012345678"),
                "x".repeat(10_000),
                '\uffff',
                '\u0000',
                AllTypes.Level.ERROR,
                new byte[] {(byte) 0x80},
                Instant.parse("9999-12-31T23:59:59.9999999Z"),
                OffsetDateTime.parse("9999-12-31T23:59:59.9999999Z"),
                ZonedDateTime.parse("2000-02-29T23:59:59.1234567Z"),
                new Date(253_402_300_799_999L),
                LocalDateTime.parse("9999-12-31T23:59:59.9999999"),
                LocalDate.parse("9999-12-31"),
                // The largest .NET TimeSpan: 10675199.02:48:05.4775807.
                Duration.ofSeconds(922_337_203_685L, 477_580_700L),
                new UUID(-1, -1),
                Map.of("n", List.of(Map.of("m", List.of(Map.of())))),
                List.of("", " ", "a,b", "[\"not json\"]"),
                new LinkedHashSet<>(List.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 0)),
                new int[] {Integer.MAX_VALUE, 0, Integer.MIN_VALUE},
                new AllTypes.Point(Integer.MAX_VALUE, "{\"looks\":\"like json\"}"),
                Optional.of("[1,2]"),
                OptionalInt.of(Integer.MAX_VALUE),
                OptionalLong.of(Long.MAX_VALUE),
                OptionalDouble.of(Double.NEGATIVE_INFINITY));
    }

    /** Negative multi-day and fraction-only timespans, which .NET writes with a day part and a leading minus. */
    static AllTypes durations(long id, Duration duration) {
        return AllTypesRoundTripTest.nullsWith(id, duration);
    }

    @Test
    void everyTypeReadsBackWithTheValueItWasWrittenWith() throws Exception {
        List<AllTypes> written = List.of(
                AllTypesRoundTripTest.full(),
                AllTypesRoundTripTest.nulls(),
                minimums(),
                maximums(),
                durations(
                        5,
                        Duration.ofDays(-3)
                                .minusHours(4)
                                .minusMinutes(5)
                                .minusSeconds(6)
                                .minusNanos(700)),
                durations(6, Duration.ofDays(40_000).plusNanos(100)),
                durations(7, Duration.ofNanos(-100)),
                durations(8, Duration.ZERO));
        await(ingestor.ingest(written));

        List<AllTypes> read = await(ingestor.query("| order by id asc"));

        assertEquals(written.size(), read.size());
        for (int i = 0; i < written.size(); i++) {
            assertSameRow(written.get(i), read.get(i));
        }
    }

    @Test
    void aQueryWithAPipelineReadsOnlyItsRows() throws Exception {
        await(ingestor.ingest(List.of(AllTypesRoundTripTest.full(), AllTypesRoundTripTest.nulls(), maximums())));

        List<AllTypes> read = await(ingestor.query("| where anEnum == 'ERROR' or id == 1 | order by id desc"));

        assertEquals(List.of(4L, 1L), read.stream().map(AllTypes::id).toList());
        assertEquals(List.of(), await(ingestor.query("| where id == 99")));
    }

    /**
     * The row read back equals the row written, up to what Kusto itself does: a null string is empty (the string
     * type has no null), an offset or zone is not kept (datetimes are UTC), and numbers inside a dynamic
     * {@code Object} come back as {@code Long} or {@code Double}.
     */
    static void assertSameRow(AllTypes w, AllTypes r) {
        String row = "row " + w.id() + ": ";
        assertEquals(w.id(), r.id());
        assertEquals(w.aBool(), r.aBool(), row + "aBool");
        assertEquals(w.boxedBool(), r.boxedBool(), row + "boxedBool");
        assertEquals(w.aByte(), r.aByte(), row + "aByte");
        assertEquals(w.aShort(), r.aShort(), row + "aShort");
        assertEquals(w.anInt(), r.anInt(), row + "anInt");
        assertEquals(w.boxedInt(), r.boxedInt(), row + "boxedInt");
        assertEquals(w.aLong(), r.aLong(), row + "aLong");
        assertEquals(w.boxedLong(), r.boxedLong(), row + "boxedLong");
        assertEquals(w.aFloat(), r.aFloat(), row + "aFloat");
        assertEquals(w.aDouble(), r.aDouble(), row + "aDouble");
        assertEquals(w.boxedDouble(), r.boxedDouble(), row + "boxedDouble");
        assertEquals(w.aDecimal(), r.aDecimal(), row + "aDecimal (exact, scale included)");
        assertEquals(w.aBigInteger(), r.aBigInteger(), row + "aBigInteger");
        assertEquals(w.aString() == null ? "" : w.aString(), r.aString(), row + "aString");
        assertEquals(w.aChar(), r.aChar(), row + "aChar");
        assertEquals(w.boxedChar(), r.boxedChar(), row + "boxedChar");
        assertEquals(w.anEnum(), r.anEnum(), row + "anEnum");
        assertArrayEquals(w.bytes(), r.bytes(), row + "bytes");
        assertEquals(w.instant(), r.instant(), row + "instant");
        assertEquals(
                w.offsetDateTime() == null ? null : w.offsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                r.offsetDateTime(),
                row + "offsetDateTime");
        assertEquals(
                w.zonedDateTime() == null ? null : w.zonedDateTime().withZoneSameInstant(ZoneOffset.UTC),
                r.zonedDateTime(),
                row + "zonedDateTime");
        assertEquals(w.date(), r.date(), row + "date");
        assertEquals(w.localDateTime(), r.localDateTime(), row + "localDateTime");
        assertEquals(w.localDate(), r.localDate(), row + "localDate");
        assertEquals(w.duration(), r.duration(), row + "duration");
        assertEquals(w.uuid(), r.uuid(), row + "uuid");
        assertEquals(longs(w.map()), r.map(), row + "map");
        assertEquals(w.list(), r.list(), row + "list");
        assertEquals(w.set(), r.set(), row + "set");
        assertArrayEquals(w.intArray(), r.intArray(), row + "intArray");
        assertEquals(w.nested(), r.nested(), row + "nested");
        assertEquals(w.optionalString(), r.optionalString(), row + "optionalString");
        assertEquals(w.optionalInt(), r.optionalInt(), row + "optionalInt");
        assertEquals(w.optionalLong(), r.optionalLong(), row + "optionalLong");
        assertEquals(w.optionalDouble(), r.optionalDouble(), row + "optionalDouble");
        if (w.map() == null) {
            assertNull(r.map());
        }
    }

    /** {@code value} with every Integer inside turned into a Long, as a dynamic Object reads whole numbers. */
    @SuppressWarnings("unchecked")
    static Object longs(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k, longs(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(longs(v)));
            return out;
        }
        return value;
    }
}
