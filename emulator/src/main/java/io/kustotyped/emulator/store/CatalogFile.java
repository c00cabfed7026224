package io.kustotyped.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code catalog.json}: the databases, tables, columns, mappings and policies of the persistent databases.
 * Rewritten whole on every schema change (see {@link DataDir#writeCatalog}).
 */
final class CatalogFile {
    static final String FORMAT = "kusto-typed-emulator";
    static final int VERSION = 2;

    private CatalogFile() {}

    static byte[] encode(Collection<Database> databases) throws IOException {
        ObjectNode doc = RowCodec.JSON.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
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
                Table.Schema s = t.diskSchema();
                ObjectNode o = tables.addObject();
                o.put("id", t.id);
                o.put("name", t.name());
                o.put("folder", s.folder());
                o.put("docString", s.docString());
                ArrayNode cols = o.putArray("columns");
                for (ColumnDef c : s.columns()) {
                    cols.addObject().put("name", c.name()).put("type", c.type().cslName());
                }
                putPolicy(o, t.streamingPolicy());
                putMappings(o, t.mappings(null));
            }
        }
        return RowCodec.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    /**
     * Checks that a parsed {@code catalog.json} is one this emulator wrote, in this format version.
     *
     * @throws IOException naming the file, and saying what to do for a data directory of an older version
     */
    static void checkFormat(Path file, JsonNode doc) throws IOException {
        if (doc == null || !doc.isObject() || !doc.has("version") || !doc.has("databases")) {
            throw new IOException(file + " is not an emulator catalog; the emulator does not touch files it did not "
                    + "write. Move it away or choose another --data-dir");
        }
        int version = doc.path("version").asInt();
        if (version == 1 && !doc.has("format")) {
            throw new IOException("the data directory " + file.getParent() + " was written by an older emulator "
                    + "(format 1: rows/*.jsonl, where a torn write could merge with the next append). This emulator "
                    + "writes format 2 and does not read format 1: start it with a new --data-dir and re-create the "
                    + "tables, or keep using the older emulator for that directory");
        }
        if (!FORMAT.equals(doc.path("format").asText()) || version != VERSION) {
            throw new IOException(file + " has format '" + doc.path("format").asText() + "' version " + version
                    + "; this emulator reads only '" + FORMAT + "' version " + VERSION);
        }
    }

    /** Builds the databases and tables of a checked {@code catalog.json}; rows are loaded separately. */
    static List<Database> decode(Catalog catalog, JsonNode doc) {
        List<Database> out = new ArrayList<>();
        for (JsonNode d : doc.path("databases")) {
            Database db = new Database(catalog, d.get("name").asText(), true);
            db.restorePolicy(policy(d.get("streamingPolicy")));
            for (IngestionMapping m : mappings(d.path("mappings"))) {
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
                for (IngestionMapping m : mappings(o.path("mappings"))) {
                    t.restoreMapping(m);
                }
                db.restore(t);
            }
            out.add(db);
        }
        return out;
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

    private static StreamingPolicy policy(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        JsonNode rate = n.get("HintAllocatedRate");
        return new StreamingPolicy(
                n.path("IsEnabled").asBoolean(), rate == null || rate.isNull() ? null : rate.asDouble());
    }

    private static List<IngestionMapping> mappings(JsonNode array) {
        List<IngestionMapping> out = new ArrayList<>();
        for (JsonNode m : array) {
            String kind = m.get("kind").asText();
            String json = m.get("mapping").asText();
            out.add(new IngestionMapping(
                    m.get("name").asText(),
                    kind,
                    json,
                    MappingParser.parse(kind, json, null),
                    Instant.parse(m.get("lastUpdatedOn").asText())));
        }
        return out;
    }
}
