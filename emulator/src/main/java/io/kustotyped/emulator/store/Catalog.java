package io.kustotyped.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator's databases: the root of the store.
 *
 * <p>Thread-safe: schema changes (databases, tables, columns, mappings, policies) are serialized on one
 * lock; row appends lock only their table. With a data directory ({@link #open(Path)}), every schema change
 * of a persistent database is written to disk before the method returns, and so is every append (see
 * {@link Table#append(List)}). A volatile database ({@code .create database X volatile}) always lives in
 * memory only.
 */
public final class Catalog implements AutoCloseable {
    final Object lock = new Object();
    private final Map<String, Database> databases = new LinkedHashMap<>(); // key: lower-case name (§5.2)
    final DataDir dataDir; // null: in memory

    /** Creates an empty in-memory catalog. */
    public Catalog() {
        this.dataDir = null;
    }

    private Catalog(DataDir dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Opens (or creates) a catalog persisted in a directory, loading what an earlier run committed there.
     *
     * @param dir the data directory; created when missing
     * @return the catalog
     * @throws UncheckedIOException when the directory cannot be read or written
     */
    public static Catalog open(Path dir) {
        try {
            DataDir dataDir = new DataDir(dir);
            Catalog catalog = new Catalog(dataDir);
            try {
                synchronized (catalog.lock) {
                    dataDir.load(catalog);
                }
            } catch (IOException | RuntimeException e) {
                catalog.close();
                throw e;
            }
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the emulator data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @return the data directory, or {@code null} when everything lives in memory */
    public Path dataDir() {
        return dataDir == null ? null : dataDir.root();
    }

    /**
     * Finds a database; names are case-insensitive (docs/kusto-rules.md §5.2).
     *
     * @param name the database name
     * @return the database, or {@code null} when there is none of that name
     */
    public Database database(String name) {
        if (name == null) {
            return null;
        }
        synchronized (lock) {
            return databases.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Creates a database, or returns the existing one of that name unchanged.
     *
     * @param name the name
     * @param persistent {@code true} for {@code persist} (kept in the data directory if there is one),
     *     {@code false} for {@code volatile} (memory only)
     * @return the database
     */
    public Database createDatabase(String name, boolean persistent) {
        Names.check("database", name);
        synchronized (lock) {
            Database existing = databases.get(name.toLowerCase(Locale.ROOT));
            if (existing != null) {
                return existing;
            }
            Database db = new Database(this, name, persistent);
            databases.put(name.toLowerCase(Locale.ROOT), db);
            if (persistent) {
                persist();
            }
            return db;
        }
    }

    /**
     * Drops a database and its tables, rows and mappings.
     *
     * @param name the name (case-insensitive)
     * @return {@code true} when it existed
     */
    public boolean dropDatabase(String name) {
        synchronized (lock) {
            Database db = databases.remove(name.toLowerCase(Locale.ROOT));
            if (db == null) {
                return false;
            }
            for (Table t : db.tables()) {
                t.markDropped();
            }
            persist();
            return true;
        }
    }

    /** @return a snapshot of the databases, in creation order */
    public Collection<Database> databases() {
        synchronized (lock) {
            return List.copyOf(new ArrayList<>(databases.values()));
        }
    }

    /** Adds a database while loading from disk. Caller holds the lock. */
    void restore(Database db) {
        databases.put(db.name().toLowerCase(Locale.ROOT), db);
    }

    /** Writes the catalog snapshot when there is a data directory. Caller holds the lock. */
    void persist() {
        if (dataDir == null) {
            return;
        }
        try {
            dataDir.writeCatalog(databases.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator catalog: " + e.getMessage(), e);
        }
    }

    /** Closes the open row files. The catalog must not be used afterwards. */
    @Override
    public void close() {
        synchronized (lock) {
            for (Database db : databases.values()) {
                for (Table t : db.tables()) {
                    t.closeLog();
                }
            }
            if (dataDir != null) {
                dataDir.release();
            }
        }
    }
}
