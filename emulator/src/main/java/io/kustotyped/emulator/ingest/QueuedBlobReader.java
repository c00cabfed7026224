package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.Table;
import java.util.List;

/**
 * Reads a queued blob into rows through the same path as a streaming request (format readers, mapping engine,
 * conversions: {@link IngestPayload}), for the emulator's Data Management side. The checks are those of a
 * streaming request minus the streaming policy and the schema-propagation delay, which queued ingestion does not
 * have (docs/queue-protocol.md).
 */
public final class QueuedBlobReader {
    private QueuedBlobReader() {}

    /**
     * Rows read from a blob, ready to append.
     *
     * @param table the target table
     * @param rows the rows, one per record
     */
    public record Rows(Table table, List<Object[]> rows) {}

    /**
     * Checks the target and reads the blob.
     *
     * @param catalog the store
     * @param database the database name (any case)
     * @param tableName the table name
     * @param format the format name (any case), e.g. {@code csv} or {@code multijson}
     * @param mappingReference the name of a pre-created mapping, or null
     * @param gzip whether the blob is gzip-compressed
     * @param blob the blob's bytes
     * @param maxDataBytes the most uncompressed bytes to read
     * @return the rows
     * @throws KustoError with Kusto's error code for the first check that fails
     */
    public static Rows read(
            Catalog catalog,
            String database,
            String tableName,
            String format,
            String mappingReference,
            boolean gzip,
            byte[] blob,
            long maxDataBytes) {
        Database db = catalog.database(database);
        if (db == null) {
            throw KustoErrors.databaseNotExist(database);
        }
        Table table = db.table(tableName);
        if (table == null) {
            throw KustoErrors.tableNotExist(db.name(), tableName);
        }
        IngestFormat f = IngestFormat.parse(format == null || format.isEmpty() ? "csv" : format);
        IngestionMapping mapping = IngestTarget.resolveMapping(db, table, f, mappingReference);
        if (!f.implemented()) {
            throw KustoErrors.formatNotSupported("format '" + f.wireName() + "' is valid for Kusto but the "
                    + "emulator does not implement it. Supported: " + IngestFormat.implementedNames() + ".");
        }
        IngestTarget target = new IngestTarget(table, f, mapping, gzip ? "gzip" : null);
        IngestPayload payload = IngestPayload.read(target, blob, maxDataBytes);
        return new Rows(table, payload.rows());
    }
}
