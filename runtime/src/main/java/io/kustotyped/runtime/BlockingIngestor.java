package io.kustotyped.runtime;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * The blocking view of a generated ingestor, for code without Vert.x (a plain {@code main}, a Spring MVC service):
 * every call waits for its result and returns it, or throws. Get one from {@code ingestor.blocking()}; it is
 * thread-safe and cheap, and shares the ingestor's batch slots, so any number of threads may call it at once.
 *
 * <pre>{@code
 * KustoClient client = KustoClient.create(new KustoClientOptions().setClusterUrl(url)); // owns its Vertx
 * BlockingIngestor<Event> events = EventIngestor.create(client).blocking();
 * events.applySchema();
 * IngestResult result = events.ingest(rows);                  // throws IngestException unless every row landed
 * List<Event> errors = events.query("| where Level == 'Error' | take 10");
 * client.close();
 * }</pre>
 *
 * <p><b>Timeouts.</b> Each call waits at most {@link #timeout()} ({@link #DEFAULT_TIMEOUT} unless
 * {@code blocking(Duration)} said otherwise), or the {@code Duration} given to an overload, then throws a
 * {@link BlockingTimeoutException} naming the call and the timeout. The operation is not cancelled (a Vert.x
 * {@code Future} cannot be): it goes on in the background. An interrupted wait restores the thread's interrupt flag
 * and throws a {@link CancellationException}.
 *
 * <p><b>Failures.</b> A call throws what its {@code Future} failed with: {@link IngestException} (with the exact rows
 * that did not land), {@link KustoServiceException}, {@link KustoTransportException}, {@link KustoTlsException},
 * {@link KustoProxyException}, {@link RowReadException} and every other unchecked exception as they are; a checked
 * one wrapped in a {@link java.util.concurrent.CompletionException}.
 *
 * <p><b>Vert.x threads.</b> Blocking an event loop or a worker thread stalls it and can deadlock the very work it
 * waits for, so a call made on a thread of any {@code Vertx} instance fails at once, before anything is sent, with an
 * {@link IllegalStateException} that names the {@code Future}-returning method to use instead.
 *
 * @param <T> the row type
 */
public final class BlockingIngestor<T> {

    /**
     * The timeout of {@link TableIngestor#blocking()}: 10 minutes, the same as the client's default request timeout
     * ({@link KustoClientOptions#DEFAULT_REQUEST_TIMEOUT}), so that a single slow request fails on its own timeout
     * first. Large ingests that take longer need a longer one ({@code blocking(Duration)} or the overloads).
     */
    public static final Duration DEFAULT_TIMEOUT = KustoClientOptions.DEFAULT_REQUEST_TIMEOUT;

    private final TableIngestor<T> ingestor;
    private final Duration timeout;

    BlockingIngestor(TableIngestor<T> ingestor, Duration timeout) {
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.timeout = Blocking.checkTimeout(timeout);
    }

    /** The ingestor this view calls. */
    public TableIngestor<T> async() {
        return ingestor;
    }

    /** How long each call without a {@code Duration} waits. */
    public Duration timeout() {
        return timeout;
    }

    /** {@link TableIngestor#applySchema()}, waiting at most {@link #timeout()}. */
    public void applySchema() {
        applySchema(timeout);
    }

    /** {@link TableIngestor#applySchema()}, waiting at most {@code timeout}. */
    public void applySchema(Duration timeout) {
        Blocking.checkTimeout(timeout);
        Blocking.checkMayBlock("applySchema()", "applySchema() of the ingestor (blocking().async())");
        Blocking.await(ingestor.applySchema(), timeout, "applySchema of " + target());
    }

    /**
     * {@link TableIngestor#ingest(Iterable)}, waiting at most {@link #timeout()}: reads {@code rows} lazily (on
     * worker threads) and returns once every row landed.
     *
     * @return the result; every row landed
     * @throws IngestException when not every row landed: {@link IngestException#result()} lists the rows that did not
     */
    public IngestResult ingest(Iterable<? extends T> rows) {
        return ingest(rows, timeout);
    }

    /** {@link #ingest(Iterable)}, waiting at most {@code timeout}. */
    public IngestResult ingest(Iterable<? extends T> rows, Duration timeout) {
        Objects.requireNonNull(rows, "rows");
        Blocking.checkTimeout(timeout);
        Blocking.checkMayBlock("ingest(rows)", "ingest(rows) of the ingestor (blocking().async())");
        Future<IngestResult> started =
                rows instanceof List<? extends T> list ? ingestor.ingest(list) : ingestor.ingest(rows);
        return Blocking.await(started, timeout, "ingest into " + target());
    }

    /**
     * {@code query(pipeline)} of the generated ingestor, waiting at most {@link #timeout()}: runs
     * {@code ['<Table>'] <pipeline>} on the ingestor's database and reads the rows with the generated reader.
     *
     * @param pipeline what follows the table name, e.g. {@code "| where Level == 'Error' | take 10"}; may be empty
     * @return the rows
     * @throws IllegalStateException when the row type has no generated reader (it cannot be constructed; the
     *     generated ingestor then has no {@code query} either)
     * @throws RowReadException when a column does not fit its property
     */
    public List<T> query(String pipeline) {
        return query(pipeline, timeout);
    }

    /** {@link #query(String)}, waiting at most {@code timeout}. */
    public List<T> query(String pipeline, Duration timeout) {
        Objects.requireNonNull(pipeline, "pipeline");
        Blocking.checkTimeout(timeout);
        Blocking.checkMayBlock("query(pipeline)", "query(pipeline) of the ingestor (blocking().async())");
        return Blocking.await(ingestor.queryTable(pipeline), timeout, "query of " + target());
    }

    /** {@link TableIngestor#checkSchema()}, waiting at most {@link #timeout()}. */
    public SchemaReport checkSchema() {
        return checkSchema(timeout);
    }

    /** {@link TableIngestor#checkSchema()}, waiting at most {@code timeout}. */
    public SchemaReport checkSchema(Duration timeout) {
        Blocking.checkTimeout(timeout);
        Blocking.checkMayBlock("checkSchema()", "checkSchema() of the ingestor (blocking().async())");
        return Blocking.await(ingestor.checkSchema(), timeout, "checkSchema of " + target());
    }

    private String target() {
        return "table '" + ingestor.table().tableName() + "' of database '" + ingestor.database() + "'";
    }
}
