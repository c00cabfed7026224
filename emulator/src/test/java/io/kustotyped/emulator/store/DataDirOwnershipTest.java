package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator touches only what it owns in its data directory: it refuses to start with a message naming a
 * foreign file, deletes only its own leftovers, and refuses a directory of the older format clearly.
 */
class DataDirOwnershipTest {
    @TempDir
    Path dir;

    private static final List<ColumnDef> COLS = List.of(new ColumnDef("a", ScalarType.LONG));

    private String refusal(Path foreign) throws Exception {
        byte[] before = Files.readAllBytes(foreign);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Catalog.open(dir));
        assertTrue(e.getMessage().contains(foreign.toString()), e.getMessage());
        assertTrue(Files.exists(foreign), "never deleted");
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(foreign), "never changed");
        return e.getMessage();
    }

    @Test
    void aFileOfTheUsersOwnInTheRowsFolderStopsTheStartAndIsKept() throws Exception {
        Catalog.open(dir).close();
        Path mine = Files.writeString(dir.resolve("rows").resolve("notes.txt"), "mine");
        String message = refusal(mine);
        assertTrue(message.contains("did not create"), message);
        // a row-file name with content the emulator did not write is not taken for its own either
        Files.delete(mine);
        Path lookalike = Files.writeString(dir.resolve("rows").resolve(UUID.randomUUID() + ".rows"), "not rows");
        refusal(lookalike);
    }

    @Test
    void aNonEmptyDirectoryThatIsNotADataDirectoryIsRefusedBeforeAnythingIsCreatedInIt() throws Exception {
        Path mine = Files.writeString(dir.resolve("report.docx"), "mine");
        refusal(mine);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(mine), files.toList(), "no .lock, no rows/ created");
        }
    }

    @Test
    void theRowFileOfATableWhoseCreationDidNotCompleteIsTheEmulatorsOwnAndGoes() throws Exception {
        try (Catalog c = Catalog.open(dir)) {
            c.createDatabase("D", true).createTable("T", COLS, null, null).append(List.<Object[]>of(new Object[] {1L}));
        }
        String id = UUID.randomUUID().toString();
        // a crash after the row file of a new table was (partly) created, before the catalog named the table
        byte[] header = RowFile.header(id);
        Path partial = dir.resolve("rows").resolve(id + RowFile.SUFFIX);
        Files.write(partial, java.util.Arrays.copyOf(header, header.length / 2));
        Files.writeString(dir.resolve("catalog.json.tmp"), "{\"half\":"); // and of a catalog write
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(1, c.database("D").table("T").rowCount());
        }
        assertFalse(Files.exists(partial));
        assertFalse(Files.exists(dir.resolve("catalog.json.tmp")));
    }

    @Test
    void aMissingRowFileOfANamedTableIsReportedNotTakenAsEmpty() throws Exception {
        try (Catalog c = Catalog.open(dir)) {
            c.createDatabase("D", true).createTable("T", COLS, null, null);
        }
        try (Stream<Path> files = Files.list(dir.resolve("rows"))) {
            Files.delete(files.findFirst().orElseThrow());
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Catalog.open(dir));
        assertTrue(e.getMessage().contains("of table D.T is missing"), e.getMessage());
    }

    @Test
    void aDataDirectoryOfTheOlderFormatIsRefusedWithWhatToDo() throws Exception {
        // what the format-1 emulator wrote
        Files.createDirectories(dir.resolve("rows"));
        Files.writeString(
                dir.resolve("catalog.json"),
                "{\"version\":1,\"databases\":[{\"name\":\"D\",\"streamingPolicy\":null,\"mappings\":[],\"tables\":["
                        + "{\"id\":\"0b0e9d1c-3c1e-4c57-9d53-1c0f7b4b2a11\",\"name\":\"T\",\"folder\":\"\","
                        + "\"docString\":\"\",\"columns\":[{\"name\":\"a\",\"type\":\"long\"}],"
                        + "\"streamingPolicy\":null,\"mappings\":[]}]}]}");
        Path rows =
                Files.writeString(dir.resolve("rows").resolve("0b0e9d1c-3c1e-4c57-9d53-1c0f7b4b2a11.jsonl"), "[[1]]\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Catalog.open(dir));
        assertTrue(e.getMessage().contains("older emulator (format 1"), e.getMessage());
        assertTrue(e.getMessage().contains("new --data-dir"), e.getMessage());
        assertEquals("[[1]]\n", Files.readString(rows), "left as it was");
        assertFalse(Files.exists(dir.resolve(".lock")));
    }

    @Test
    void aCatalogJsonOfSomethingElseIsRefused() throws Exception {
        Path other = Files.writeString(dir.resolve("catalog.json"), "{\"products\":[]}");
        String message = refusal(other);
        assertTrue(message.contains("not an emulator catalog"), message);
    }
}
