package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoException;
import io.kustotyped.runtime.KustoProxyException;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.KustoTlsException;
import io.kustotyped.runtime.KustoTransportException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/** The {@link KustoClient} over the Vert.x HTTP client. Internal: use {@link KustoClient#create}. */
public final class HttpKustoClient implements KustoClient {

    private final Vertx vertx;
    private final KustoClientOptions options;
    private final String clusterUrl;
    private final boolean tokenAllowed;
    private final String host;
    private final HttpClientAgent http;
    private final TokenCache tokens;
    private final String application;
    private final String user;
    private final String clientVersion = ClientDetails.clientVersion();
    private final boolean https;
    private final ProxyOptions proxy;
    /** Completes once a TLS connection to the cluster verified; no token is fetched before (see verifiedConnection). */
    private Future<Void> verified;

    /** Use {@link KustoClient#create}. */
    public HttpKustoClient(Vertx vertx, KustoClientOptions options) {
        this.vertx = vertx;
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
        this.host = uri.getHost();
        // Never send a token over plain HTTP except to loopback (docs/kusto-rules.md §2.2 does the same for localhost).
        this.tokenAllowed = scheme.equals("https") || Http.isLoopback(uri.getHost());
        this.tokens = options.getTokenProvider() == null
                ? null
                : new TokenCache(options.getTokenProvider(), Clock.systemUTC());
        this.application = ClientDetails.ascii(
                options.getApplication() != null ? options.getApplication() : ClientDetails.defaultApplication());
        this.user = ClientDetails.ascii(options.getUser() != null ? options.getUser() : ClientDetails.defaultUser());
        HttpClientOptions httpOptions = new HttpClientOptions()
                .setKeepAlive(true)
                .setDecompressionSupported(true)
                .setConnectTimeout((int)
                        Math.min(Integer.MAX_VALUE, options.getConnectTimeout().toMillis()));
        this.https = scheme.equals("https");
        this.proxy = options.getProxyOptions() != null
                ? options.getProxyOptions()
                : options.isProxyFromEnvironment() ? Transport.fromEnvironment(System.getenv(), host) : null;
        Transport.configure(httpOptions, options.getTrustOptions(), proxy);
        this.http = vertx.createHttpClient(httpOptions, new PoolOptions().setHttp1MaxSize(options.getMaxConnections()));
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
    public static String newRequestId(String prefix) {
        return prefix + ";" + UUID.randomUUID();
    }

    @Override
    public Future<KustoResultTable> executeMgmt(String database, String command) {
        String id = newRequestId("kusto-typed.mgmt");
        return postJson("/v1/rest/mgmt", database, command, id).map(body -> ResultParser.firstV1Table(body, id));
    }

    @Override
    public Future<KustoResultTable> executeQuery(String database, String query) {
        String id = newRequestId("kusto-typed.query");
        return postJson("/v2/rest/query", database, query, id).map(body -> ResultParser.primaryV2Table(body, id));
    }

    private Future<Buffer> postJson(String path, String database, String csl, String requestId) {
        JsonObject payload = new JsonObject();
        if (database != null) {
            payload.put("db", database);
        }
        payload.put("csl", csl);
        Buffer body = payload.toBuffer();
        return send(path, "application/json; charset=utf-8", null, body, requestId)
                .map(Response::body);
    }

    @Override
    public Future<Integer> streamIngest(
            String database,
            String table,
            String streamFormat,
            String mappingName,
            Buffer gzippedBody,
            String clientRequestId) {
        // docs/kusto-rules.md §1.1: path segments and query values percent-encoded.
        StringBuilder path = new StringBuilder("/v1/rest/ingest/")
                .append(Http.percentEncode(database))
                .append('/')
                .append(Http.percentEncode(table))
                .append("?streamFormat=")
                .append(Http.percentEncode(streamFormat));
        if (mappingName != null) {
            path.append("&mappingName=").append(Http.percentEncode(mappingName));
        }
        return send(path.toString(), "application/octet-stream", "gzip", gzippedBody, clientRequestId)
                .map(Response::status);
    }

    /** A 2xx response. */
    record Response(int status, Buffer body) {}

    private Future<Response> send(
            String pathAndQuery, String contentType, String contentEncoding, Buffer body, String requestId) {
        if (tokens != null && !tokenAllowed) {
            return Future.failedFuture(new IllegalStateException("Refusing to send a bearer token over plain HTTP to "
                    + "the non-loopback host '" + host + "': use an https:// cluster URL"));
        }
        Future<String> auth = tokens == null
                ? Future.succeededFuture(null)
                : verifiedConnection(requestId).compose(v -> tokens.get()).map(t -> "Bearer " + t.token());
        return auth.compose(authorization -> {
            RequestOptions ro = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(clusterUrl + pathAndQuery)
                    .setIdleTimeout(options.getRequestTimeout().toMillis())
                    .setConnectTimeout(options.getConnectTimeout().toMillis());
            // docs/kusto-rules.md §1.2 / docs/streaming-ingest.md: every recommended header.
            ro.putHeader("Accept", "application/json")
                    .putHeader("Accept-Encoding", "gzip,deflate")
                    .putHeader("Connection", "Keep-Alive")
                    .putHeader("Content-Type", contentType)
                    .putHeader("Content-Length", Integer.toString(body.length()))
                    .putHeader("x-ms-client-request-id", requestId)
                    .putHeader("x-ms-app", application)
                    .putHeader("x-ms-user", user)
                    .putHeader("x-ms-client-version", clientVersion);
            if (contentEncoding != null) {
                ro.putHeader("Content-Encoding", contentEncoding);
            }
            if (authorization != null) {
                ro.putHeader("Authorization", authorization);
            }
            return exchange(ro, body, requestId);
        });
    }

    private Future<Response> exchange(RequestOptions ro, Buffer body, String requestId) {
        Promise<Response> result = Promise.promise();
        boolean[] written = new boolean[1];
        http.request(ro).onComplete(reqAr -> {
            if (reqAr.failed()) {
                result.fail(connectFailure(reqAr.cause(), requestId));
                return;
            }
            HttpClientRequest req = reqAr.result();
            req.end(body).onSuccess(v -> written[0] = true);
            req.response()
                    .compose(resp -> resp.body().map(b -> new Object[] {resp, b}))
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            boolean sent = written[0];
                            result.fail(new KustoTransportException(
                                    "Request " + requestId + " to " + clusterUrl + " failed "
                                            + (sent
                                                    ? "after it was fully sent (the service may have committed it)"
                                                    : "before it was fully sent")
                                            + ": " + ar.cause(),
                                    ar.cause(),
                                    requestId,
                                    sent));
                            return;
                        }
                        io.vertx.core.http.HttpClientResponse resp =
                                (io.vertx.core.http.HttpClientResponse) ar.result()[0];
                        Buffer respBody = (Buffer) ar.result()[1];
                        int status = resp.statusCode();
                        if (status >= 200 && status < 300) {
                            result.complete(new Response(status, respBody));
                        } else {
                            KustoServiceException e = ErrorParser.parse(status, resp.headers(), respBody, requestId);
                            result.fail(e);
                        }
                    });
        });
        return result.future();
    }

    /**
     * Before the first token is fetched, makes sure the cluster's certificate verifies, so that a token is never
     * fetched for (let alone sent to) a host that is not the cluster: one {@code GET /v1/rest/auth/metadata} (which
     * needs no token, docs/kusto-rules.md §6.4) on a pooled connection, kept alive for the requests that follow.
     * Later connections are verified by their own handshake before any header is written. Plain HTTP (loopback only,
     * see tokenAllowed) has no certificate to verify.
     */
    private synchronized Future<Void> verifiedConnection(String requestId) {
        if (!https) {
            return Future.succeededFuture();
        }
        if (verified != null) {
            return verified;
        }
        RequestOptions ro = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(clusterUrl + "/v1/rest/auth/metadata")
                .setIdleTimeout(options.getRequestTimeout().toMillis())
                .setConnectTimeout(options.getConnectTimeout().toMillis())
                .putHeader("x-ms-client-request-id", requestId)
                .putHeader("x-ms-app", application)
                .putHeader("x-ms-user", user)
                .putHeader("x-ms-client-version", clientVersion);
        Future<Void> attempt = http.request(ro)
                .recover(err -> Future.failedFuture(connectFailure(err, requestId)))
                // Connected and verified: what the endpoint answers does not matter, but the body is read so that the
                // connection goes back to the pool.
                .compose(req -> req.send()
                        .compose(HttpClientResponse::body)
                        .<Void>mapEmpty()
                        .otherwiseEmpty());
        verified = attempt;
        attempt.onFailure(err -> forgetVerification(attempt));
        return attempt;
    }

    private synchronized void forgetVerification(Future<Void> failed) {
        if (verified == failed) {
            verified = null; // the next request tries again (a transient failure may pass)
        }
    }

    /** A request that got no connection: a certificate, proxy or network failure. */
    private KustoException connectFailure(Throwable cause, String requestId) {
        Transport.Failure f = Transport.classify(cause, proxy);
        return switch (f.kind()) {
            case CERTIFICATE ->
                new KustoTlsException(
                        host,
                        "The TLS certificate of " + host + " did not verify: " + f.detail()
                                + ". Nothing was sent and no token was requested for it.",
                        cause,
                        requestId);
            case PROXY_STATUS ->
                new KustoProxyException(
                        "Could not reach " + clusterUrl + " through the proxy: " + f.detail(),
                        f.proxyStatus(),
                        cause,
                        requestId);
            case PROXY_UNREACHABLE, IO ->
                new KustoTransportException(
                        "Could not connect to " + clusterUrl + ": " + f.detail(), cause, requestId, false);
        };
    }

    @Override
    public Future<Void> close() {
        return http.close();
    }
}
