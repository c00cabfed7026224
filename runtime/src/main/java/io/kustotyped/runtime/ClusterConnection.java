package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.ClientDetails;
import io.kustotyped.runtime.impl.Http;
import io.kustotyped.runtime.impl.Transport;
import io.vertx.core.Expectation;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.ProxyOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.function.BiConsumer;

/**
 * What every request of an {@link HttpKustoClient} to its endpoint shares: the recommended headers, the bearer token
 * (fetched only once the endpoint's certificate verified, and never sent over plain HTTP to a host that is not
 * loopback), and what a request that got no answer, or a non-2xx one, becomes.
 */
final class ClusterConnection {

    private final String clusterUrl;
    private final String host;
    private final boolean https;
    private final boolean tokenAllowed;
    private final ProxyOptions proxy;
    private final KustoClientOptions options;
    private final WebClient web;
    private final TokenCache tokens;
    private final String application;
    private final String user;
    private final String clientVersion = ClientDetails.clientVersion();

    /** Completes once a TLS connection to the cluster verified; no token is fetched before (see verifiedConnection). */
    private Future<Void> verified;

    /**
     * @param clusterUrl the endpoint, without a trailing slash
     * @param host its host
     * @param https whether its scheme is https
     * @param proxy the proxy, or null
     * @param options the client's options (token provider, application, user, timeouts)
     * @param web the client's Web Client, for the verifying request
     */
    ClusterConnection(
            String clusterUrl,
            String host,
            boolean https,
            ProxyOptions proxy,
            KustoClientOptions options,
            WebClient web) {
        this.clusterUrl = clusterUrl;
        this.host = host;
        this.https = https;
        // Never send a token over plain HTTP except to loopback (docs/kusto-rules.md §2.2 does the same for localhost).
        this.tokenAllowed = https || Http.isLoopback(host);
        this.proxy = proxy;
        this.options = options;
        this.web = web;
        this.tokens = options.getTokenProvider() == null
                ? null
                : new TokenCache(options.getTokenProvider(), Clock.systemUTC());
        this.application = ClientDetails.ascii(
                options.getApplication() != null ? options.getApplication() : ClientDetails.defaultApplication());
        this.user = ClientDetails.ascii(options.getUser() != null ? options.getUser() : ClientDetails.defaultUser());
    }

    /** The {@code Authorization} value ({@code Bearer ...}), or null without a token provider. */
    Future<String> authorization(String requestId) {
        if (tokens != null && !tokenAllowed) {
            return Future.failedFuture(new IllegalStateException("Refusing to send a bearer token over plain HTTP to "
                    + "the non-loopback host '" + host + "': use an https:// cluster URL"));
        }
        return tokens == null
                ? Future.succeededFuture(null)
                : verifiedConnection(requestId).compose(v -> tokens.get()).map(t -> "Bearer " + t.token());
    }

    /** docs/kusto-rules.md §1.2 / docs/streaming-ingest.md: every recommended header, and the token if any. */
    void putHeaders(
            BiConsumer<String, String> put,
            String contentType,
            String contentEncoding,
            int contentLength,
            String requestId,
            String authorization) {
        put.accept("Accept", "application/json");
        put.accept("Accept-Encoding", "gzip,deflate");
        put.accept("Connection", "Keep-Alive");
        put.accept("Content-Type", contentType);
        put.accept("Content-Length", Integer.toString(contentLength));
        put.accept("x-ms-client-request-id", requestId);
        put.accept("x-ms-app", application);
        put.accept("x-ms-user", user);
        put.accept("x-ms-client-version", clientVersion);
        if (contentEncoding != null) {
            put.accept("Content-Encoding", contentEncoding);
        }
        if (authorization != null) {
            put.accept("Authorization", authorization);
        }
    }

    /** 2xx, or the error the body describes (docs/kusto-rules.md §1.5). */
    static Expectation<HttpResponse<Buffer>> success(String requestId) {
        return new Expectation<>() {
            @Override
            public boolean test(HttpResponse<Buffer> response) {
                return response.statusCode() >= 200 && response.statusCode() < 300;
            }

            @Override
            public Exception describe(HttpResponse<Buffer> response) {
                return ErrorParser.parse(response.statusCode(), response.headers(), response.body(), requestId);
            }
        };
    }

    /**
     * A request that got no answer. Web Client does not tell how much of the body was written when a request fails,
     * so only failures that happen before a connection exists (refused, unresolvable, connect timeout, TLS handshake,
     * proxy refusal) are known not to have reached the service; any later failure may have been received and
     * committed, and is reported as such (at-least-once: rows are then listed as possibly duplicated, never as lost).
     */
    KustoException transportFailure(Throwable cause, String requestId) {
        Transport.Failure f = Transport.classify(cause, proxy);
        boolean beforeConnection = f.kind() != Transport.FailureKind.IO
                || cause instanceof ConnectException
                || cause instanceof UnknownHostException;
        if (beforeConnection) {
            return connectFailure(f, cause, requestId);
        }
        return new KustoTransportException(
                "Request " + requestId + " to " + clusterUrl + " failed after the connection was made (the service may "
                        + "have received and committed it): " + cause,
                cause,
                requestId,
                true);
    }

    /** A request that got no connection: a certificate, proxy or network failure. */
    private KustoException connectFailure(Transport.Failure f, Throwable cause, String requestId) {
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
        Future<Void> attempt = web.requestAbs(HttpMethod.GET, clusterUrl + "/v1/rest/auth/metadata")
                .idleTimeout(options.getRequestTimeout().toMillis())
                .connectTimeout(options.getConnectTimeout().toMillis())
                .putHeader("x-ms-client-request-id", requestId)
                .putHeader("x-ms-app", application)
                .putHeader("x-ms-user", user)
                .putHeader("x-ms-client-version", clientVersion)
                .send()
                // Connected and verified: what the endpoint answers does not matter.
                .<Void>mapEmpty()
                .recover(err -> Future.failedFuture(connectFailure(Transport.classify(err, proxy), err, requestId)));
        verified = attempt;
        attempt.onFailure(err -> forgetVerification(attempt));
        return attempt;
    }

    private synchronized void forgetVerification(Future<Void> failed) {
        if (verified == failed) {
            verified = null; // the next request tries again (a transient failure may pass)
        }
    }
}
