package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.SchemaReport;
import io.kustotyped.runtime.TokenProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every supported Java type, ingested through the generated ingestor and queried back with the same values. */
class AllTypesRoundTripTest {

    private EmulatorFixture fixture;
    private KustoClient client;

    @BeforeEach
    void start() {
        fixture =
                new EmulatorFixture(b -> b.token("it-token"), o -> o.setTokenProvider(TokenProvider.fixed("it-token")));
        client = fixture.client;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static AllTypes full() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", "v");
        map.put("n", 42);
        map.put("nested", List.of(1, 2));
        return new AllTypes(
                1,
                true,
                Boolean.FALSE,
                (byte) -7,
                (short) 300,
                Integer.MIN_VALUE,
                12345,
                Long.MAX_VALUE,
                -9L,
                1.5f,
                0.1 + 0.2,
                Double.NaN,
                new BigDecimal("12345678901234.5678"),
                new BigInteger("-98765432109876543210"),
                "quote \" backslash \\ tab \t unicode é ☃ 😀",
                'x',
                'é',
                AllTypes.Level.WARN,
                new byte[] {0, 1, 2, (byte) 0xff},
                Instant.parse("2024-02-29T12:34:56.1234567Z"),
                OffsetDateTime.parse("2024-01-01T10:00:00+02:00"),
                ZonedDateTime.of(2023, 7, 1, 8, 30, 0, 0, ZoneId.of("America/New_York")),
                Date.from(Instant.parse("2020-05-06T07:08:09.123Z")),
                LocalDateTime.parse("2021-03-04T05:06:07.5"),
                LocalDate.parse("1999-12-31"),
                Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500),
                UUID.fromString("5C0656B9-37C9-4E3A-A671-5F83E6843FCE"),
                map,
                List.of("a", "b"),
                new LinkedHashSet<>(List.of(3, 1)),
                new int[] {7, 8},
                new AllTypes.Point(5, "p"),
                Optional.of("present"),
                OptionalInt.of(-1),
                OptionalLong.of(1L << 40),
                OptionalDouble.of(-2.25));
    }

    static AllTypes nulls() {
        return nullsWith(2, Duration.ofMillis(-1500));
    }

    static AllTypes nullsWith(long id, Duration duration) {
        return new AllTypes(
                id,
                false,
                null,
                (byte) 0,
                (short) 0,
                0,
                null,
                0,
                null,
                Float.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                null,
                null,
                null,
                null,
                '\u0000',
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                duration,
                null,
                null,
                null,
                null,
                null,
                null,
                Optional.empty(),
                OptionalInt.empty(),
                OptionalLong.empty(),
                OptionalDouble.empty());
    }

    @Test
    void everyTypeComesBackWithTheSameValue() throws Exception {
        AllTypesIngestor ingestor = AllTypesIngestor.create(client);
        SchemaReport before = await(ingestor.checkSchema());
        assertEquals(SchemaReport.Kind.TABLE_MISSING, before.drifts().get(0).kind(), before.toString());
        await(ingestor.applySchema());
        SchemaReport after = await(ingestor.checkSchema());
        assertTrue(after.isUpToDate(), after.toString());
        assertEquals(List.of(), after.drifts());

        IngestResult r = await(ingestor.ingest(List.of(full(), nulls())));
        assertEquals(2, r.rowsIngested());

        KustoResultTable t = await(client.executeQuery("Test", "AllTypes | order by id asc"));
        assertEquals(2, t.rowCount());

        // row 0: every value present
        assertEquals(1L, num(t, 0, "id").longValue());
        assertEquals(true, t.value(0, "aBool"));
        assertEquals(false, t.value(0, "boxedBool"));
        assertEquals(-7, num(t, 0, "aByte").intValue());
        assertEquals(300, num(t, 0, "aShort").intValue());
        assertEquals(Integer.MIN_VALUE, num(t, 0, "anInt").intValue());
        assertEquals(12345, num(t, 0, "boxedInt").intValue());
        assertEquals(Long.MAX_VALUE, num(t, 0, "aLong").longValue());
        assertEquals(-9L, num(t, 0, "boxedLong").longValue());
        assertEquals(1.5, num(t, 0, "aFloat").doubleValue());
        assertEquals(0.1 + 0.2, num(t, 0, "aDouble").doubleValue());
        assertEquals("NaN", t.string(0, "boxedDouble"));
        assertEquals(0, new BigDecimal("12345678901234.5678").compareTo(new BigDecimal(t.string(0, "aDecimal"))));
        assertEquals(0, new BigDecimal("-98765432109876543210").compareTo(new BigDecimal(t.string(0, "aBigInteger"))));
        assertEquals("quote \" backslash \\ tab \t unicode é ☃ 😀", t.string(0, "aString"));
        assertEquals("x", t.string(0, "aChar"));
        assertEquals("é", t.string(0, "boxedChar"));
        assertEquals("WARN", t.string(0, "anEnum"));
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff}), t.string(0, "bytes"));
        assertEquals(Instant.parse("2024-02-29T12:34:56.1234567Z"), instant(t, 0, "instant"));
        assertEquals(Instant.parse("2024-01-01T08:00:00Z"), instant(t, 0, "offsetDateTime"));
        assertEquals(Instant.parse("2023-07-01T12:30:00Z"), instant(t, 0, "zonedDateTime"));
        assertEquals(Instant.parse("2020-05-06T07:08:09.123Z"), instant(t, 0, "date"));
        assertEquals(
                LocalDateTime.parse("2021-03-04T05:06:07.5").toInstant(ZoneOffset.UTC), instant(t, 0, "localDateTime"));
        assertEquals(Instant.parse("1999-12-31T00:00:00Z"), instant(t, 0, "localDate"));
        assertEquals("1.02:03:04.5000000", t.string(0, "duration"));
        assertEquals("5c0656b9-37c9-4e3a-a671-5f83e6843fce", t.string(0, "uuid"));
        assertEquals(
                new JsonObject()
                        .put("k", "v")
                        .put("n", 42)
                        .put("nested", new JsonArray().add(1).add(2)),
                json(t.value(0, "map")));
        assertEquals(new JsonArray().add("a").add("b"), json(t.value(0, "list")));
        assertEquals(new JsonArray().add(3).add(1), json(t.value(0, "set")));
        assertEquals(new JsonArray().add(7).add(8), json(t.value(0, "intArray")));
        assertEquals(new JsonObject().put("x", 5).put("label", "p"), json(t.value(0, "nested")));
        assertEquals("present", t.string(0, "optionalString"));
        assertEquals(-1, num(t, 0, "optionalInt").intValue());
        assertEquals(1L << 40, num(t, 0, "optionalLong").longValue());
        assertEquals(-2.25, num(t, 0, "optionalDouble").doubleValue());

        // row 1: nulls and the other special values
        assertNull(t.value(1, "boxedBool"));
        assertNull(t.value(1, "boxedInt"));
        assertNull(t.value(1, "boxedLong"));
        assertEquals("Infinity", t.string(1, "aFloat"));
        assertEquals("-Infinity", t.string(1, "aDouble"));
        assertNull(t.value(1, "boxedDouble"));
        assertNull(t.value(1, "aDecimal"));
        assertEquals("", t.string(1, "aString"), "a null string is empty in Kusto: the string type has no null");
        assertEquals("", t.string(1, "anEnum"));
        assertNull(t.value(1, "instant"));
        assertNull(t.value(1, "uuid"));
        assertNull(t.value(1, "map"));
        assertEquals("-00:00:01.5000000", t.string(1, "duration"));
        assertEquals("", t.string(1, "optionalString"));
        assertNull(t.value(1, "optionalInt"));
        assertNull(t.value(1, "optionalLong"));
        assertNull(t.value(1, "optionalDouble"));
    }

    @Test
    void timespansWithoutFractionOrDaysKeepTheirUnits() throws Exception {
        // The writer leaves out a zero fraction and zero days ("00:01:02"); the service must read hh:mm:ss.
        AllTypesIngestor ingestor = AllTypesIngestor.create(client);
        await(ingestor.applySchema());
        await(ingestor.ingest(List.of(nullsWith(10, Duration.ofSeconds(62)), nullsWith(11, Duration.ofHours(-3)))));

        KustoResultTable t = await(client.executeQuery(
                "Test", "AllTypes | where duration < timespan(1d) | order by id asc | project id, duration"));
        assertEquals(2, t.rowCount());
        assertEquals("00:01:02", t.string(0, "duration"));
        assertEquals("-03:00:00", t.string(1, "duration"));
    }

    private static Number num(KustoResultTable t, int row, String column) {
        Object v = t.value(row, column);
        assertTrue(v instanceof Number, column + " should be a number, was " + v);
        return (Number) v;
    }

    private static Instant instant(KustoResultTable t, int row, String column) {
        return Instant.parse(t.string(row, column));
    }

    private static Object json(Object v) {
        if (v instanceof String s) {
            return s.trim().startsWith("[") ? new JsonArray(s) : new JsonObject(s);
        }
        return v;
    }
}
