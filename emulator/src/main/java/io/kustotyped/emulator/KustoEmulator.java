package io.kustotyped.emulator;

import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.ingest.IngestLimits;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.StoreIo;
import io.kustotyped.emulator.store.StreamingPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A running Kusto emulator, started in process:
 *
 * <pre>{@code
 * try (KustoEmulator emu = KustoEmulator.builder().database("Test").enableStreaming().start()) {
 *   URI cluster = emu.uri(); // http://127.0.0.1:<port>
 *   ...
 *   emu.stats().rowsCommitted("Test", "Logs");
 * }
 * }</pre>
 *
 * <p>With {@link Builder#selfSignedTls()} or {@link Builder#tls(TlsCertificate)} it also serves HTTPS, on a port of
 * its own ({@link #httpsUri()}), with the same databases; a client trusts it through {@link #certificatePem()}.
 *
 * <p>It listens on loopback only. Without a token it accepts requests with no {@code Authorization} header; with
 * one, every request except {@code GET /v1/rest/auth/metadata} needs {@code Authorization: Bearer <token>}.
 */
public final class KustoEmulator implements AutoCloseable {
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Catalog catalog;
    private final EmulatorServer server;
    private final StatsCollector stats;
    private final String host;
    private final int port;
    private final Tls tls;

    private KustoEmulator(
            Vertx vertx,
            boolean ownsVertx,
            Catalog catalog,
            EmulatorServer server,
            StatsCollector stats,
            String host,
            int port,
            Tls tls) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.catalog = catalog;
        this.server = server;
        this.stats = stats;
        this.host = host;
        this.port = port;
        this.tls = tls;
    }

    /** The HTTPS side: its port, certificate, and the directory of a generated certificate (deleted at close). */
    private record Tls(int port, TlsCertificate certificate, Path generatedDir) {}

    /** @return a builder with the defaults: 127.0.0.1, a free port, no token, in memory, no faults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the cluster URI, e.g. {@code http://127.0.0.1:41234} */
    public URI uri() {
        return URI.create("http://" + host + ":" + port);
    }

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /**
     * @return the HTTPS cluster URI, e.g. {@code https://127.0.0.1:41235} (the generated certificate names
     *     {@code 127.0.0.1} and {@code localhost})
     * @throws IllegalStateException when it was started without TLS
     */
    public URI httpsUri() {
        return URI.create("https://" + host + ":" + requireTls().port());
    }

    /** @return the HTTPS port @throws IllegalStateException when it was started without TLS */
    public int httpsPort() {
        return requireTls().port();
    }

    /**
     * @return the PEM file of the certificate the HTTPS port serves: what a client trusts (for a generated one, it
     *     lives until {@link #close()})
     * @throws IllegalStateException when it was started without TLS
     */
    public Path certificatePem() {
        return requireTls().certificate().certificatePem();
    }

    private Tls requireTls() {
        if (tls == null) {
            throw new IllegalStateException(
                    "the emulator was started without TLS: use KustoEmulator.builder().selfSignedTls() or .tls(...)");
        }
        return tls;
    }

    /** @return the store, for tests that set up or inspect tables directly */
    public Catalog catalog() {
        return catalog;
    }

    /** @return a snapshot of the request, commit and fault counters */
    public EmulatorStats stats() {
        return stats.snapshot();
    }

    /** @return the Vert.x instance it runs on */
    public Vertx vertx() {
        return vertx;
    }

    /**
     * Stops listening and closes the data files (and Vert.x, when the emulator created it).
     *
     * @return completes when stopped
     */
    public Future<Void> closeAsync() {
        return server.close().eventually(() -> {
            catalog.close();
            deleteGenerated(tls);
            return ownsVertx ? vertx.close() : Future.succeededFuture();
        });
    }

    /** Stops the emulator and waits for it. Do not call it on a Vert.x event loop. */
    @Override
    public void close() {
        try {
            await(server.close());
        } finally {
            catalog.close();
            deleteGenerated(tls);
            if (ownsVertx) {
                await(vertx.close());
            }
        }
    }

    private static void deleteGenerated(Tls tls) {
        if (tls == null || tls.generatedDir() == null) {
            return;
        }
        try (Stream<Path> files = Files.list(tls.generatedDir())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(tls.generatedDir());
        } catch (IOException e) {
            // a temporary directory left behind: nothing else depends on it
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the emulator did not start or stop within 30 s", e);
        }
    }

    /** Options of an emulator; {@link #start()} starts one. Not thread-safe. */
    public static final class Builder {
        String host = "127.0.0.1";
        int port;
        String token;
        final List<String> databases = new ArrayList<>();
        boolean enableStreaming;
        Path dataDir;
        StoreIo storeIo = StoreIo.system();
        FaultOptions faults = FaultOptions.NONE;
        IngestLimits limits = IngestLimits.DEFAULT;
        ConnectionLimits connectionLimits = ConnectionLimits.DEFAULT;
        Duration schemaPropagationDelay = Duration.ZERO;
        long queryRecordLimit = 500_000;
        Vertx vertx;
        TlsCertificate tlsCertificate;
        boolean selfSignedTls;
        int httpsPort;

        private Builder() {}

        /**
         * Serves HTTPS too, with a self-signed certificate generated at start (by the JDK's {@code keytool}) for
         * {@code localhost} and {@code 127.0.0.1}; {@link KustoEmulator#certificatePem()} is the file to trust.
         *
         * @return this
         */
        public Builder selfSignedTls() {
            this.selfSignedTls = true;
            this.tlsCertificate = null;
            return this;
        }

        /**
         * Serves HTTPS too, with the given certificate (e.g. {@link TlsCertificate#fromPem}).
         *
         * @param certificate the certificate and key
         * @return this
         */
        public Builder tls(TlsCertificate certificate) {
            this.tlsCertificate = Objects.requireNonNull(certificate, "certificate");
            this.selfSignedTls = false;
            return this;
        }

        /**
         * @param port the HTTPS port, 0 (the default) for a free one; HTTP keeps listening on {@link #port(int)}
         * @return this
         */
        public Builder httpsPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("HTTPS port out of range: " + port);
            }
            this.httpsPort = port;
            return this;
        }

        /** @param port the port, 0 (the default) for a free one @return this */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param host the address to listen on; the default {@code 127.0.0.1} keeps it local
         * @return this
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /**
         * @param token the bearer token every request must carry, or {@code null} (the default) for no auth
         * @return this
         * @throws IllegalArgumentException for an empty or blank token: it would look like auth but allow nothing
         *     a client could send, and an unset environment variable passed through would silently disable auth
         */
        public Builder token(String token) {
            if (token != null && token.isBlank()) {
                throw new IllegalArgumentException("the token is empty; pass null for no auth");
            }
            this.token = token;
            return this;
        }

        /**
         * Creates a persistent database at start (kept if it already exists in the data directory). It has no
         * streaming policy, as on Kusto, unless {@link #enableStreaming()} is set.
         *
         * @param name the database name
         * @return this
         */
        public Builder database(String name) {
            databases.add(Objects.requireNonNull(name));
            return this;
        }

        /**
         * Enables the streaming ingestion policy on the databases given with {@link #database(String)}, as
         * {@code .alter database D policy streamingingestion enable} would.
         *
         * @return this
         */
        public Builder enableStreaming() {
            this.enableStreaming = true;
            return this;
        }

        /**
         * @param dataDir where databases, tables, mappings, policies and rows survive restarts; {@code null} (the
         *     default) keeps everything in memory
         * @return this
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Tests: the file layer the data directory is written through (one that fails on demand). */
        Builder storeIo(StoreIo io) {
            this.storeIo = Objects.requireNonNull(io);
            return this;
        }

        /** @param faults fault injection for ingest requests @return this */
        public Builder faults(FaultOptions faults) {
            this.faults = Objects.requireNonNull(faults);
            return this;
        }

        /** @param limits the ingest size limits (default 10 MiB body, 4 MiB data) @return this */
        public Builder limits(IngestLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * @param connectionLimits connection limit and header, body and idle timeouts (see {@link ConnectionLimits})
         * @return this
         */
        public Builder connectionLimits(ConnectionLimits connectionLimits) {
            this.connectionLimits = Objects.requireNonNull(connectionLimits);
            return this;
        }

        /**
         * Models how late Kusto's streaming ingestion sees schema changes: a table created, a mapping created or
         * changed, or a streaming policy enabled, is invisible to ingest requests for {@code delay} (they get
         * {@code BadRequest_TableNotExist}, {@code BadRequest_MappingReferenceWasNotFound} or
         * {@code BadRequest_StreamingIngestionPolicyNotEnabled}, as from Kusto), unless
         * {@code .clear table T cache streamingingestion schema} (or {@code .clear database cache streamingingestion
         * schema}) runs. Kusto's delay can reach about 5 minutes.
         *
         * @param delay the delay; zero (the default) makes every change visible at once
         * @return this
         */
        public Builder schemaPropagationDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("the schema propagation delay cannot be negative: " + delay);
            }
            this.schemaPropagationDelay = delay;
            return this;
        }

        /**
         * Sets how many records a v2 query returns before its result is truncated, as Kusto's result truncation
         * limit does (https://learn.microsoft.com/kusto/concepts/query-limits): the rows up to the limit, then a
         * {@code LimitsExceeded} error ({@code E_QUERY_RESULT_SET_TOO_LARGE}) in {@code DataSetCompletion}. The
         * request properties {@code notruncation} and {@code truncationmaxrecords} lift or change it per query.
         *
         * @param records the limit; Kusto's default is 500,000
         * @return this
         */
        public Builder queryRecordLimit(long records) {
            if (records < 0) {
                throw new IllegalArgumentException("the query record limit cannot be negative: " + records);
            }
            this.queryRecordLimit = records;
            return this;
        }

        /** @param vertx a Vert.x instance to run on (not closed by the emulator); by default it creates its own @return this */
        public Builder vertx(Vertx vertx) {
            this.vertx = vertx;
            return this;
        }

        /**
         * Starts the emulator.
         *
         * @return completes with the running emulator once it listens
         */
        public Future<KustoEmulator> startAsync() {
            boolean owns = vertx == null;
            Vertx v = owns ? Vertx.vertx() : vertx;
            Catalog catalog;
            try {
                catalog = dataDir == null ? new Catalog() : Catalog.open(dataDir, storeIo);
                for (String name : databases) {
                    Database db = catalog.createDatabase(name, true);
                    if (enableStreaming && db.streamingPolicy() == null) {
                        db.setStreamingPolicy(StreamingPolicy.ENABLED);
                    }
                }
            } catch (RuntimeException e) {
                if (owns) {
                    v.close();
                }
                return Future.failedFuture(e);
            }
            StatsCollector stats = new StatsCollector();
            EmulatorServer server = new EmulatorServer(v, catalog, token, this, stats);
            Tls[] tls = new Tls[1];
            return server.listen(host, port)
                    .compose(plain -> certificate(v).compose(cert -> {
                        if (cert == null) {
                            return Future.succeededFuture(plain.actualPort());
                        }
                        tls[0] = new Tls(
                                0, cert, selfSignedTls ? cert.certificatePem().getParent() : null);
                        return server.listenTls(host, httpsPort, cert).map(s -> {
                            tls[0] = new Tls(s.actualPort(), cert, tls[0].generatedDir());
                            return plain.actualPort();
                        });
                    }))
                    .map(actualPort -> new KustoEmulator(v, owns, catalog, server, stats, host, actualPort, tls[0]))
                    .recover(err -> {
                        catalog.close();
                        deleteGenerated(tls[0]);
                        return server.close()
                                .eventually(() -> owns ? v.close() : Future.<Void>succeededFuture())
                                .transform(x -> Future.failedFuture(err));
                    });
        }

        /** The configured certificate, or a generated one (keytool runs off the event loop), or null. */
        private Future<TlsCertificate> certificate(Vertx v) {
            if (tlsCertificate != null || !selfSignedTls) {
                return Future.succeededFuture(tlsCertificate);
            }
            return v.executeBlocking(
                    () -> {
                        Path dir = Files.createTempDirectory("kusto-emulator-tls-");
                        try {
                            return TlsCertificate.selfSigned(dir);
                        } catch (RuntimeException e) {
                            deleteGenerated(new Tls(0, null, dir));
                            throw e;
                        }
                    },
                    false);
        }

        /**
         * Starts the emulator and waits until it listens. Do not call it on a Vert.x event loop.
         *
         * @return the running emulator
         */
        public KustoEmulator start() {
            return await(startAsync());
        }
    }
}
