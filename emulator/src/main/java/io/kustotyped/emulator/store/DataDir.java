package io.kustotyped.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The data directory of a persisted catalog. It holds only what the emulator writes:
 * <ul>
 *   <li>{@code catalog.json}: schema, mappings and policies, replaced atomically on every change
 *       ({@code catalog.json.tmp}, fsync, rename, fsync of the directory);</li>
 *   <li>{@code rows/<table-id>.rows}: the framed, checksummed appends of one table ({@link RowFile});</li>
 *   <li>{@code .lock}: one emulator per directory.</li>
 * </ul>
 * Any other file stops the start with a message naming it: the emulator never deletes what it did not
 * create. The format and the recovery rules are in emulator/DESIGN.md, "Persistence".
 */
final class DataDir {
    private static final Logger LOG = Logger.getLogger(DataDir.class.getName());
    static final String CATALOG = "catalog.json";
    static final String CATALOG_TMP = "catalog.json.tmp";
    static final String LOCK = ".lock";
    static final String ROWS = "rows";
    private static final Pattern ROW_FILE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.rows");

    private final Path root;
    private final Path rowsDir;
    private final StoreIo io;
    private final FileChannel lockChannel;
    private final FileLock lock;

    /** A catalog write that failed at or after the rename: the file on disk may be the new one or the old one. */
    static final class UncertainWrite extends IOException {
        UncertainWrite(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    DataDir(Path root, StoreIo io) throws IOException {
        this.root = root.toAbsolutePath();
        this.rowsDir = this.root.resolve(ROWS);
        this.io = io;
        if (Files.exists(this.root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(this.root)) {
            throw new IOException(this.root + " is not a directory");
        }
        checkOnlyOwnFiles(); // before creating anything in it
        Files.createDirectories(rowsDir);
        // Two emulators appending to the same files would corrupt them: one owner per directory.
        this.lockChannel =
                FileChannel.open(this.root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IOException("the data directory " + this.root + " is in use by another emulator");
        }
        this.lock = acquired;
    }

    /** Releases the directory lock. */
    void release() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "releasing the data directory lock", e);
        }
    }

    Path root() {
        return root;
    }

    private void checkOnlyOwnFiles() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Path catalog = root.resolve(CATALOG);
        if (Files.isRegularFile(catalog)) {
            CatalogFile.checkFormat(catalog, readCatalog(catalog)); // an older format gets its own message
        }
        try (var entries = Files.list(root)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                boolean own = switch (name) {
                    case CATALOG, CATALOG_TMP, LOCK -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
                    case ROWS -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                    default -> false;
                };
                if (!own) {
                    throw foreign(p);
                }
            }
        }
        if (Files.isDirectory(rowsDir)) {
            try (var entries = Files.list(rowsDir)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    if (!ROW_FILE.matcher(p.getFileName().toString()).matches()
                            || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw foreign(p);
                    }
                }
            }
        }
    }

    private IOException foreign(Path p) {
        return new IOException("the data directory " + root + " holds " + p + ", which the emulator did not "
                + "create. It keeps only " + CATALOG + ", " + LOCK + " and " + ROWS + "/<table-id>" + RowFile.SUFFIX
                + " there and never deletes or changes anything else: move that file away or choose another "
                + "--data-dir");
    }

    private static JsonNode readCatalog(Path file) throws IOException {
        try {
            return RowCodec.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(
                    file + " is not readable as an emulator catalog (" + e.getMessage()
                            + "); the emulator does not touch files it did not write",
                    e);
        }
    }

    // ---- catalog ------------------------------------------------------------------------------------

    /**
     * Replaces {@code catalog.json}: write a temporary file, fsync it, rename it over the old one, fsync the
     * directory. A crash at any point leaves the old or the new catalog, whole.
     *
     * @throws UncertainWrite when the rename or the directory sync failed: the new file may be in place
     * @throws IOException when an earlier step failed: the old catalog is untouched
     */
    void writeCatalog(Collection<Database> databases) throws IOException {
        byte[] bytes = CatalogFile.encode(databases);
        Path tmp = root.resolve(CATALOG_TMP);
        try (StoreIo.StoreFile f = io.open(tmp, true)) {
            f.truncate(0);
            f.write(ByteBuffer.wrap(bytes), 0);
            f.force();
        } catch (IOException | RuntimeException e) {
            try {
                io.delete(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        try {
            io.replace(tmp, root.resolve(CATALOG));
            io.syncDirectory(root);
        } catch (IOException e) {
            throw new UncertainWrite(e);
        }
    }

    /**
     * Loads catalog.json and every table's rows into an empty catalog. Everything is checked before anything
     * is changed: a refused start leaves the directory as it was. Caller holds the catalog lock.
     */
    void load(Catalog catalog) throws IOException {
        Path file = root.resolve(CATALOG);
        List<Database> databases = new ArrayList<>();
        if (Files.exists(file)) {
            JsonNode doc = readCatalog(file);
            CatalogFile.checkFormat(file, doc);
            databases = CatalogFile.decode(catalog, doc);
        }
        // 1. read and check every row file
        Map<Table, RowFile.Content> contents = new HashMap<>();
        Set<String> liveFiles = new java.util.HashSet<>();
        for (Database db : databases) {
            for (Table t : db.tables()) {
                Path rows = rowFile(t.id);
                if (!Files.isRegularFile(rows)) {
                    throw new IOException("the row file " + rows + " of table " + db.name() + "." + t.name()
                            + " is missing; the emulator writes it before the catalog names the table, so it was "
                            + "removed from outside. Restore it, or start with another --data-dir");
                }
                contents.put(t, RowFile.read(rows, Files.readAllBytes(rows), t.id, t.columns()));
                liveFiles.add(rows.getFileName().toString());
            }
        }
        List<Path> orphans = new ArrayList<>();
        try (var entries = Files.list(rowsDir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (!liveFiles.contains(name)) {
                    checkOrphanIsOwn(p, name.substring(0, name.length() - RowFile.SUFFIX.length()));
                    orphans.add(p);
                }
            }
        }
        // 2. repair: cut torn tails, delete the row files of tables dropped (or never created) before a crash
        for (Map.Entry<Table, RowFile.Content> e : contents.entrySet()) {
            RowFile.Content c = e.getValue();
            Path rows = rowFile(e.getKey().id);
            if (c.torn()) {
                LOG.log(
                        Level.WARNING,
                        "Cutting {0} bytes of an incomplete last append (never acknowledged) from {1}",
                        new Object[] {c.size() - c.goodEnd(), rows});
                try (StoreIo.StoreFile f = io.open(rows, false)) {
                    f.truncate(c.goodEnd());
                    f.force();
                }
            }
        }
        for (Path p : orphans) {
            io.delete(p);
        }
        io.delete(root.resolve(CATALOG_TMP));
        io.syncDirectory(rowsDir);
        // 3. attach
        for (Database db : databases) {
            for (Table t : db.tables()) {
                RowFile.Content c = contents.get(t);
                t.restoreRows(c.rows());
                t.attachLog(RowFile.Writer.open(io, rowFile(t.id), c.goodEnd()));
            }
            catalog.restore(db);
        }
    }

    /**
     * A row file no table names is the emulator's own when it starts with its header (or a part of it: a crash
     * while it was being created); that is the file of a table whose creation or drop did not complete.
     */
    private static void checkOrphanIsOwn(Path p, String id) throws IOException {
        byte[] expected = RowFile.header(id);
        byte[] start;
        try (var in = Files.newInputStream(p)) {
            start = in.readNBytes(expected.length);
        }
        if (!Arrays.equals(start, 0, start.length, expected, 0, start.length)) {
            throw new IOException("the data directory holds " + p + ", which no table uses and which does not start "
                    + "like a row file the emulator writes; it will not delete it. Move it away or choose "
                    + "another --data-dir");
        }
    }

    // ---- row files ----------------------------------------------------------------------------------

    private Path rowFile(String id) {
        return rowsDir.resolve(id + RowFile.SUFFIX);
    }

    /** Creates the row file of a new table, durable (file and directory entry) before it returns. */
    RowFile.Writer createRowFile(String id) throws IOException {
        Path path = rowFile(id);
        RowFile.Writer w = RowFile.Writer.create(io, path, id);
        try {
            io.syncDirectory(rowsDir);
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /** Deletes the row file of a dropped table; when that fails, the next start deletes it. */
    void deleteRowFile(String id) {
        try {
            io.delete(rowFile(id));
            io.syncDirectory(rowsDir);
        } catch (IOException e) {
            LOG.log(
                    Level.WARNING,
                    "Cannot delete the row file of a dropped table (the next start will): {0}",
                    String.valueOf(e));
        }
    }
}
