package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash can stop the last append anywhere. For every cut position of the last record, with and without the
 * zero-filled tail a file system may show after a crash, and for every cut of a half-written next append, the
 * store starts, keeps every acknowledged row, and rows acknowledged after the restart survive the next one.
 */
class TornWriteTest {
    @TempDir
    Path tmp;

    private static final List<ColumnDef> COLS = List.of(
            new ColumnDef("id", ScalarType.LONG),
            new ColumnDef("s", ScalarType.STRING),
            new ColumnDef("d", ScalarType.DECIMAL),
            new ColumnDef("x", ScalarType.DYNAMIC));

    private static Object[] row(long id) {
        // multi-byte UTF-8 (2, 3 and 4 bytes), an unpaired surrogate, an exact decimal and a dynamic value
        return new Object[] {
            id,
            "é€😀 \ud800 row " + id,
            new BigDecimal("1.10"),
            exact("{\"v\":1.10,\"big\":1E+400,\"n\":[123456789012345678901234567890]}")
        };
    }

    private static Object exact(String json) {
        try {
            return RowCodec.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data directory with three acknowledged appends; returns the row file. */
    private Path source(Path dir) throws IOException {
        try (Catalog c = Catalog.open(dir)) {
            Table t = c.createDatabase("D", true).createTable("T", COLS, null, null);
            t.append(List.of(row(1), row(2)));
            t.append(List.<Object[]>of(row(3)));
            t.append(List.of(row(4), row(5)));
        }
        try (Stream<Path> files = Files.list(dir.resolve("rows"))) {
            return files.findFirst().orElseThrow();
        }
    }

    /** Record boundaries of a row file: the offsets where each frame starts, and the file end. */
    private static List<Integer> boundaries(byte[] bytes, String id) {
        List<Integer> out = new ArrayList<>();
        int pos = RowFile.header(id).length;
        while (pos < bytes.length) {
            out.add(pos);
            int len = RowFile.frameAt(bytes, pos);
            assertTrue(len > 0);
            pos += len;
        }
        out.add(pos);
        return out;
    }

    @Test
    void everyCutOfTheLastRecordAndOfAHalfWrittenAppendKeepsEveryAcknowledgedRow() throws Exception {
        Path src = tmp.resolve("src");
        Path rowFile = source(src);
        String id = rowFile.getFileName().toString().replace(RowFile.SUFFIX, "");
        byte[] full = Files.readAllBytes(rowFile);
        List<Integer> b = boundaries(full, id);
        int lastStart = b.get(b.size() - 2);
        // a next append as it would be written, to tear at every position
        byte[] next = framed(List.of(row(6), row(7)));

        int positions = 0;
        for (int cut = lastStart; cut < full.length; cut++) {
            byte[] torn = Arrays.copyOf(full, cut);
            check(src, rowFile, torn, 3, "cut at " + cut);
            check(src, rowFile, Arrays.copyOf(torn, full.length), 3, "cut at " + cut + ", zero-filled");
            positions++;
        }
        for (int cut = 0; cut < next.length; cut++) {
            byte[] torn = concat(full, Arrays.copyOf(next, cut));
            check(src, rowFile, torn, 5, "next append cut at " + cut);
            check(src, rowFile, concat(full, Arrays.copyOf(Arrays.copyOf(next, cut), next.length)), 5, "zero-filled");
            positions++;
        }
        System.out.println("Torn writes: " + positions + " cut positions (" + (full.length - lastStart)
                + " in the last record, " + next.length + " in a half-written append), each also zero-filled; "
                + "every acknowledged row kept");
    }

    private int iteration;

    /** Starts on a copy whose row file is {@code content}, expects {@code keptRows}, appends, restarts. */
    private void check(Path src, Path srcRowFile, byte[] content, int keptRows, String what) throws IOException {
        Path dir = tmp.resolve("run" + iteration++);
        Files.createDirectories(dir.resolve("rows"));
        Files.copy(src.resolve("catalog.json"), dir.resolve("catalog.json"));
        Path rowFile = dir.resolve("rows").resolve(srcRowFile.getFileName());
        Files.write(rowFile, content);
        try (Catalog c = Catalog.open(dir)) {
            Table t = c.database("D").table("T");
            assertRows(t, keptRows, what);
            t.append(List.<Object[]>of(row(100)));
        }
        try (Catalog c = Catalog.open(dir)) {
            List<Object[]> rows = c.database("D").table("T").rows();
            assertEquals(keptRows + 1, rows.size(), what + ": the append after the restart survives the next one");
            assertArrayEquals(row(100), rows.get(keptRows), what);
            assertRows(c.database("D").table("T"), keptRows, what);
        }
        deleteTree(dir);
    }

    private static void assertRows(Table t, int expected, String what) {
        List<Object[]> rows = t.rows();
        assertTrue(rows.size() >= expected, what + ": " + rows.size() + " rows");
        for (int i = 0; i < expected; i++) {
            assertArrayEquals(row(i + 1), rows.get(i), what + ": row " + i + " is exactly as appended");
        }
    }

    @Test
    void damageBeforeTheLastRecordIsNotMistakenForATornWrite() throws Exception {
        Path src = tmp.resolve("src");
        Path rowFile = source(src);
        String id = rowFile.getFileName().toString().replace(RowFile.SUFFIX, "");
        byte[] bytes = Files.readAllBytes(rowFile);
        int first = boundaries(bytes, id).get(0);
        bytes[first + RowFile.FRAME_HEADER + 3] ^= 1; // one flipped bit in the first, fsync'd, record
        Files.write(rowFile, bytes);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Catalog.open(src));
        assertTrue(e.getMessage().contains(rowFile.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + first), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(rowFile), "the file is left as it was");
    }

    private static byte[] framed(List<Object[]> rows) throws IOException {
        return RowFile.frame(RowCodec.encodeBatch(rows)).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
