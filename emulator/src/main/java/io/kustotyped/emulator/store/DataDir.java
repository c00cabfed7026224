package io.kustotyped.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The on-disk layout of a persisted catalog:
 * <ul>
 *   <li>{@code catalog.json}: databases, tables, columns, mappings and policies; rewritten whole on every schema
 *       change (temp file, fsync, atomic rename, so a crash leaves the old or the new one);</li>
 *   <li>{@code rows/<table-id>.jsonl}: one line per committed append, a JSON array of rows, fsync'd before the
 *       append returns. A torn last line (a crash mid-write) is ignored on load, so an append is all or
 *       nothing on disk too.</li>
 * </ul>
 */
final class DataDir {
    private static final Logger LOG = Logger.getLogger(DataDir.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FORMAT_VERSION = 1;

    private final Path root;
    private final Path rowsDir;
    private final FileChannel lockChannel;
    private final java.nio.channels.FileLock lock;

    DataDir(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.rowsDir = this.root.resolve("rows");
        Files.createDirectories(rowsDir);
        // Two emulators appending to the same files would corrupt them: one owner per directory.
        this.lockChannel =
                FileChannel.open(this.root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        java.nio.channels.FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
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

    // ---- catalog snapshot ----------------------------------------------------------------------------

    void writeCatalog(Collection<Database> databases) throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("version", FORMAT_VERSION);
        ArrayNode dbs = doc.putArray("databases");
        for (Database db : databases) {
            if (!db.persistent()) {
                continue;
            }
            ObjectNode d = dbs.addObject();
            d.put("name", db.name());
            putPolicy(d, db.streamingPolicy());
            putMappings(d, db.mappings(null));
            ArrayNode tables = d.putArray("tables");
            for (Table t : db.tables()) {
                ObjectNode o = tables.addObject();
                o.put("id", t.id);
                o.put("name", t.name());
                o.put("folder", t.folder());
                o.put("docString", t.docString());
                ArrayNode cols = o.putArray("columns");
                for (ColumnDef c : t.columns()) {
                    cols.addObject().put("name", c.name()).put("type", c.type().cslName());
                }
                putPolicy(o, t.streamingPolicy());
                putMappings(o, t.mappings(null));
            }
        }
        Path tmp = root.resolve("catalog.json.tmp");
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf =
                    ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(
                    tmp,
                    root.resolve("catalog.json"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve("catalog.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(root);
    }

    private static void putPolicy(ObjectNode o, StreamingPolicy p) {
        if (p == null) {
            o.putNull("streamingPolicy");
        } else {
            ObjectNode n = o.putObject("streamingPolicy");
            n.put("IsEnabled", p.enabled());
            if (p.hintAllocatedRate() != null) {
                n.put("HintAllocatedRate", p.hintAllocatedRate());
            }
        }
    }

    private static void putMappings(ObjectNode o, Collection<IngestionMapping> mappings) {
        ArrayNode a = o.putArray("mappings");
        for (IngestionMapping m : mappings) {
            a.addObject()
                    .put("name", m.name())
                    .put("kind", m.kind())
                    .put("mapping", m.mappingJson())
                    .put("lastUpdatedOn", m.lastUpdatedOn().toString());
        }
    }

    /** Loads catalog.json and every table's rows into an empty catalog. Caller holds the catalog lock. */
    void load(Catalog catalog) throws IOException {
        Path file = root.resolve("catalog.json");
        Set<String> liveIds = new HashSet<>();
        if (Files.exists(file)) {
            JsonNode doc = JSON.readTree(file.toFile());
            if (doc.path("version").asInt() != FORMAT_VERSION) {
                throw new IOException(file + " has an unknown format version " + doc.path("version"));
            }
            for (JsonNode d : doc.path("databases")) {
                Database db = new Database(catalog, d.get("name").asText(), true);
                db.restorePolicy(policy(d.get("streamingPolicy")));
                for (IngestionMapping m : mappings(d.path("mappings"), null)) {
                    db.restoreMapping(m);
                }
                for (JsonNode o : d.path("tables")) {
                    List<ColumnDef> cols = new ArrayList<>();
                    for (JsonNode c : o.path("columns")) {
                        cols.add(new ColumnDef(
                                c.get("name").asText(),
                                ScalarType.parse(c.get("type").asText())));
                    }
                    Table t = new Table(
                            db,
                            o.get("name").asText(),
                            o.get("id").asText(),
                            cols,
                            o.path("folder").asText(""),
                            o.path("docString").asText(""));
                    t.restorePolicy(policy(o.get("streamingPolicy")));
                    for (IngestionMapping m : mappings(o.path("mappings"), null)) {
                        t.restoreMapping(m);
                    }
                    t.restoreRows(readRows(t.id, cols));
                    db.restore(t);
                    liveIds.add(t.id);
                    t.openLog();
                }
                catalog.restore(db);
            }
        }
        // Row files of tables dropped before a crash could remove them.
        try (var files = Files.list(rowsDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String id = p.getFileName().toString().replace(".jsonl", "");
                if (!liveIds.contains(id)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static StreamingPolicy policy(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        JsonNode rate = n.get("HintAllocatedRate");
        return new StreamingPolicy(
                n.path("IsEnabled").asBoolean(), rate == null || rate.isNull() ? null : rate.asDouble());
    }

    private static List<IngestionMapping> mappings(JsonNode array, Table table) {
        List<IngestionMapping> out = new ArrayList<>();
        for (JsonNode m : array) {
            String kind = m.get("kind").asText();
            String json = m.get("mapping").asText();
            out.add(new IngestionMapping(
                    m.get("name").asText(),
                    kind,
                    json,
                    MappingParser.parse(kind, json, table),
                    Instant.parse(m.get("lastUpdatedOn").asText())));
        }
        return out;
    }

    // ---- row files -----------------------------------------------------------------------------------

    private Path rowFile(String id) {
        return rowsDir.resolve(id + ".jsonl");
    }

    private List<Object[]> readRows(String id, List<ColumnDef> columns) throws IOException {
        Path file = rowFile(id);
        List<Object[]> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        long goodBytes = 0;
        boolean torn = false;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode batch;
                try {
                    batch = JSON.readTree(line);
                } catch (IOException e) {
                    batch = null;
                }
                if (batch == null || !batch.isArray()) {
                    torn = true;
                    break;
                }
                for (JsonNode row : batch) {
                    rows.add(RowCodec.decode(row, columns));
                }
                goodBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        if (torn) {
            LOG.log(Level.WARNING, "Dropping an incomplete last append in {0} (the process stopped mid-write)", file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(goodBytes);
                ch.force(true);
            }
        }
        return rows;
    }

    RowLog openLog(String id) throws IOException {
        return new RowLog(FileChannel.open(
                rowFile(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    void deleteLog(String id) {
        try {
            Files.deleteIfExists(rowFile(id));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the row file of a dropped table: " + e.getMessage(), e);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can fsync a directory; the rename itself is still atomic.
        }
    }

    /** An open, append-only row file. */
    static final class RowLog {
        private final FileChannel channel;

        RowLog(FileChannel channel) {
            this.channel = channel;
        }

        /** Writes one line holding all the rows and fsyncs it. On failure, truncates back to where it started. */
        void append(List<Object[]> rows) throws IOException {
            ArrayNode batch = JSON.createArrayNode();
            for (Object[] row : rows) {
                batch.add(RowCodec.encode(row));
            }
            byte[] bytes = (JSON.writeValueAsString(batch) + "\n").getBytes(StandardCharsets.UTF_8);
            long start = channel.size();
            try {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                channel.force(false);
            } catch (IOException e) {
                try {
                    channel.truncate(start);
                } catch (IOException ignored) {
                    e.addSuppressed(ignored);
                }
                throw e;
            }
        }

        void closeQuietly() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a row file", e);
            }
        }
    }
}
