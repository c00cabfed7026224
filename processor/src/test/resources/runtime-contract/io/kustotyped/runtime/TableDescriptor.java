package io.kustotyped.runtime;

import io.kustotyped.runtime.json.JsonRowWriter;
import java.util.List;
import java.util.Optional;

/**
 * Everything the runtime needs to know about one {@code @KustoTable} class. The annotation processor
 * generates one implementation per table class ({@code OrderKustoSchema.INSTANCE} for {@code Order}).
 *
 * @param <T> the row type
 */
public interface TableDescriptor<T> {

    /** The annotated class. */
    Class<T> rowType();

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
     * The management commands that create or update the table, its mapping and its streaming policy,
     * in the order to apply them. Each is one complete command.
     */
    List<String> schemaCommands();

    /** The generated zero-reflection JSON writer for one row. */
    JsonRowWriter<T> writer();
}
