package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.Http;
import io.kustotyped.runtime.impl.ResponseInputStream;
import io.kustotyped.runtime.impl.Transport;
import io.vertx.core.Expectation;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The {@link KustoClient} over Vert.x Web Client: one pooled, keep-alive {@link WebClient} per client; every request
 * a {@code POST} of a complete {@link Buffer} (so {@code Content-Length} is exact and the gzip body is sent as it is,
 * without a copy); a non-2xx answer becomes a {@link KustoServiceException} through an {@link Expectation}, a
 * request with no answer a {@link KustoTransportException}.
 */
final class HttpKustoClient implements KustoClient {

    private final Vertx vertx;
    /** Whether {@link #close()} closes {@link #vertx} (created by {@link KustoClient#create(KustoClientOptions)}). */
    private final boolean ownsVertx;

    private final KustoClientOptions options;
    private final String clusterUrl;
    private final HttpClient http;
    private final WebClient web;
    /** Headers, token and failure classification shared by every request. */
    private final ClusterConnection connection;
    /** Where query responses are parsed as they arrive: one thread per connection that can carry one. */
    private final WorkerExecutor queryWorkers;

    private final String ingestionEndpoint;
    /** The client of the Data Management endpoint when it is another URL, and the queued side; created at first use. */
    private HttpKustoClient dmClient;

    private QueuedIngest queued;

    HttpKustoClient(Vertx vertx, KustoClientOptions options, boolean ownsVertx) {
        this.vertx = java.util.Objects.requireNonNull(vertx, "vertx");
        this.ownsVertx = ownsVertx;
        this.options = options;
        String url = options.getClusterUrl();
        if (url == null) {
            throw new IllegalArgumentException("KustoClientOptions.clusterUrl is not set");
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("clusterUrl is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("clusterUrl must be an http(s) URL with a host, was " + url);
        }
        this.clusterUrl = url;
        String host = uri.getHost();
        WebClientOptions webOptions = new WebClientOptions()
                .setKeepAlive(true)
                .setDecompressionSupported(true)
                // The request carries exactly the recommended headers (docs/streaming-ingest.md), no Vert.x agent.
                .setUserAgentEnabled(false)
                // A redirect would re-send the body, and the token, somewhere else: never follow one.
                .setFollowRedirects(false);
        webOptions.setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, options.getConnectTimeout().toMillis()));
        boolean https = scheme.equals("https");
        ProxyOptions proxy = options.getProxyOptions() != null
                ? options.getProxyOptions()
                : options.isProxyFromEnvironment() ? Transport.fromEnvironment(System.getenv(), host) : null;
        // TLS verification (JDK trust store or the given one, host name, SNI) and the proxy, if any.
        Transport.configure(webOptions, options.getTrustOptions(), proxy);
        // The Web Client wraps a client of our own so that close() can report when the connections are closed.
        this.http = vertx.createHttpClient(webOptions, new PoolOptions().setHttp1MaxSize(options.getMaxConnections()));
        this.web = WebClient.wrap(http, webOptions);
        this.connection = new ClusterConnection(url, host, https, proxy, options, web);
        this.queryWorkers =
                vertx.createSharedWorkerExecutor("kusto-typed-query", Math.max(1, options.getMaxConnections()));
        String dm = options.getIngestionEndpoint() != null
                ? options.getIngestionEndpoint()
                : IngestionEndpoints.derive(url);
        while (dm.endsWith("/")) {
            dm = dm.substring(0, dm.length() - 1);
        }
        this.ingestionEndpoint = dm;
    }

    @Override
    public String ingestionEndpoint() {
        return ingestionEndpoint;
    }

    /** The client that talks to the DM endpoint: this one when the URLs are the same (loopback). */
    private synchronized HttpKustoClient dm() {
        if (ingestionEndpoint.equals(clusterUrl)) {
            return this;
        }
        if (dmClient == null) {
            // Its own connections, token cache and TLS verification, the same token provider, proxy and trust.
            dmClient = new HttpKustoClient(
                    vertx,
                    new KustoClientOptions(options)
                            .setClusterUrl(ingestionEndpoint)
                            .setIngestionEndpoint(ingestionEndpoint),
                    false); // this client's Vertx, closed (if owned) by this client
        }
        return dmClient;
    }

    @Override
    public Future<KustoResultTable> executeIngestionMgmt(String command) {
        return dm().executeMgmt(IngestionResources.DM_DATABASE, command);
    }

    /** The queued-ingestion side of this client (resources cache, storage calls), created at first use. */
    synchronized QueuedIngest queued() {
        if (queued == null) {
            queued = new QueuedIngest(
                    new IngestionResources(
                            this::executeIngestionMgmt, ingestionEndpoint, options.getIngestionResourcesRefresh()),
                    new StorageRest(web, options.getRequestTimeout()),
                    ingestionEndpoint);
        }
        return queued;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public String clusterUrl() {
        return clusterUrl;
    }

    /** A new {@code <prefix>;<uuid>} request id. */
    static String newRequestId(String prefix) {
        return prefix + ";" + UUID.randomUUID();
    }

    @Override
    public Future<KustoResultTable> executeMgmt(String database, String command) {
        String id = newRequestId("kusto-typed.mgmt");
        return postJson("/v1/rest/mgmt", database, command, id).map(body -> V1Tables.first(body, id));
    }

    @Override
    public Future<KustoResultTable> executeQuery(String database, String query) {
        // The same v2 reading as typed queries, into rows of plain values (Cells).
        Cells.UntypedRows reader = new Cells.UntypedRows();
        return query(database, query, reader)
                .map(rows -> new KustoResultTable("PrimaryResult", reader.columns(), rows));
    }

    @Override
    public <T> Future<List<T>> query(String database, String kql, RowReader<T> reader) {
        Objects.requireNonNull(reader, "reader");
        List<T> rows = new ArrayList<>();
        // Kusto's result limits stay on: a list holds every row, and a truncated result fails with the service's
        // error rather than returning part of it (https://learn.microsoft.com/kusto/concepts/query-limits).
        return streamQuery(database, kql, false, reader, rows::add)
                .<List<T>>map(n -> rows)
                .recover(e -> Future.failedFuture(truncationHint(e)));
    }

    @Override
    public <T> Future<Long> queryEach(
            String database, String kql, RowReader<T> reader, Consumer<? super T> rowHandler) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(rowHandler, "rowHandler");
        // Nothing is held, so the result limits are lifted (notruncation; docs/kusto-rules.md §6.1 request properties).
        return streamQuery(database, kql, true, reader, rowHandler);
    }

    private static Throwable truncationHint(Throwable e) {
        if (e instanceof KustoServiceException k
                && (k.code().filter("LimitsExceeded"::equals).isPresent()
                        || k.detail()
                                .filter(d -> d.contains("E_QUERY_RESULT_SET_TOO_LARGE"))
                                .isPresent())) {
            return ServiceErrors.withHint(
                    k,
                    "The result was larger than Kusto's result limit (by default 500,000 rows or 64 MB): narrow"
                            + " the query (where, project, summarize, take), or read it row by row with"
                            + " KustoClient.queryEach, which lifts the limit and holds no rows.");
        }
        return e;
    }

    /**
     * Posts a v2 query and parses the response while it arrives, on a worker thread, through a
     * {@link ResponseInputStream} that pauses the response while a megabyte waits: no more than that and one row is
     * held, whatever the size of the result. A non-2xx answer is read whole (it is small) into the Kusto error.
     */
    private <T> Future<Long> streamQuery(
            String database, String kql, boolean noTruncation, RowReader<T> reader, Consumer<? super T> sink) {
        String id = newRequestId("kusto-typed.query");
        JsonObject payload = new JsonObject();
        if (database != null) {
            payload.put("db", database);
        }
        payload.put("csl", kql);
        if (noTruncation) {
            payload.put("properties", new JsonObject().put("Options", new JsonObject().put("notruncation", true)));
        }
        Buffer body = payload.toBuffer();
        return connection.authorization(id).compose(authorization -> {
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(clusterUrl + "/v2/rest/query")
                    .setIdleTimeout(options.getRequestTimeout().toMillis())
                    .setConnectTimeout(options.getConnectTimeout().toMillis());
            connection.putHeaders(
                    request::putHeader, "application/json; charset=utf-8", null, body.length(), id, authorization);
            return http.request(request)
                    .compose(req -> req.send(body))
                    .recover(cause -> Future.failedFuture(connection.transportFailure(cause, id)))
                    .compose(response -> {
                        if (response.statusCode() < 200 || response.statusCode() >= 300) {
                            return response.body()
                                    .compose(error -> Future.failedFuture(
                                            ErrorParser.parse(response.statusCode(), response.headers(), error, id)));
                        }
                        ResponseInputStream in = new ResponseInputStream(
                                response,
                                vertx.getOrCreateContext(),
                                () -> response.request().reset());
                        return queryWorkers.executeBlocking(
                                () -> {
                                    try (in) {
                                        return V2RowReader.read(in, reader, sink, id);
                                    }
                                },
                                false);
                    });
        });
    }

    private Future<Buffer> postJson(String path, String database, String csl, String requestId) {
        JsonObject payload = new JsonObject();
        if (database != null) {
            payload.put("db", database);
        }
        payload.put("csl", csl);
        return send(path, "application/json; charset=utf-8", null, payload.toBuffer(), requestId)
                .map(HttpResponse::body);
    }

    @Override
    public Future<StreamIngestResult> streamIngest(
            String database,
            String table,
            StreamFormat format,
            String mappingName,
            Buffer gzippedBody,
            String clientRequestId) {
        // docs/kusto-rules.md §1.1: path segments and query values percent-encoded.
        StringBuilder path = new StringBuilder("/v1/rest/ingest/")
                .append(Http.percentEncode(database))
                .append('/')
                .append(Http.percentEncode(table))
                .append("?streamFormat=")
                .append(Http.percentEncode(format.wireName()));
        if (mappingName != null) {
            path.append("&mappingName=").append(Http.percentEncode(mappingName));
        }
        return send(path.toString(), "application/octet-stream", "gzip", gzippedBody, clientRequestId)
                .map(resp -> new StreamIngestResult(
                        resp.statusCode(), clientRequestId, Optional.ofNullable(resp.getHeader("x-ms-activity-id"))));
    }

    private Future<HttpResponse<Buffer>> send(
            String pathAndQuery, String contentType, String contentEncoding, Buffer body, String requestId) {
        return connection.authorization(requestId).compose(authorization -> {
            HttpRequest<Buffer> request = web.requestAbs(HttpMethod.POST, clusterUrl + pathAndQuery)
                    .idleTimeout(options.getRequestTimeout().toMillis())
                    .connectTimeout(options.getConnectTimeout().toMillis());
            connection.putHeaders(
                    request::putHeader, contentType, contentEncoding, body.length(), requestId, authorization);
            return request.sendBuffer(body)
                    .recover(cause -> Future.failedFuture(connection.transportFailure(cause, requestId)))
                    .expecting(ClusterConnection.success(requestId));
        });
    }

    @Override
    public Future<Void> close() {
        HttpKustoClient other;
        synchronized (this) {
            other = dmClient;
        }
        Future<Void> closing = queryWorkers.close().transform(ar -> http.close());
        Future<Void> connections =
                other == null ? closing : Future.all(closing, other.close()).mapEmpty();
        if (!ownsVertx) {
            return connections;
        }
        // Completed from outside the Vertx being closed: a future bound to one of its contexts would never notify.
        Promise<Void> done = Promise.promise();
        connections.onComplete(closedConnections -> vertx.close().onComplete(closed -> {
            if (closedConnections.failed()) {
                done.fail(closedConnections.cause());
            } else if (closed.failed()) {
                done.fail(closed.cause());
            } else {
                done.complete();
            }
        }));
        return done.future();
    }
}
