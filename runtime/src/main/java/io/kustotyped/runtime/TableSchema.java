package io.kustotyped.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The Kusto side of one table: its name, columns, JSON ingestion mapping and the management commands that create
 * them. The annotation processor generates one per {@code @KustoTable} class ({@code OrderKustoSchema.INSTANCE} for
 * {@code Order}); tools can implement it from a script. It knows nothing of how rows are written: an ingestor pairs
 * it with the generated {@link io.kustotyped.runtime.json.JsonRowWriter}.
 *
 * <p>{@link KustoClient#applySchema} runs its commands and {@link KustoClient#checkSchema} compares it with a live
 * table.
 */
public interface TableSchema {

    /** The Kusto table name (case-sensitive). */
    String tableName();

    /** The database named in {@code @KustoTable(database = ...)}, if any. */
    Optional<String> defaultDatabase();

    /** The JSON ingestion-mapping name every request of this table uses. */
    String mappingName();

    /** The table's columns, in table order. */
    List<ColumnDescriptor> columns();

    /** The mapping JSON (the {@code Properties} form), exactly as the mapping command sends it. */
    String mappingJson();

    /**
     * The management commands that create or update the table, its mapping and its streaming policy, in the order to
     * apply them. Each is one complete command.
     */
    List<String> schemaCommands();
}
