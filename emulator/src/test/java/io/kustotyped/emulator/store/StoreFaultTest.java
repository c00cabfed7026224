package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.store.FaultyIo.Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fault-injecting file layer ({@link FaultyIo}) fails catalog writes, row appends and renames at every step:
 * each failure is a 500 {@code @permanent: false}, memory stays exactly as it was, and everything acknowledged
 * (the changes and appends that returned normally) is there after a restart.
 */
class StoreFaultTest {
    @TempDir
    Path dir;

    private static final List<ColumnDef> COLS = List.of(new ColumnDef("a", ScalarType.LONG));

    private static IngestionMapping mapping(String name, String column) {
        return IngestionMapping.create(name, "json", "[{\"column\":\"" + column + "\",\"path\":\"$.x\"}]", null);
    }

    /** The catalog changes a client can make, each applied to the fixture of {@link #fixture}. */
    static Map<String, Consumer<Catalog>> changes() {
        Map<String, Consumer<Catalog>> m = new LinkedHashMap<>();
        m.put("create database", c -> c.createDatabase("D2", true));
        m.put("drop database", c -> c.dropDatabase("D"));
        m.put("create table", c -> c.database("D").createTable("T2", COLS, "f", "d"));
        m.put("create-merge table (new)", c -> c.database("D").createMergeTable("T3", COLS, null, null));
        m.put(
                "alter-merge table",
                c -> c.database("D").table("T").alterMerge(List.of(new ColumnDef("b", ScalarType.STRING)), "nf", "nd"));
        m.put("drop table", c -> c.database("D").dropTable("T"));
        m.put("database policy", c -> c.database("D").setStreamingPolicy(StreamingPolicy.DISABLED));
        m.put("table policy", c -> c.database("D").table("T").setStreamingPolicy(new StreamingPolicy(true, 3.5)));
        m.put("database mapping", c -> c.database("D").putMapping(mapping("dm2", "a")));
        m.put("table mapping (replace)", c -> c.database("D").table("T").putMapping(mapping("m", "a")));
        m.put("drop table mapping", c -> c.database("D").table("T").dropMapping("json", "m"));
        m.put("drop database mapping", c -> c.database("D").dropMapping("json", "dm"));
        return m;
    }

    /** Where a catalog write can fail. */
    static Map<String, Consumer<FaultyIo>> catalogFaults() {
        Map<String, Consumer<FaultyIo>> m = new LinkedHashMap<>();
        m.put("write of catalog.json.tmp", io -> io.failNext(Op.WRITE, FaultyIo::catalog));
        m.put("fsync of catalog.json.tmp", io -> io.failNext(Op.FORCE, FaultyIo::catalog));
        m.put("rename (done, not durable)", io -> io.failNext(Op.REPLACE, FaultyIo::catalog));
        m.put("directory fsync", io -> io.failNext(Op.SYNC_DIRECTORY, FaultyIo::catalog));
        m.put(
                "rename, and the rewrite of the old state",
                io -> io.failNext(Op.REPLACE, FaultyIo::catalog).failNext(Op.WRITE, FaultyIo::catalog));
        return m;
    }

    static Stream<Arguments> catalogCases() {
        List<Arguments> out = new ArrayList<>();
        changes()
                .forEach((change, apply) ->
                        catalogFaults().forEach((fault, arm) -> out.add(Arguments.of(change, fault))));
        // creating a table also creates its row file first
        out.add(Arguments.of("create table", "write of the new row file"));
        out.add(Arguments.of("create table", "fsync of the rows directory"));
        return out.stream();
    }

    private static void fixture(Catalog c) {
        Database db = c.createDatabase("D", true);
        db.setStreamingPolicy(StreamingPolicy.ENABLED);
        db.putMapping(mapping("dm", "a"));
        Table t = db.createTable("T", COLS, null, null);
        t.putMapping(mapping("m", "a"));
        t.append(List.of(new Object[] {1L}, new Object[] {2L}));
        db.createTable("U", COLS, null, null).append(List.<Object[]>of(new Object[] {10L}));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("catalogCases")
    void aFailedCatalogChangeLeavesMemoryAsItWasAndEveryAcknowledgedChangeSurvives(String change, String fault) {
        FaultyIo io = new FaultyIo();
        String expected;
        try (Catalog c = Catalog.open(dir, io)) {
            fixture(c);
            String before = describe(c);
            switch (fault) {
                case "write of the new row file" -> io.failNext(Op.WRITE, FaultyIo::rows);
                case "fsync of the rows directory" -> io.failNext(Op.SYNC_DIRECTORY, FaultyIo::rows);
                default -> catalogFaults().get(fault).accept(io);
            }
            KustoError e =
                    assertThrows(KustoError.class, () -> changes().get(change).accept(c));
            assertEquals(500, e.httpStatus());
            assertFalse(e.permanent(), "a storage failure is transient");
            assertTrue(e.atMessage().contains("No space left on device"), e.atMessage());
            assertEquals(before, describe(c), "memory is as it was before the failed change");
            io.clear();
            // an append acknowledged after the failure (it may repair the catalog on disk first)
            c.database("D").table("U").append(List.<Object[]>of(new Object[] {11L}));
            expected = describe(c);
        }
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(expected, describe(c), "the disk holds exactly what was acknowledged");
            changes().get(change).accept(c); // and the change works once the disk does
            expected = describe(c);
        }
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(expected, describe(c));
        }
    }

    static Stream<Arguments> appendFaults() {
        return Stream.of(
                Arguments.of("half written", List.of(Op.WRITE)),
                Arguments.of("half written, and the cut back fails", List.of(Op.WRITE, Op.TRUNCATE)),
                Arguments.of("fsync fails", List.of(Op.FORCE)),
                Arguments.of("fsync fails, and the cut back fails", List.of(Op.FORCE, Op.TRUNCATE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appendFaults")
    void aFailedAppendCommitsNothingAndNeverMergesWithTheNextOne(String name, List<Op> ops) {
        FaultyIo io = new FaultyIo();
        List<Long> acked = new ArrayList<>();
        try (Catalog c = Catalog.open(dir, io)) {
            Table t = c.createDatabase("D", true).createTable("T", COLS, null, null);
            for (long i = 0; i < 3; i++) {
                t.append(List.<Object[]>of(new Object[] {i}));
                acked.add(i);
            }
            for (Op op : ops) {
                io.failNext(op, FaultyIo::rows);
            }
            List<Object[]> big = new ArrayList<>();
            for (long i = 100; i < 200; i++) {
                big.add(new Object[] {i});
            }
            KustoError e = assertThrows(KustoError.class, () -> t.append(big));
            assertEquals(500, e.httpStatus());
            assertFalse(e.permanent());
            assertEquals(3, t.rowCount(), "nothing of a failed append is committed");
            assertFalse(io.armed(), "every armed fault was hit");
            t.append(List.<Object[]>of(new Object[] {3L})); // shorter than what the failed one left behind
            acked.add(3L);
        }
        try (Catalog c = Catalog.open(dir)) {
            Table t = c.database("D").table("T");
            assertEquals(acked, t.rows().stream().map(r -> r[0]).toList());
            t.append(List.<Object[]>of(new Object[] {4L}));
            acked.add(4L);
        }
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(
                    acked,
                    c.database("D").table("T").rows().stream().map(r -> r[0]).toList());
        }
    }

    @Test
    void appendsWaitUntilAnUncertainCatalogIsWrittenAgain() {
        FaultyIo io = new FaultyIo();
        try (Catalog c = Catalog.open(dir, io)) {
            fixture(c);
            // the drop's new catalog is renamed into place but not made durable, nor is the old state written
            // back, nor can the first append repair it: three directory syncs fail
            io.fail(Op.SYNC_DIRECTORY, FaultyIo::catalog, 3);
            assertThrows(KustoError.class, () -> c.database("D").dropTable("T"));
            Table t = c.database("D").table("T");
            KustoError e = assertThrows(KustoError.class, () -> t.append(List.<Object[]>of(new Object[] {5L})));
            assertTrue(e.atMessage().contains("no rows were written"), e.atMessage());
            assertEquals(2, t.rowCount());
            t.append(List.<Object[]>of(new Object[] {6L})); // the catalog is rewritten first, then the rows
        }
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(
                    List.of(1L, 2L, 6L),
                    c.database("D").table("T").rows().stream().map(r -> r[0]).toList());
        }
    }

    @Test
    void aDroppedTablesFileThatCouldNotBeDeletedGoesAtTheNextStart() throws Exception {
        FaultyIo io = new FaultyIo();
        try (Catalog c = Catalog.open(dir, io)) {
            fixture(c);
            io.failNext(Op.DELETE, FaultyIo::rows);
            c.database("D").dropTable("T"); // acknowledged: the catalog is durable, the file stays behind
        }
        try (Stream<Path> files = Files.list(dir.resolve("rows"))) {
            assertEquals(2, files.count());
        }
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(null, c.database("D").table("T"));
        }
        try (Stream<Path> files = Files.list(dir.resolve("rows"))) {
            assertEquals(1, files.count(), "the emulator's own orphan row file is removed");
        }
    }

    /** Everything a client can observe of the persistent databases, as text. */
    static String describe(Catalog c) {
        StringBuilder sb = new StringBuilder();
        for (Database db : c.databases()) {
            if (!db.persistent()) {
                continue;
            }
            sb.append("db ").append(db.name()).append(" policy=").append(db.streamingPolicy());
            mappings(sb, db.mappings(null));
            for (Table t : db.tables()) {
                sb.append("\n  table ")
                        .append(t.name())
                        .append(' ')
                        .append(t.columns())
                        .append(" folder=")
                        .append(t.folder())
                        .append(" doc=")
                        .append(t.docString())
                        .append(" policy=")
                        .append(t.streamingPolicy());
                mappings(sb, t.mappings(null));
                sb.append("\n    rows ");
                for (Object[] r : t.rows()) {
                    sb.append(Arrays.deepToString(r));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void mappings(StringBuilder sb, java.util.Collection<IngestionMapping> ms) {
        for (IngestionMapping m : ms) {
            sb.append(" mapping ")
                    .append(m.kind())
                    .append('/')
                    .append(m.name())
                    .append('=')
                    .append(m.mappingJson());
        }
    }

    static Predicate<Path> any() {
        return p -> true;
    }
}
