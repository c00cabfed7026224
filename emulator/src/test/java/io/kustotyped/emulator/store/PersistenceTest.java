package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.EmulatorInternals;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.TestClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --data-dir: databases, tables, mappings, policies and rows survive a restart; volatile databases do not. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void everythingSurvivesARestartOverHttp() {
        try (KustoEmulator emu = KustoEmulator.builder().dataDir(dir).start()) {
            TestClient c = new TestClient(emu.uri());
            c.mgmt(null, ".create database Logs persist");
            c.mgmt(null, ".create database Scratch volatile");
            c.mgmt(
                    "Logs",
                    ".create table Events (Id:long, Name:string, At:datetime) with (folder=\"f\", docstring=\"d\")");
            c.mgmt(
                    "Logs",
                    ".create table Events ingestion json mapping \"m\" '[{\"column\":\"Id\",\"path\":\"$.id\"},"
                            + "{\"column\":\"Name\",\"path\":\"$.name\"},{\"column\":\"At\",\"path\":\"$.at\"}]'");
            c.mgmt(
                    "Logs",
                    ".alter table Events policy streamingingestion '{\"IsEnabled\": true, \"HintAllocatedRate\": 2.1}'");
            c.mgmt("Logs", ".alter database Logs policy streamingingestion disable");
            c.mgmt("Scratch", ".create table Tmp (a:long)");
            assertEquals(
                    200,
                    c.ingest(
                                    "Logs",
                                    "Events",
                                    "streamFormat=multijson&mappingName=m",
                                    "[{\"id\":1,\"name\":\"a\",\"at\":\"2024-01-01T00:00:00.1234567Z\"},{\"id\":2,\"name\":\"b\"}]")
                            .statusCode());
            c.mgmt("Logs", ".alter-merge table Events (Extra:string)");
        }
        try (KustoEmulator emu = KustoEmulator.builder().dataDir(dir).start()) {
            assertNull(EmulatorInternals.catalog(emu).database("Scratch"), "a volatile database is not kept");
            Database db = EmulatorInternals.catalog(emu).database("logs");
            Table t = db.table("Events");
            assertEquals("f", t.folder());
            assertEquals("d", t.docString());
            assertEquals(
                    List.of("Id", "Name", "At", "Extra"),
                    t.columns().stream().map(ColumnDef::name).toList());
            assertEquals(new StreamingPolicy(true, 2.1), t.streamingPolicy());
            assertEquals(StreamingPolicy.DISABLED, db.streamingPolicy());
            assertEquals(
                    "[{\"Properties\":{\"Path\":\"$.id\"},\"column\":\"Id\",\"datatype\":\"\"},"
                            + "{\"Properties\":{\"Path\":\"$.name\"},\"column\":\"Name\",\"datatype\":\"\"},"
                            + "{\"Properties\":{\"Path\":\"$.at\"},\"column\":\"At\",\"datatype\":\"\"}]",
                    t.mapping("json", "m").mappingJson());
            assertArrayEquals(
                    new Object[] {1L, "a", Instant.parse("2024-01-01T00:00:00.1234567Z"), ""},
                    t.rows().get(0));
            assertArrayEquals(new Object[] {2L, "b", null, ""}, t.rows().get(1));
            // and ingestion continues after the restart
            TestClient c = new TestClient(emu.uri());
            assertEquals(
                    200,
                    c.ingest("Logs", "Events", "streamFormat=json&mappingName=m", "{\"id\":3}")
                            .statusCode());
            assertEquals(3, c.count("Logs", "Events"));
        }
    }

    @Test
    void everyCellTypeRoundTrips() {
        Object[] row = {
            true,
            7,
            8L,
            Double.NaN,
            new BigDecimal("1.2300"),
            "s",
            Instant.parse("2024-01-01T00:00:00.0000001Z"),
            Duration.ofMillis(-1500),
            UUID.randomUUID(),
            TestClient.parse("{\"a\":[1,\"x\"]}")
        };
        try (Catalog c = Catalog.open(dir)) {
            c.createDatabase("D", true)
                    .createTable(
                            "T",
                            List.of(
                                    new ColumnDef("b", ScalarType.BOOL),
                                    new ColumnDef("i", ScalarType.INT),
                                    new ColumnDef("l", ScalarType.LONG),
                                    new ColumnDef("r", ScalarType.REAL),
                                    new ColumnDef("d", ScalarType.DECIMAL),
                                    new ColumnDef("s", ScalarType.STRING),
                                    new ColumnDef("t", ScalarType.DATETIME),
                                    new ColumnDef("ts", ScalarType.TIMESPAN),
                                    new ColumnDef("g", ScalarType.GUID),
                                    new ColumnDef("x", ScalarType.DYNAMIC)),
                            null,
                            null)
                    .append(List.of(row, new Object[10]));
        }
        try (Catalog c = Catalog.open(dir)) {
            List<Object[]> rows = c.database("D").table("T").rows();
            assertArrayEquals(row, rows.get(0));
            assertArrayEquals(new Object[10], rows.get(1));
        }
    }

    @Test
    void aTornLastAppendIsDroppedAndADroppedTableStaysDropped() throws Exception {
        try (Catalog c = Catalog.open(dir)) {
            Database db = c.createDatabase("D", true);
            Table t = db.createTable("T", List.of(new ColumnDef("a", ScalarType.LONG)), null, null);
            t.append(List.of(new Object[] {1L}, new Object[] {2L}));
            db.createTable("Gone", List.of(new ColumnDef("a", ScalarType.LONG)), null, null)
                    .append(List.<Object[]>of(new Object[] {9L}));
            db.dropTable("Gone");
        }
        try (var files = Files.list(dir.resolve("rows"))) {
            List<Path> rowFiles = files.toList();
            assertEquals(1, rowFiles.size(), "the dropped table's rows were deleted");
            // simulate a crash in the middle of writing the next append
            Files.writeString(rowFiles.get(0), "[[3],[4", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        try (Catalog c = Catalog.open(dir)) {
            Table t = c.database("D").table("T");
            assertEquals(2, t.rowCount(), "the incomplete append is all-or-nothing: nothing of it is loaded");
            assertNull(c.database("D").table("Gone"));
            t.append(List.<Object[]>of(new Object[] {5L}));
        }
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(
                    List.of(1L, 2L, 5L),
                    c.database("D").table("T").rows().stream().map(r -> r[0]).toList());
        }
    }

    @Test
    void aDataDirectoryHasOneOwner() {
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(dir.toAbsolutePath(), c.dataDir());
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.io.UncheckedIOException.class, () -> Catalog.open(dir));
            assertTrue(e.getMessage().contains("in use by another emulator"), e.getMessage());
        }
        Catalog.open(dir).close(); // released on close
    }

    @Test
    void catalogFileIsReadableJson() throws Exception {
        try (Catalog c = Catalog.open(dir)) {
            c.createDatabase("D", true);
        }
        JsonNode doc = TestClient.parse(Files.readString(dir.resolve("catalog.json")));
        assertEquals("D", doc.get("databases").get(0).get("name").asText());
        assertTrue(Files.notExists(dir.resolve("catalog.json.tmp")));
    }
}
