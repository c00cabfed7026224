package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoErrors;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Models the schema cache of Kusto's streaming-ingestion nodes (docs/kusto-rules.md §1.6): a table created, a
 * mapping created or changed, or a streaming policy enabled, stays invisible to streaming ingestion for a
 * configurable delay, during which an ingest request gets the error Kusto gives for an entity it does not know
 * ({@code BadRequest_TableNotExist}, {@code BadRequest_MappingReferenceWasNotFound},
 * {@code BadRequest_StreamingIngestionPolicyNotEnabled}). {@code .clear table T cache streamingingestion schema}
 * makes the table's changes visible at once, {@code .clear database cache streamingingestion schema} the
 * database's.
 *
 * <p>Columns added to an existing table are not modelled: Kusto keeps ingesting with the cached schema until it
 * refreshes, and the generated mapping that uses a new column has a new name, which this class does model. A
 * changed mapping is answered as missing, where Kusto might still use the cached version.
 *
 * <p>With a zero delay (the default) nothing is recorded and every check passes. Thread-safe.
 */
public final class SchemaPropagation {

    /** No delay: every change is visible at once. */
    public static final SchemaPropagation NONE = new SchemaPropagation(Duration.ZERO);

    private final long delayNanos;
    private final LongSupplier clock;
    /** Entity key to the {@link #clock} time of its last change; keys start with the database's key. */
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

    /**
     * @param delay how long a change stays invisible to streaming ingestion; zero for none
     */
    public SchemaPropagation(Duration delay) {
        this(delay, System::nanoTime);
    }

    SchemaPropagation(Duration delay, LongSupplier clock) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the schema propagation delay cannot be negative: " + delay);
        }
        this.delayNanos = delay.toNanos();
        this.clock = clock;
    }

    /** @return the delay */
    public Duration delay() {
        return Duration.ofNanos(delayNanos);
    }

    // ---- changes (management commands) ----

    /** A table was created. */
    public void tableCreated(String database, String table) {
        record(tableKey(database, table));
    }

    /** A mapping was created or its definition changed; {@code table} is null for a database-scope mapping. */
    public void mappingChanged(String database, String table, String kind, String name) {
        record(mappingKey(database, table, kind, name));
    }

    /** A streaming policy went from off to on; {@code table} is null for the database's policy. */
    public void streamingEnabled(String database, String table) {
        record(policyKey(database, table));
    }

    /** {@code .clear table T cache streamingingestion schema}: the table's changes are visible now. */
    public void clearTable(String database, String table) {
        String prefix = tableKey(database, table);
        changedAt.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** {@code .clear database cache streamingingestion schema}: every change in the database is visible now. */
    public void clearDatabase(String database) {
        String prefix = dbKey(database);
        changedAt.keySet().removeIf(k -> k.startsWith(prefix));
    }

    // ---- checks (ingest requests) ----

    /** Fails like Kusto when the table was created less than the delay ago. */
    public void checkTable(String database, String table) {
        if (pending(tableKey(database, table))) {
            throw KustoErrors.tableNotExist(database, table);
        }
    }

    /**
     * Fails like Kusto when the streaming policy that applies was enabled less than the delay ago.
     *
     * @param ownPolicy whether the table has a policy of its own (else the database's applies)
     */
    public void checkStreamingPolicy(String database, String table, boolean ownPolicy) {
        if (pending(policyKey(database, ownPolicy ? table : null))) {
            throw KustoErrors.streamingPolicyNotEnabled(database, table);
        }
    }

    /**
     * Fails like Kusto when the mapping was created or changed less than the delay ago.
     *
     * @param mappingTable the table the mapping belongs to, or null for a database-scope mapping
     */
    public void checkMapping(String database, String mappingTable, String kind, String name) {
        if (pending(mappingKey(database, mappingTable, kind, name))) {
            throw KustoErrors.mappingNotFound(database, name, kind);
        }
    }

    private void record(String key) {
        if (delayNanos > 0) {
            changedAt.put(key, clock.getAsLong());
        }
    }

    private boolean pending(String key) {
        if (delayNanos == 0) {
            return false;
        }
        Long at = changedAt.get(key);
        if (at == null) {
            return false;
        }
        if (clock.getAsLong() - at < delayNanos) {
            return true;
        }
        changedAt.remove(key, at);
        return false;
    }

    // Database names are case-insensitive, table and mapping names are not (docs/kusto-rules.md §5.2).
    private static String dbKey(String database) {
        return database.toLowerCase(Locale.ROOT) + '\u0000';
    }

    private static String tableKey(String database, String table) {
        return dbKey(database) + "table\u0000" + table + '\u0000';
    }

    private static String policyKey(String database, String table) {
        return (table == null ? dbKey(database) : tableKey(database, table)) + "policy";
    }

    private static String mappingKey(String database, String table, String kind, String name) {
        return (table == null ? dbKey(database) : tableKey(database, table)) + "mapping\u0000" + kind + '\u0000' + name;
    }
}
