package io.kustotyped.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connection to one Kusto cluster (or the emulator). Thread-safe; share one per cluster.
 *
 * <pre>{@code
 * KustoClient client = KustoClient.create(vertx, new KustoClientOptions()
 *     .setClusterUrl("https://mycluster.westeurope.kusto.windows.net")
 *     .setTokenProvider(TokenProvider.fixed(token)));
 * }</pre>
 *
 * <p>Every request carries {@code Accept}, {@code Accept-Encoding}, {@code Connection: Keep-Alive},
 * {@code x-ms-client-request-id}, {@code x-ms-app}, {@code x-ms-user} and {@code x-ms-client-version}, plus
 * {@code Authorization: Bearer} when a {@link TokenProvider} is set. A token is never sent over plain HTTP to a
 * host that is not loopback: such requests fail before anything is sent.
 */
public interface KustoClient {

    /**
     * Creates a client.
     *
     * @param vertx the Vert.x instance whose event loops and worker threads the client uses
     * @param options the options; copied
     * @return the client
     * @throws IllegalArgumentException if the cluster URL is missing or not an http(s) URL
     */
    static KustoClient create(Vertx vertx, KustoClientOptions options) {
        return new HttpKustoClient(vertx, new KustoClientOptions(options), false);
    }

    /**
     * Creates a client that runs on a {@link Vertx} of its own, for code that has none (a plain {@code main}, a
     * Spring MVC service). The client owns it: {@link #close()} closes it too. Its threads are daemon threads, so a
     * program that forgets to close the client can still exit; their names are Vert.x's
     * ({@code vert.x-eventloop-thread-N}, {@code vert.x-worker-thread-N}). Pair it with a generated ingestor's
     * {@code blocking()} view to use kusto-typed without any Vert.x type.
     *
     * <pre>{@code
     * KustoClient client = KustoClient.create(new KustoClientOptions().setClusterUrl(url));
     * try {
     *     EventIngestor.create(client).blocking().ingest(events);
     * } finally {
     *     client.close();
     * }
     * }</pre>
     *
     * @param options the options; copied
     * @return the client
     * @throws IllegalArgumentException if the cluster URL is missing or not an http(s) URL (the Vert.x instance is
     *     closed again)
     */
    static KustoClient create(KustoClientOptions options) {
        KustoClientOptions copy = new KustoClientOptions(options);
        Vertx vertx = Vertx.vertx(new VertxOptions().setUseDaemonThread(true));
        try {
            return new HttpKustoClient(vertx, copy, true);
        } catch (RuntimeException | Error e) {
            vertx.close();
            throw e;
        }
    }

    /** The Vert.x instance the client runs on (its own one when created without a {@code Vertx}). */
    Vertx vertx();

    /** The cluster URL, without a trailing slash. */
    String clusterUrl();

    /**
     * Runs a management command ({@code POST /v1/rest/mgmt}, docs/kusto-rules.md §6.1) and returns its first result table.
     *
     * @param database the database ({@code db}), or null for cluster-level commands
     * @param command the command text, starting with {@code .}
     * @return the first table, or a failed future with a {@link KustoException}
     */
    Future<KustoResultTable> executeMgmt(String database, String command);

    /**
     * Runs a query ({@code POST /v2/rest/query}, docs/kusto-rules.md §6.3) and returns its primary result.
     *
     * @param database the database
     * @param query the KQL query
     * @return the {@code PrimaryResult} table, or a failed future with a {@link KustoException}
     */
    Future<KustoResultTable> executeQuery(String database, String query);

    /**
     * Runs a query ({@code POST /v2/rest/query}) and reads its {@code PrimaryResult} into {@code T} through
     * {@code reader}, straight from the response JSON. Any query whose columns match the reader's properties can be
     * read: columns map by name, a missing column leaves its property at its default, an extra column is ignored, and
     * a column of another Kusto type fails with a {@link RowReadException} naming the column, the row and both types.
     *
     * <p>The service's result limits apply (500,000 rows or 64 MB by default,
     * https://learn.microsoft.com/kusto/concepts/query-limits): a truncated result fails with the service's error
     * ({@code E_QUERY_RESULT_SET_TOO_LARGE}) rather than returning part of the rows.
     *
     * @param database the database
     * @param kql the query
     * @param reader the reader, usually a generated {@code XRowReader.INSTANCE}
     * @param <T> the row type
     * @return every row, in the order the service sent them, or a failed future with a {@link KustoException}
     */
    <T> Future<List<T>> query(String database, String kql, RowReader<T> reader);

    /**
     * Runs a query and hands each row of its {@code PrimaryResult}, read into {@code T} through {@code reader}, to
     * {@code rowHandler} as it arrives: for results of any size, since no more than one row (and about a megabyte of
     * the response) is held at a time. The rows are read on a worker thread, one query at a time per thread, and
     * {@code rowHandler} is called there, in order; a slow handler slows the download (TCP back-pressure) rather than
     * buffering, but must return within the request timeout.
     *
     * <p>Kusto's result truncation is lifted for this call (request option {@code notruncation},
     * https://learn.microsoft.com/kusto/concepts/query-limits): the handler sees every row. An error the service
     * reports after some rows (a partial failure, https://learn.microsoft.com/kusto/concepts/partial-query-failures)
     * fails the future after those rows were handled. An exception thrown by {@code rowHandler} stops the query and
     * fails the future with it.
     *
     * @param database the database
     * @param kql the query
     * @param reader the reader, usually a generated {@code XRowReader.INSTANCE}
     * @param rowHandler called with each row, on a worker thread
     * @param <T> the row type
     * @return the number of rows handled, or a failed future with a {@link KustoException} or the handler's exception
     */
    <T> Future<Long> queryEach(String database, String kql, RowReader<T> reader, Consumer<? super T> rowHandler);

    /**
     * Sends one streaming-ingestion request ({@code POST /v1/rest/ingest/{db}/{table}}, docs/kusto-rules.md §1.1-1.2), once,
     * without retrying. Most callers use a generated ingestor instead, which batches, compresses and retries.
     *
     * @param database the database
     * @param table the table
     * @param format the {@code streamFormat} of the body
     * @param mappingName the {@code mappingName} value, or null
     * @param gzippedBody the gzip-compressed body (sent with {@code Content-Encoding: gzip} and its exact length);
     *     valid only until the returned future completes: ingestors reuse the array behind it for later batches,
     *     so an implementation that keeps the bytes must copy them
     * @param clientRequestId the {@code x-ms-client-request-id} to send
     * @return the acknowledgement, or a failed future with a {@link KustoServiceException} or
     *     {@link KustoTransportException}
     */
    Future<StreamIngestResult> streamIngest(
            String database,
            String table,
            StreamFormat format,
            String mappingName,
            Buffer gzippedBody,
            String clientRequestId);

    /**
     * Runs the schema's commands ({@link TableSchema#schemaCommands()}: table, mapping, streaming policy), in order,
     * through {@link #executeMgmt}. Stops at the first failure, with the Kusto error.
     *
     * @param database the database
     * @param schema the table's schema, usually a generated {@code XKustoSchema.INSTANCE}
     * @return completes once every command ran
     */
    default Future<Void> applySchema(String database, TableSchema schema) {
        return SchemaOps.apply(this, database, schema);
    }

    /**
     * Compares the live table with {@code schema}: reads {@code .show table T cslschema}, the table's JSON mappings
     * and its (and its database's) streaming policy, and reports every difference with the command that fixes it.
     *
     * @param database the database
     * @param schema the expected schema, usually a generated {@code XKustoSchema.INSTANCE}
     * @return the report (a failed future only when the cluster could not be asked)
     */
    default Future<SchemaReport> checkSchema(String database, TableSchema schema) {
        return SchemaOps.check(this, database, schema);
    }

    /**
     * The Data Management endpoint that queued ingestion talks to: {@link KustoClientOptions#getIngestionEndpoint()},
     * or derived from the cluster URL as Microsoft's SDKs do ({@code ingest-} prefix; the same URL on loopback).
     */
    default String ingestionEndpoint() {
        return IngestionEndpoints.derive(clusterUrl());
    }

    /**
     * Runs a management command on the Data Management endpoint ({@link #ingestionEndpoint()}), e.g.
     * {@code .get ingestion resources}. Its answer may hold SAS URLs and tokens: do not log it.
     *
     * @param command the command text
     * @return the first table, or a failed future with a {@link KustoException}
     */
    default Future<KustoResultTable> executeIngestionMgmt(String command) {
        return Future.failedFuture(
                new UnsupportedOperationException(getClass().getName() + " has no Data Management endpoint"));
    }

    /**
     * Closes the connections; for a client created by {@link #create(KustoClientOptions)}, also its own
     * {@link Vertx}. A {@code Vertx} passed to {@link #create(Vertx, KustoClientOptions)} is never closed.
     */
    Future<Void> close();
}
