package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.AsyncSlots;
import io.kustotyped.runtime.impl.JsonOutputRowEncoder;
import io.kustotyped.runtime.impl.RowEncoder;
import io.kustotyped.runtime.json.JsonRowWriter;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Base class of every generated {@code XIngestor}: streams rows of one table into Kusto, in gzip-compressed batches
 * cut at row boundaries within the request size limits, retrying what is transient and reporting, by row index,
 * every row that did not land.
 *
 * <p>Generated code calls exactly {@code super(client, database, XKustoSchema.INSTANCE, XJsonWriter.INSTANCE,
 * options)}. An ingestor is
 * thread-safe; all its calls share its {@link IngestOptions#getMaxInFlight()} batch slots, so the memory it holds
 * stays bounded however many calls run at once.
 *
 * @param <T> the row type
 */
public abstract class TableIngestor<T> {

    private static final String WORKER_POOL = "kusto-typed-encoder";

    private final KustoClient client;
    private final String database;
    private final TableSchema table;
    private final JsonRowWriter<T> writer;
    private final RowReader<T> reader;
    private final IngestOptions options;
    private final AsyncSlots slots;
    private final WorkerExecutor workers;
    private final ThreadLocal<RowEncoder<T>> encoders;
    private final ManagedState managed = new ManagedState();

    /**
     * @param client the client that sends requests
     * @param database the target database
     * @param table the generated schema of the table
     * @param writer the generated writer of one row
     * @param options batching, format and retry options (copied)
     */
    protected TableIngestor(
            KustoClient client, String database, TableSchema table, JsonRowWriter<T> writer, IngestOptions options) {
        this(client, database, table, writer, null, options);
    }

    /**
     * @param client the client that sends requests
     * @param database the target database
     * @param table the generated schema of the table
     * @param writer the generated writer of one row
     * @param reader the generated reader of query results, or {@code null} when the row type cannot be constructed
     * @param options batching, format and retry options (copied)
     */
    protected TableIngestor(
            KustoClient client,
            String database,
            TableSchema table,
            JsonRowWriter<T> writer,
            RowReader<T> reader,
            IngestOptions options) {
        this.reader = reader;
        this.client = Objects.requireNonNull(client, "client");
        this.database = Objects.requireNonNull(database, "database");
        this.table = Objects.requireNonNull(table, "table");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.options = new IngestOptions(Objects.requireNonNull(options, "options"));
        this.slots = new AsyncSlots(this.options.getMaxInFlight());
        // Serializing and compressing are CPU work: a shared pool as large as the machine, never the event loop.
        this.workers = client.vertx()
                .createSharedWorkerExecutor(
                        WORKER_POOL, Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.encoders = ThreadLocal.withInitial(() -> new JsonOutputRowEncoder<>(writer));
    }

    /** The generated schema of the table this ingestor writes to. */
    public TableSchema table() {
        return table;
    }

    /** The generated writer that turns one row into one JSON object. */
    public JsonRowWriter<T> writer() {
        return writer;
    }

    /** The generated reader of query results, if the row type can be constructed. */
    public Optional<RowReader<T>> reader() {
        return Optional.ofNullable(reader);
    }

    /** The database this ingestor writes to. */
    public String database() {
        return database;
    }

    /** A copy of the options. */
    public IngestOptions options() {
        return new IngestOptions(options);
    }

    /** The client. */
    public KustoClient client() {
        return client;
    }

    /**
     * The batches this ingestor holds right now, across all its calls and write streams: being filled, compressed
     * or sent. At most {@link IngestOptions#getMaxInFlight()}. For gauges (kusto-typed-micrometer reads it).
     */
    public int batchesInFlight() {
        return slots.inUse();
    }

    /**
     * The bytes this ingestor's batches hold right now (raw JSON and gzip bodies), across all its calls; bounded by
     * {@code maxInFlight * (maxRawBatchBytes + maxCompressedBatchBytes)}. For gauges.
     */
    public long bufferedBytes() {
        return slots.bufferedBytes();
    }

    /**
     * Runs the generated schema commands ({@link TableSchema#schemaCommands()}: table, mapping, streaming policy), in
     * order, through {@code POST /v1/rest/mgmt}, then {@code .clear table T cache streamingingestion schema}, so
     * that streaming ingestion sees the changes at once rather than minutes later (this needs the Database Ingestor
     * role, which ingesting needs anyway). Stops at the first failure, with the Kusto error. The same as
     * {@code client().applySchema(database(), table())}.
     */
    public Future<Void> applySchema() {
        return client.applySchema(database, table);
    }

    /**
     * Compares the live table with the generated schema: reads {@code .show table T cslschema}, the table's JSON
     * mappings and its (and its database's) streaming policy, and reports every difference. The same as
     * {@code client().checkSchema(database(), table())}.
     */
    public Future<SchemaReport> checkSchema() {
        return client.checkSchema(database, table);
    }

    /**
     * Runs {@code ['<Table>'] <pipeline>} on this ingestor's database and reads the result through the generated
     * reader ({@link KustoClient#query(String, String, RowReader)}). Generated ingestors expose it as
     * {@code query(String pipeline)} when the row type has a reader.
     *
     * @param pipeline what follows the table, starting with {@code |} (for example {@code "| take 10"}), or empty
     * @return the rows, or a failed future; an {@link IllegalStateException} naming the row type when it has no
     *     reader (no canonical constructor, or no public no-arg constructor)
     */
    protected final Future<List<T>> queryTable(String pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        if (reader == null) {
            return Future.failedFuture(new IllegalStateException("Table " + table.tableName()
                    + " has no generated reader: its row type cannot be constructed (a record, or a class with a public"
                    + " no-arg constructor and setters or public fields, is needed); "
                    + getClass().getName()
                    + " cannot query"));
        }
        return client.query(database, Kql.bracket(table.tableName()) + " " + pipeline, reader);
    }

    /**
     * Ingests {@code rows}. Succeeds only when every row landed; otherwise fails with an {@link IngestException}
     * whose result lists the rows (index ranges into {@code rows}) that did not, and why.
     */
    public Future<IngestResult> ingest(List<? extends T> rows) {
        return complete(run(rows.iterator(), 0, rows.size()));
    }

    /** Ingests {@code rows}, read lazily as batch slots free up (never more than the slots hold at once). */
    public Future<IngestResult> ingest(Iterable<? extends T> rows) {
        return complete(run(rows.iterator(), 0, rows instanceof Collection<?> c ? c.size() : -1));
    }

    /** Ingests {@code rows}, consumed lazily; the stream is closed when the call completes. */
    public Future<IngestResult> ingest(Stream<? extends T> rows) {
        Iterator<? extends T> it = rows.iterator();
        return ingest(it).andThen(ar -> rows.close());
    }

    /** Ingests the rows of {@code rows}, read lazily on worker threads (so a blocking iterator is fine). */
    public Future<IngestResult> ingest(Iterator<? extends T> rows) {
        return complete(run(rows, 0, -1));
    }

    private static Future<IngestResult> complete(Future<IngestResult> run) {
        return run.compose(
                r -> r.isComplete() ? Future.succeededFuture(r) : Future.failedFuture(new IngestException(r)));
    }

    /**
     * The blocking view of this ingestor, for code without Vert.x: the same calls, waiting for their results, each at
     * most {@link BlockingIngestor#DEFAULT_TIMEOUT}. It refuses to block a Vert.x thread. Cheap; call it as often as
     * you like.
     */
    public BlockingIngestor<T> blocking() {
        return new BlockingIngestor<>(this, BlockingIngestor.DEFAULT_TIMEOUT);
    }

    /**
     * The blocking view of this ingestor whose calls wait at most {@code timeout} (unless a call is given its own).
     *
     * @param timeout how long each call waits; positive
     */
    public BlockingIngestor<T> blocking(Duration timeout) {
        return new BlockingIngestor<>(this, timeout);
    }

    /**
     * A long-lived stream for continuous feeds: rows are flushed when {@link IngestOptions#getMaxBatchRows()} are
     * queued, after {@link IngestOptions#getLingerTime()}, and at {@code end()}; requests are cut at the size limits.
     */
    public KustoWriteStream<T> writeStream() {
        return new KustoWriteStream<>(this);
    }

    /** Runs one job; the result may be incomplete (not failed). */
    Future<IngestResult> run(Iterator<? extends T> rows, long firstIndex, long knownSize) {
        IngestJob.Context<T> ctx = new IngestJob.Context<>(
                client.vertx(),
                workers,
                client,
                database,
                table.tableName(),
                table.mappingName(),
                options,
                slots,
                encoders,
                e -> ErrorHints.forTable(e, table),
                managed);
        return new IngestJob<>(ctx, rows, firstIndex, knownSize).start();
    }
}
