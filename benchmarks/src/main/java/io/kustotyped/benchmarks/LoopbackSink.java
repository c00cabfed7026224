package io.kustotyped.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;

/**
 * A stand-in for a Kusto streaming-ingestion endpoint on 127.0.0.1: a Vert.x {@link HttpServer} on its own
 * {@link Vertx} with one event loop, which reads and discards every {@code POST /v1/rest/ingest/...} body and answers
 * 200 with the v1 result the official SDK parses (docs/performance.md §3.3). Any other request gets 404.
 *
 * <p>{@link #captureNext()} makes it keep the next ingest request's body and headers, so a benchmark can check
 * outside the timed path what each variant sent.
 *
 * <p>{@link #startTls(SelfSignedTls)} starts the same sink over HTTPS (HTTP/1.1, as the client speaks it), to measure
 * what TLS costs.
 */
public final class LoopbackSink implements AutoCloseable {

    /** The body of the answer to an ingest request. */
    static final String INGEST_RESPONSE = "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":[{\"ColumnName\":"
            + "\"ConsumedRecordsCount\",\"DataType\":\"Int64\",\"ColumnType\":\"long\"}],\"Rows\":[[0]]}]}";

    /**
     * One ingest request as the sink received it.
     *
     * @param uri the request URI (path and query)
     * @param contentEncoding the {@code Content-Encoding} header, or null
     * @param body the body as sent (still compressed)
     * @param tls the TLS protocol and cipher suite of the connection, or null over plain HTTP
     */
    public record Captured(String uri, String contentEncoding, byte[] body, String tls) {}

    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicLong ingestRequests = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final AtomicLong otherRequests = new AtomicLong();
    private volatile boolean capture;
    private final AtomicReference<Captured> captured = new AtomicReference<>();

    private final String scheme;

    private LoopbackSink(Vertx vertx, HttpServer server, String scheme) {
        this.vertx = vertx;
        this.server = server;
        this.scheme = scheme;
    }

    /**
     * Starts a sink on an ephemeral port of 127.0.0.1.
     *
     * @return the running sink
     * @throws Exception if the server does not start within 30 s
     */
    public static LoopbackSink start() throws Exception {
        return start(new HttpServerOptions(), "http");
    }

    /**
     * Starts a sink that serves HTTPS with the given certificate on an ephemeral port of 127.0.0.1.
     *
     * @param certificate the certificate and key to serve
     * @return the running sink
     * @throws Exception if the server does not start within 30 s
     */
    public static LoopbackSink startTls(SelfSignedTls certificate) throws Exception {
        return start(
                new HttpServerOptions()
                        .setSsl(true)
                        .setKeyCertOptions(new PfxOptions()
                                .setPath(certificate.keyStore().toString())
                                .setPassword(certificate.password())),
                "https");
    }

    private static LoopbackSink start(HttpServerOptions options, String scheme) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        LoopbackSink[] self = new LoopbackSink[1];
        HttpServer server = vertx.createHttpServer(options).requestHandler(req -> self[0].handle(req));
        self[0] = new LoopbackSink(vertx, server, scheme);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return self[0];
    }

    private void handle(HttpServerRequest req) {
        if (req.method() != HttpMethod.POST || !req.path().startsWith("/v1/rest/ingest/")) {
            otherRequests.incrementAndGet();
            req.response().setStatusCode(404).end();
            return;
        }
        Buffer kept = capture ? Buffer.buffer() : null;
        long[] length = new long[1];
        req.handler(chunk -> {
            length[0] += chunk.length();
            if (kept != null) {
                kept.appendBuffer(chunk);
            }
        });
        req.endHandler(v -> {
            bodyBytes.addAndGet(length[0]);
            ingestRequests.incrementAndGet();
            if (kept != null) {
                capture = false;
                SSLSession session = req.connection().sslSession();
                String tls = session == null ? null : session.getProtocol() + " " + session.getCipherSuite();
                captured.set(new Captured(req.uri(), req.getHeader("Content-Encoding"), kept.getBytes(), tls));
            }
            req.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(INGEST_RESPONSE);
        });
    }

    /** The port the sink listens on. */
    public int port() {
        return server.actualPort();
    }

    /** The base URL, {@code http://127.0.0.1:<port>} (or {@code https://} when it serves TLS). */
    public String url() {
        return scheme + "://127.0.0.1:" + port();
    }

    /** Makes the sink keep the next ingest request; read it with {@link #takeCaptured()}. */
    public void captureNext() {
        captured.set(null);
        capture = true;
    }

    /**
     * The request kept since {@link #captureNext()}; the sink records it before answering, so it is there once the
     * client has its response.
     *
     * @return the request
     * @throws IllegalStateException if no ingest request arrived
     */
    public Captured takeCaptured() {
        Captured c = captured.getAndSet(null);
        if (c == null) {
            throw new IllegalStateException(
                    "the sink received no ingest request (other requests: " + otherRequests.get() + ")");
        }
        return c;
    }

    /** Ingest requests answered so far. */
    public long ingestRequests() {
        return ingestRequests.get();
    }

    /** Body bytes (as sent, compressed) of the ingest requests so far. */
    public long bodyBytes() {
        return bodyBytes.get();
    }

    /** Requests that were not ingest requests (answered 404). */
    public long otherRequests() {
        return otherRequests.get();
    }

    /**
     * Stops the server and its Vert.x instance.
     *
     * @throws ExecutionException if Vert.x fails to close
     * @throws TimeoutException if it takes more than 30 s
     */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the sink", e);
        }
    }
}
