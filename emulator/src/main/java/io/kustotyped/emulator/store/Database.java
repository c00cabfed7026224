package io.kustotyped.emulator.store;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A database: its tables, its database-scope mappings and its streaming ingestion policy. Thread-safe. */
public final class Database {
    private final Catalog catalog;
    private final String name;
    private final boolean persistent;
    private final Map<String, Table> tables = new LinkedHashMap<>(); // case-sensitive names
    private final MappingSet mappings = new MappingSet();
    private StreamingPolicy streamingPolicy;

    Database(Catalog catalog, String name, boolean persistent) {
        this.catalog = catalog;
        this.name = name;
        this.persistent = persistent;
    }

    /** @return the name as created */
    public String name() {
        return name;
    }

    /** @return {@code false} for a volatile database (never written to disk) */
    public boolean persistent() {
        return persistent;
    }

    Catalog catalog() {
        return catalog;
    }

    /** Whether changes to this database go to disk. */
    boolean persisted() {
        return persistent && catalog.dataDir != null;
    }

    /**
     * Finds a table; names are case-sensitive (docs/kusto-rules.md §5.2).
     *
     * @param tableName the table name
     * @return the table, or {@code null}
     */
    public Table table(String tableName) {
        synchronized (catalog.lock) {
            return tables.get(tableName);
        }
    }

    /** @return a snapshot of the tables, in creation order */
    public Collection<Table> tables() {
        synchronized (catalog.lock) {
            return List.copyOf(new ArrayList<>(tables.values()));
        }
    }

    /**
     * {@code .create table} semantics (docs/kusto-rules.md §5.1): creates the table, or returns the existing one of that
     * name unchanged even when the schema differs.
     *
     * @param tableName the table name
     * @param columns the columns, at least one, names unique
     * @param folder the folder, or {@code null} for none
     * @param docString the doc string, or {@code null} for none
     * @return the table
     * @throws KustoError for an invalid name or column list
     */
    public Table createTable(String tableName, List<ColumnDef> columns, String folder, String docString) {
        Names.check("table", tableName);
        checkColumns(columns);
        synchronized (catalog.lock) {
            Table existing = tables.get(tableName);
            if (existing != null) {
                return existing;
            }
            Table t = new Table(this, tableName, null, columns, folder, docString);
            t.createLog(); // the row file exists before the catalog names the table
            catalog.change(this, () -> tables.put(tableName, t), () -> {
                tables.remove(tableName);
                t.closeLog(); // its file is deleted at the next start, when no catalog names it
            });
            return t;
        }
    }

    /**
     * {@code .create-merge table} semantics (docs/kusto-rules.md §5.1): creates the table when missing, otherwise adds
     * the new columns at the end and updates the folder and doc string when given.
     *
     * @param tableName the table name
     * @param columns the columns
     * @param folder the folder, or {@code null} to keep it
     * @param docString the doc string, or {@code null} to keep it
     * @return the table
     * @throws KustoError 400 when an existing column is given with another type
     */
    public Table createMergeTable(String tableName, List<ColumnDef> columns, String folder, String docString) {
        Names.check("table", tableName);
        checkColumns(columns);
        synchronized (catalog.lock) {
            Table existing = tables.get(tableName);
            if (existing != null) {
                existing.alterMerge(columns, folder, docString);
                return existing;
            }
            return createTable(tableName, columns, folder, docString);
        }
    }

    /**
     * Drops a table with its rows and mappings.
     *
     * @param tableName the table name
     * @throws KustoError 400 {@code BadRequest_TableNotExist} when there is no such table
     */
    public void dropTable(String tableName) {
        synchronized (catalog.lock) {
            Table t = tables.get(tableName);
            if (t == null) {
                throw KustoErrors.tableNotExist(name, tableName);
            }
            Map<String, Table> before = new LinkedHashMap<>(tables);
            catalog.change(this, () -> tables.remove(tableName), () -> {
                tables.clear();
                tables.putAll(before);
            });
            t.markDropped(); // the rows go only once the catalog without the table is durable
        }
    }

    /** @return the database-level streaming ingestion policy, or {@code null} when none is set */
    public StreamingPolicy streamingPolicy() {
        synchronized (catalog.lock) {
            return streamingPolicy;
        }
    }

    /**
     * Sets or deletes the database-level streaming ingestion policy.
     *
     * @param policy the policy, or {@code null} to delete it
     */
    public void setStreamingPolicy(StreamingPolicy policy) {
        synchronized (catalog.lock) {
            StreamingPolicy old = this.streamingPolicy;
            catalog.change(this, () -> this.streamingPolicy = policy, () -> this.streamingPolicy = old);
        }
    }

    /**
     * Finds a database-scope mapping.
     *
     * @param kind the mapping kind, any case ({@code json})
     * @param mappingName the name, case-sensitive
     * @return the mapping, or {@code null}
     */
    public IngestionMapping mapping(String kind, String mappingName) {
        synchronized (catalog.lock) {
            return mappings.get(kind, mappingName);
        }
    }

    /**
     * Lists the database-scope mappings.
     *
     * @param kind the kind, or {@code null} for all kinds
     * @return a snapshot
     */
    public Collection<IngestionMapping> mappings(String kind) {
        synchronized (catalog.lock) {
            return mappings.list(kind);
        }
    }

    /**
     * Adds or replaces a database-scope mapping (the command decides create/alter semantics).
     *
     * @param mapping the mapping
     */
    public void putMapping(IngestionMapping mapping) {
        synchronized (catalog.lock) {
            MappingSet before = mappings.copy();
            catalog.change(this, () -> mappings.put(mapping), () -> mappings.restore(before));
        }
    }

    /**
     * Drops a database-scope mapping.
     *
     * @param kind the kind
     * @param mappingName the name
     * @return {@code true} when it existed
     */
    public boolean dropMapping(String kind, String mappingName) {
        synchronized (catalog.lock) {
            if (mappings.get(kind, mappingName) == null) {
                return false;
            }
            MappingSet before = mappings.copy();
            catalog.change(this, () -> mappings.remove(kind, mappingName), () -> mappings.restore(before));
            return true;
        }
    }

    /** Adds a table while loading from disk. Caller holds the catalog lock. */
    void restore(Table t) {
        tables.put(t.name(), t);
    }

    /** Sets the policy while loading from disk. */
    void restorePolicy(StreamingPolicy policy) {
        this.streamingPolicy = policy;
    }

    /** Adds a mapping while loading from disk. */
    void restoreMapping(IngestionMapping m) {
        mappings.put(m);
    }

    static void checkColumns(List<ColumnDef> columns) {
        if (columns == null || columns.isEmpty()) {
            throw KustoErrors.syntaxError("A table needs at least one column.");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ColumnDef c : columns) {
            Names.check("column", c.name());
            if (!seen.add(c.name())) {
                throw KustoErrors.generalBadRequest("Column '" + c.name() + "' is given more than once.");
            }
        }
    }
}
