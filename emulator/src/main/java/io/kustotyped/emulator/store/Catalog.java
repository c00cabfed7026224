package io.kustotyped.emulator.store;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The emulator's databases: the root of the store.
 *
 * <p>Thread-safe: schema changes (databases, tables, columns, mappings, policies) are serialized on one
 * lock; row appends lock only their table. With a data directory ({@link #open(Path)}), every schema change
 * of a persistent database is written to disk before the method returns, and so is every append (see
 * {@link Table#append(List)}); when the write fails, memory is left as it was and the method throws a 500
 * {@code @permanent: false} {@link KustoError}. A volatile database ({@code .create database X volatile}) always lives in
 * memory only.
 */
public final class Catalog implements AutoCloseable {
    final Object lock = new Object();
    private final Map<String, Database> databases = new LinkedHashMap<>(); // key: lower-case name (§5.2)
    final DataDir dataDir; // null: in memory
    /** Catalog writes take it exclusively, appends of persisted tables shared (lock order: {@link #lock} first). */
    private final ReentrantReadWriteLock diskState = new ReentrantReadWriteLock();
    /** A failed catalog write may have left a catalog on disk that differs from memory. */
    private volatile boolean catalogUncertain;

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
        return open(dir, StoreIo.system());
    }

    /**
     * Opens (or creates) a catalog persisted in a directory, writing through the given file layer (tests pass
     * one that fails on demand).
     *
     * @param dir the data directory; created when missing
     * @param io the file operations every write goes through
     * @return the catalog
     * @throws UncheckedIOException when the directory cannot be read or written, or holds a file the emulator
     *     did not create (the message names it)
     */
    public static Catalog open(Path dir, StoreIo io) {
        try {
            DataDir dataDir = new DataDir(dir, io);
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
            String key = name.toLowerCase(Locale.ROOT);
            change(db, () -> databases.put(key, db), () -> databases.remove(key));
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
            String key = name.toLowerCase(Locale.ROOT);
            Database db = databases.get(key);
            if (db == null) {
                return false;
            }
            Map<String, Database> before = new LinkedHashMap<>(databases);
            change(db, () -> databases.remove(key), () -> {
                databases.clear();
                databases.putAll(before);
            });
            for (Table t : db.tables()) {
                t.markDropped();
            }
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

    /**
     * Applies a schema change of {@code db}: in memory, then (for a persisted database) to disk. When the disk
     * write fails, {@code undo} puts memory back as it was and a 5xx {@code @permanent: false} is thrown: the
     * client sees a failure exactly when the change did not happen. Caller holds the lock.
     */
    void change(Database db, Runnable apply, Runnable undo) {
        apply.run();
        if (dataDir == null || !db.persistent()) {
            return;
        }
        diskState.writeLock().lock();
        try {
            dataDir.writeCatalog(databases.values());
            catalogUncertain = false;
        } catch (IOException e) {
            undo.run();
            if (e instanceof DataDir.UncertainWrite || catalogUncertain) {
                // The new file may be in place: write memory's (old) state again, or hold appends until it is.
                try {
                    dataDir.writeCatalog(databases.values());
                    catalogUncertain = false;
                } catch (IOException again) {
                    catalogUncertain = true;
                    e.addSuppressed(again);
                }
            }
            throw storageFailure("the change was not made", e);
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        } finally {
            diskState.writeLock().unlock();
        }
    }

    /**
     * Runs the append of a persisted table when the catalog on disk is known to match memory, and no catalog
     * write is in flight: rows acknowledged for a table are never in a file that the catalog on disk does not
     * name.
     */
    void appendDurably(Table.Append append) {
        while (true) {
            if (catalogUncertain) {
                synchronized (lock) {
                    diskState.writeLock().lock();
                    try {
                        if (catalogUncertain) {
                            dataDir.writeCatalog(databases.values());
                            catalogUncertain = false;
                        }
                    } catch (IOException e) {
                        throw storageFailure("no rows were written", e);
                    } finally {
                        diskState.writeLock().unlock();
                    }
                }
            }
            diskState.readLock().lock();
            try {
                if (!catalogUncertain) {
                    append.run();
                    return;
                }
            } finally {
                diskState.readLock().unlock();
            }
        }
    }

    /** The answer to a request whose change could not be written: transient, nothing changed. */
    static KustoError storageFailure(String what, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return KustoErrors.transientServerError(
                500,
                "The emulator could not write to its data directory (" + reason + "); " + what
                        + ". The request can be retried.");
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
