package io.kustotyped.it.read;

import static io.kustotyped.it.support.Futures.await;
import static io.kustotyped.it.support.Futures.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kustotyped.it.ingest.AllTypes;
import io.kustotyped.it.ingest.AllTypesIngestor;
import io.kustotyped.it.ingest.AllTypesRowReader;
import io.kustotyped.it.ingest.AllTypesSamples;
import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.RowReadException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading query results into records and classes: structures nested in dynamic columns, POJOs with setters, classes
 * with public fields; what happens to missing, extra and mistyped columns; and a class that cannot be created.
 */
class ReadBackTest {

    private EmulatorFixture fixture;
    private KustoClient client;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture(b -> {});
        client = fixture.client;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void nestedStructuresReadBackEqual() throws Exception {
        ReadShapes.Settings settings = new ReadShapes.Settings();
        settings.setTheme("dark");
        settings.setSize(3);
        settings.setWeights(new LinkedHashMap<>(Map.of("a", 0.5, "b", -2.0)));
        ReadShapes.Marker marker = new ReadShapes.Marker();
        marker.lat = 52.1;
        marker.lon = -0.25;
        marker.tags = new int[] {1, 2};
        ReadShapes.Address home = new ReadShapes.Address(
                "Main St. 1",
                List.of(new ReadShapes.Corner(1, 2.5), new ReadShapes.Corner(-1, 0)),
                Instant.parse("2020-02-29T12:00:00.0000001Z"));
        Map<AllTypes.Level, List<String>> byLevel = new EnumMap<>(AllTypes.Level.class);
        byLevel.put(AllTypes.Level.WARN, List.of("w1", "w2"));
        byLevel.put(AllTypes.Level.ERROR, List.of());
        UUID key = UUID.fromString("5c0656b9-37c9-4e3a-a671-5f83e6843fce");
        ReadShapes row = new ReadShapes(
                1,
                home,
                settings,
                marker,
                List.of(List.of(1, 2), List.of(), List.of(3)),
                Map.of(key, new ReadShapes.Address(null, List.of(), null)),
                byLevel,
                Map.of(7, true, -7, false),
                new TreeSet<>(List.of("b", "a", "c")),
                new ReadShapes.Address[] {home, null},
                new String[][] {{"a", null}, {}, null},
                Optional.of(home),
                Arrays.asList(Optional.of("t"), Optional.empty()),
                new ObjectMapper().readTree("{\"k\":[1,2.5,\"x\",null,{\"d\":true}]}"),
                Map.of("any", List.of(1L, "two")),
                3.25,
                "héllo".toCharArray(),
                Instant.parse("2024-01-01T00:00:00Z"));
        ReadShapes empty = new ReadShapes(
                2,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Optional.empty(),
                null,
                null,
                null,
                null,
                null,
                null);

        ReadShapesIngestor ingestor = ReadShapesIngestor.create(client);
        await(ingestor.applySchema());
        await(ingestor.ingest(List.of(row, empty)));
        List<ReadShapes> read = await(ingestor.query("| order by id asc"));

        ReadShapes r = read.get(0);
        assertEquals(home, r.address());
        assertEquals(settings, r.settings());
        assertEquals(marker, r.marker());
        assertEquals(row.matrix(), r.matrix());
        assertEquals(row.byId(), r.byId());
        assertEquals(byLevel, r.byLevel());
        assertEquals(row.flags(), r.flags());
        assertEquals(row.sorted(), r.sorted());
        assertInstanceOf(TreeSet.class, r.sorted(), "a SortedSet is read into a TreeSet");
        assertArrayEquals(row.history(), r.history());
        assertTrue(Arrays.deepEquals(row.grid(), r.grid()), Arrays.deepToString(r.grid()));
        assertEquals(row.maybeAddress(), r.maybeAddress());
        assertEquals(row.maybeTags(), r.maybeTags());
        assertEquals(row.node(), r.node());
        assertEquals(row.anything(), r.anything());
        assertEquals(3.25, r.number());
        assertArrayEquals(row.letters(), r.letters());
        assertEquals(row.when(), r.when());

        ReadShapes e = read.get(1);
        assertNull(e.address());
        assertNull(e.settings());
        assertNull(e.matrix());
        assertEquals(Optional.empty(), e.maybeAddress());
        assertNull(e.node());
        assertNull(e.anything());
        assertNull(e.number());
        assertArrayEquals(new char[0], e.letters(), "a null char[] is stored as the empty string, like a null String");
    }

    @Test
    void classesAreFilledThroughSettersAndPublicFields() throws Exception {
        BeanTables.SetterRow bean = new BeanTables.SetterRow();
        bean.sequence = 42;
        bean.setSource("sensor");
        bean.setId(UUID.randomUUID());
        bean.setAt(Instant.parse("2021-06-01T10:00:00.5Z"));
        bean.setActive(true);
        bean.setNote(Optional.of("n"));
        bean.setTags(List.of("x", "y"));
        bean.setAmount(new BigDecimal("10.50"));
        bean.secret = "written? no: ignored";
        BeanTables_SetterRowIngestor setters = BeanTables_SetterRowIngestor.create(client);
        await(setters.applySchema());
        await(setters.ingest(List.of(bean)));

        BeanTables.SetterRow r = await(setters.query("")).get(0);
        assertEquals(42, r.sequence);
        assertEquals("sensor", r.getSource());
        assertEquals(bean.getId(), r.getId());
        assertEquals(bean.getAt(), r.getAt());
        assertTrue(r.isActive());
        assertEquals(Optional.of("n"), r.getNote());
        assertEquals(List.of("x", "y"), r.getTags());
        assertEquals(new BigDecimal("10.50"), r.getAmount());
        assertEquals("not read", r.secret, "an ignored property keeps what the constructor gave it");

        BeanTables.FieldRow fields = new BeanTables.FieldRow();
        fields.id = 7;
        fields.name = "seven";
        fields.took = Duration.ofDays(-2).minusMillis(1);
        fields.samples = new double[] {Double.NaN, 1e-300, -0.5};
        BeanTables_FieldRowIngestor fieldIngestor = BeanTables_FieldRowIngestor.create(client);
        await(fieldIngestor.applySchema());
        await(fieldIngestor.ingest(List.of(fields)));
        BeanTables.FieldRow f = await(fieldIngestor.query("| take 1")).get(0);
        assertEquals(7, f.id);
        assertEquals("seven", f.name);
        assertEquals(fields.took, f.took);
        assertArrayEquals(fields.samples, f.samples);
    }

    @Test
    void aClassThatCannotBeCreatedIsIngestedButHasNoQuery() throws Exception {
        assertFalse(
                Arrays.stream(BeanTables_ImmutableIngestor.class.getMethods())
                        .anyMatch(m -> m.getName().equals("query")),
                "no query(String) without a reader");
        BeanTables_ImmutableIngestor ingestor = BeanTables_ImmutableIngestor.create(client);
        assertTrue(ingestor.reader().isEmpty());
        await(ingestor.applySchema());
        await(ingestor.ingest(List.of(new BeanTables.Immutable("kept"))));
        assertEquals("kept", await(client.executeQuery("Test", "Immutables")).string(0, "name"));
    }

    @Test
    void missingColumnsKeepTheirDefaultsAndExtraColumnsAreIgnored() throws Exception {
        AllTypesIngestor ingestor = AllTypesIngestor.create(client);
        await(ingestor.applySchema());
        await(ingestor.ingest(List.of(AllTypesSamples.full())));

        List<AllTypes> read = await(client.query(
                "Test",
                "AllTypes | project id, aLong, extra = 'not a property', instant, list, anInt",
                AllTypesRowReader.INSTANCE));

        AllTypes r = read.get(0);
        assertEquals(1, r.id());
        assertEquals(Long.MAX_VALUE, r.aLong());
        assertEquals(Integer.MIN_VALUE, r.anInt());
        assertEquals(Instant.parse("2024-02-29T12:34:56.1234567Z"), r.instant());
        assertEquals(List.of("a", "b"), r.list());
        // Not selected: the defaults.
        assertFalse(r.aBool());
        assertNull(r.boxedInt());
        assertEquals(0.0, r.aDouble());
        assertNull(r.aString());
        assertNull(r.map());
        assertEquals(Optional.empty(), r.optionalString());
        assertEquals(java.util.OptionalInt.empty(), r.optionalInt());
    }

    @Test
    void aColumnOfAnotherTypeIsAnErrorNamingColumnRowAndBothTypes() throws Exception {
        AllTypesIngestor ingestor = AllTypesIngestor.create(client);
        await(ingestor.applySchema());
        await(ingestor.ingest(List.of(AllTypesSamples.full())));

        Throwable t = awaitFailure(
                client.query("Test", "AllTypes | project id, anInt = tostring(anInt)", AllTypesRowReader.INSTANCE));
        RowReadException e = assertInstanceOf(RowReadException.class, t);
        assertEquals("anInt", e.column());
        assertEquals(0, e.row());
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
        assertTrue(e.getMessage().contains("Kusto type string"), e.getMessage());
        assertTrue(e.getMessage().contains("reads it as int"), e.getMessage());
        assertTrue(e.clientRequestId() != null && e.clientRequestId().startsWith("kusto-typed.query;"));

        // A narrower number is fine: an int column read as a long property.
        List<AllTypes> widened =
                await(client.query("Test", "AllTypes | project id, aLong = anInt", AllTypesRowReader.INSTANCE));
        assertEquals((long) Integer.MIN_VALUE, widened.get(0).aLong());

        // A long column does not fit an int property.
        Throwable narrow =
                awaitFailure(client.query("Test", "AllTypes | project anInt = aLong", AllTypesRowReader.INSTANCE));
        assertTrue(narrow.getMessage().contains("column 'anInt' is of Kusto type long"), narrow.getMessage());
    }

    @Test
    void aKustoErrorFailsTheQueryWithTheServiceError() throws Exception {
        Throwable t = awaitFailure(client.query("Test", "NoSuchTable | take 1", AllTypesRowReader.INSTANCE));
        assertInstanceOf(io.kustotyped.runtime.KustoServiceException.class, t);
    }
}
