package io.kustotyped.emulator.store;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A table: its schema, its mappings, its streaming policy and its rows. Thread-safe.
 *
 * <p>Rows are {@code Object[]} aligned with {@link #columns()}; the cell types are listed on
 * {@link #rows()}. {@link #append(List)} is atomic: every row of the call is committed (and on disk when the
 * database is persisted) or none is.
 */
public final class Table {
    private final Database database;
    private final String name;
    final String id; // names its row file; a dropped and re-created table gets a new one

    private volatile List<ColumnDef> columns;
    private volatile String folder;
    private volatile String docString;
    private StreamingPolicy streamingPolicy; // guarded by the catalog lock
    private final MappingSet mappings = new MappingSet(); // guarded by the catalog lock

    private final Object rowLock = new Object();
    private final List<Object[]> rows = new ArrayList<>(); // guarded by rowLock
    private boolean dropped; // guarded by rowLock
    private RowFile.Writer log; // guarded by rowLock
    private Schema pending; // guarded by the catalog lock: an alter-merge being written to disk

    Table(Database database, String name, String id, List<ColumnDef> columns, String folder, String docString) {
        this.database = database;
        this.name = name;
        this.id = id == null ? UUID.randomUUID().toString() : id;
        this.columns = List.copyOf(columns);
        this.folder = folder == null ? "" : folder;
        this.docString = docString == null ? "" : docString;
    }

    /** @return the table name */
    public String name() {
        return name;
    }

    /** @return the database it belongs to */
    public Database database() {
        return database;
    }

    /** @return the columns, in order */
    public List<ColumnDef> columns() {
        return columns;
    }

    /**
     * Finds a column by its case-sensitive name.
     *
     * @param columnName the name
     * @return the column, or {@code null}
     */
    public ColumnDef column(String columnName) {
        for (ColumnDef c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    /** @return the folder, {@code ""} when none */
    public String folder() {
        return folder;
    }

    /** @return the doc string, {@code ""} when none */
    public String docString() {
        return docString;
    }

    /**
     * {@code .alter-merge table} semantics (docs/kusto-rules.md §5.1): appends the columns the table lacks; existing
     * rows get null (or {@code ""} for strings) in them.
     *
     * @param newColumns the columns to merge
     * @param newFolder the folder, or {@code null} to keep it
     * @param newDocString the doc string, or {@code null} to keep it
     * @throws KustoError 400 when an existing column is given with another type
     */
    public void alterMerge(List<ColumnDef> newColumns, String newFolder, String newDocString) {
        Database.checkColumns(newColumns);
        synchronized (database.catalog().lock) {
            List<ColumnDef> merged = new ArrayList<>(columns);
            for (ColumnDef c : newColumns) {
                ColumnDef existing = column(c.name());
                if (existing == null) {
                    merged.add(c);
                } else if (existing.type() != c.type()) {
                    throw KustoErrors.generalBadRequest("Alter table does not support column data type change for "
                            + "existing columns (" + c.name() + ", current type: "
                            + existing.type().cslName()
                            + ", requested type: " + c.type().cslName() + ").");
                }
            }
            Schema next = new Schema(
                    List.copyOf(merged),
                    newFolder != null ? newFolder : folder,
                    newDocString != null ? newDocString : docString);
            // Readers see the new schema only once it is on disk: the catalog file is written from `pending`.
            database.catalog().change(database, () -> pending = next, () -> pending = null);
            pending = null;
            this.columns = next.columns();
            this.folder = next.folder();
            this.docString = next.docString();
        }
    }

    /** @return this table's own streaming ingestion policy, or {@code null} when none is set */
    public StreamingPolicy streamingPolicy() {
        synchronized (database.catalog().lock) {
            return streamingPolicy;
        }
    }

    /**
     * Sets or deletes the table-level streaming ingestion policy.
     *
     * @param policy the policy, or {@code null} to delete it
     */
    public void setStreamingPolicy(StreamingPolicy policy) {
        synchronized (database.catalog().lock) {
            StreamingPolicy old = this.streamingPolicy;
            database.catalog().change(database, () -> this.streamingPolicy = policy, () -> this.streamingPolicy = old);
        }
    }

    /**
     * Whether streaming ingestion is enabled: the table policy if set, else the database policy
     * (docs/kusto-rules.md §1.6, the table overrides the database).
     *
     * @return {@code true} when a streaming ingest may proceed
     */
    public boolean streamingEnabled() {
        synchronized (database.catalog().lock) {
            StreamingPolicy p = streamingPolicy != null ? streamingPolicy : database.streamingPolicy();
            return p != null && p.enabled();
        }
    }

    /**
     * Finds a table-scope mapping.
     *
     * @param kind the mapping kind, any case
     * @param mappingName the name, case-sensitive
     * @return the mapping, or {@code null}
     */
    public IngestionMapping mapping(String kind, String mappingName) {
        synchronized (database.catalog().lock) {
            return mappings.get(kind, mappingName);
        }
    }

    /**
     * Lists the table-scope mappings.
     *
     * @param kind the kind, or {@code null} for all kinds
     * @return a snapshot
     */
    public Collection<IngestionMapping> mappings(String kind) {
        synchronized (database.catalog().lock) {
            return mappings.list(kind);
        }
    }

    /**
     * Adds or replaces a table-scope mapping (the command decides create/alter semantics).
     *
     * @param mapping the mapping
     */
    public void putMapping(IngestionMapping mapping) {
        synchronized (database.catalog().lock) {
            MappingSet before = mappings.copy();
            database.catalog().change(database, () -> mappings.put(mapping), () -> mappings.restore(before));
        }
    }

    /**
     * Drops a table-scope mapping.
     *
     * @param kind the kind
     * @param mappingName the name
     * @return {@code true} when it existed
     */
    public boolean dropMapping(String kind, String mappingName) {
        synchronized (database.catalog().lock) {
            if (mappings.get(kind, mappingName) == null) {
                return false;
            }
            MappingSet before = mappings.copy();
            database.catalog()
                    .change(database, () -> mappings.remove(kind, mappingName), () -> mappings.restore(before));
            return true;
        }
    }

    /**
     * Commits rows atomically: all of them are added (and, for a persisted database, written and fsync'd as one
     * record) or, on failure, none.
     *
     * @param newRows rows aligned with the columns at the time they were converted; a shorter row (the table
     *     gained columns meanwhile) is padded
     * @throws KustoError 400 {@code BadRequest_TableNotExist} when the table was dropped meanwhile
     * @throws KustoError 500 {@code @permanent: false} when the rows cannot be written to disk (nothing is
     *     committed)
     */
    public void append(List<Object[]> newRows) {
        if (newRows.isEmpty()) {
            return;
        }
        if (database.persisted()) {
            database.catalog().appendDurably(() -> appendLocked(newRows));
        } else {
            appendLocked(newRows);
        }
    }

    /** One append, run by {@link Catalog#appendDurably}. */
    interface Append {
        void run();
    }

    private void appendLocked(List<Object[]> newRows) {
        synchronized (rowLock) {
            if (dropped) {
                throw KustoErrors.tableNotExist(database.name(), name);
            }
            if (log != null) {
                try {
                    log.append(newRows);
                } catch (IOException e) {
                    throw Catalog.storageFailure("no rows of table '" + name + "' were written", e);
                }
            }
            rows.addAll(newRows);
        }
    }

    /**
     * A snapshot of the rows in ingestion order, each aligned with {@link #columns()}. Cell values are
     * {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal}, {@code String} (never
     * null), {@code Instant} (100 ns), {@code Duration} (100 ns), {@code UUID}, Jackson {@code JsonNode} (dynamic),
     * or {@code null}. Callers must not modify the arrays.
     *
     * @return the rows
     */
    public List<Object[]> rows() {
        List<ColumnDef> cols = columns;
        List<Object[]> copy;
        synchronized (rowLock) {
            copy = new ArrayList<>(rows);
        }
        for (int i = 0; i < copy.size(); i++) {
            Object[] r = copy.get(i);
            if (r.length < cols.size()) {
                Object[] padded = Arrays.copyOf(r, cols.size());
                for (int c = r.length; c < cols.size(); c++) {
                    padded[c] = cols.get(c).type() == ScalarType.STRING ? "" : null;
                }
                copy.set(i, padded);
            }
        }
        return copy;
    }

    /** @return the number of committed rows */
    public long rowCount() {
        synchronized (rowLock) {
            return rows.size();
        }
    }

    // ---- persistence hooks ---------------------------------------------------------------------------

    /** Creates the row file of a new table of a persisted database. */
    void createLog() {
        if (!database.persisted()) {
            return;
        }
        synchronized (rowLock) {
            try {
                log = database.catalog().dataDir.createRowFile(id);
            } catch (IOException e) {
                throw Catalog.storageFailure("table '" + name + "' was not created", e);
            }
        }
    }

    /** Attaches the row file opened while loading. */
    void attachLog(RowFile.Writer writer) {
        synchronized (rowLock) {
            log = writer;
        }
    }

    /** The schema the catalog file is written with: a change being persisted, else the current one. */
    Schema diskSchema() {
        Schema p = pending;
        return p != null ? p : new Schema(columns, folder, docString);
    }

    /** Columns, folder and doc string. */
    record Schema(List<ColumnDef> columns, String folder, String docString) {}

    void restoreRows(List<Object[]> loaded) {
        synchronized (rowLock) {
            rows.addAll(loaded);
        }
    }

    void restorePolicy(StreamingPolicy policy) {
        this.streamingPolicy = policy;
    }

    void restoreMapping(IngestionMapping m) {
        mappings.put(m);
    }

    void markDropped() {
        synchronized (rowLock) {
            dropped = true;
            rows.clear();
            if (log != null) {
                log.close();
                log = null;
                database.catalog().dataDir.deleteRowFile(id);
            }
        }
    }

    void closeLog() {
        synchronized (rowLock) {
            if (log != null) {
                log.close();
                log = null;
            }
        }
    }
}
