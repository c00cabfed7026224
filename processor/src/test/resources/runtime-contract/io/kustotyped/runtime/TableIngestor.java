package io.kustotyped.runtime;

import io.kustotyped.runtime.json.JsonRowWriter;
import java.util.Objects;

/**
 * CONTRACT SKETCH (the runtime owner fills this in): base class of every generated {@code XIngestor}.
 *
 * <p>Generated code calls exactly this constructor:
 * {@code super(client, database, XKustoSchema.INSTANCE, XJsonWriter.INSTANCE, options)}.
 *
 * @param <T> the row type
 */
public abstract class TableIngestor<T> {

    private final KustoClient client;
    private final String database;
    private final TableSchema table;
    private final JsonRowWriter<T> writer;
    private final IngestOptions options;

    /**
     * @param client the client that sends requests
     * @param database the target database
     * @param table the generated schema of the table
     * @param writer the generated writer of one row
     * @param options batching, format and retry options
     */
    protected TableIngestor(
            KustoClient client, String database, TableSchema table, JsonRowWriter<T> writer, IngestOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.database = Objects.requireNonNull(database, "database");
        this.table = Objects.requireNonNull(table, "table");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The generated schema of the table this ingestor writes to. */
    public TableSchema table() {
        return table;
    }

    /** The generated writer of one row. */
    public JsonRowWriter<T> writer() {
        return writer;
    }
}
