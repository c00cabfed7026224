package io.kustotyped.runtime;

import java.util.Objects;

/**
 * CONTRACT SKETCH (the runtime owner fills this in): base class of every generated {@code XIngestor}.
 *
 * <p>Generated code calls exactly this constructor:
 * {@code super(client, database, XKustoSchema.INSTANCE, options)}.
 *
 * @param <T> the row type
 */
public abstract class TableIngestor<T> {

    private final KustoClient client;
    private final String database;
    private final TableDescriptor<T> table;
    private final IngestOptions options;

    /**
     * @param client the client that sends requests
     * @param database the target database
     * @param table the generated descriptor of the table
     * @param options batching, format and retry options
     */
    protected TableIngestor(KustoClient client, String database, TableDescriptor<T> table, IngestOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.database = Objects.requireNonNull(database, "database");
        this.table = Objects.requireNonNull(table, "table");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The generated descriptor of the table this ingestor writes to. */
    public TableDescriptor<T> table() {
        return table;
    }
}
