package io.kustotyped.emulator;

import io.kustotyped.emulator.dm.Azurite;
import io.kustotyped.emulator.dm.QueuedIngestionOptions;
import io.kustotyped.emulator.dm.QueuedIngestionStats;
import io.kustotyped.emulator.dm.StorageAccount;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.http.StatsCollector;
import io.kustotyped.emulator.queue.QueuedIngestion;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.StoreIo;
import io.kustotyped.emulator.store.StreamingPolicy;
import io.kustotyped.emulator.store.Table;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 *
 * <p>This file holds the running emulator and its {@link Builder}, whose documented options are about half of it: the
 * builder stays nested because users name it {@code KustoEmulator.Builder}. Starting (store, HTTP, HTTPS, undoing a
 * failed start) is {@code EmulatorLauncher}'s; the queued-ingestion side's lifecycle is {@code QueuedSide}'s.
 */
public final class KustoEmulator implements AutoCloseable {
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Catalog catalog;
    private final EmulatorServer server;
    private final StatsCollector stats;
    private final String host;
    private final int port;
    private final EmulatorLauncher.Tls tls;
    private final QueuedSide queued;

    KustoEmulator(
            Vertx vertx,
            boolean ownsVertx,
            Catalog catalog,
            EmulatorServer server,
            StatsCollector stats,
            String host,
            int port,
            EmulatorLauncher.Tls tls) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.catalog = catalog;
        this.server = server;
        this.stats = stats;
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.queued = new QueuedSide(vertx);
    }

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

    private EmulatorLauncher.Tls requireTls() {
        if (tls == null) {
            throw new IllegalStateException(
                    "the emulator was started without TLS: use KustoEmulator.builder().selfSignedTls() or .tls(...)");
        }
        return tls;
    }

    /** The store, for the emulator's own tests; users see it through the methods below and through KQL. */
    Catalog catalog() {
        return catalog;
    }

    /**
     * @param database a database name (case-insensitive, as on Kusto)
     * @return the names of its tables, sorted; empty when there is no such database
     */
    public List<String> tableNames(String database) {
        Database db = catalog.database(database);
        return db == null
                ? List.of()
                : db.tables().stream().map(Table::name).sorted().toList();
    }

    /**
     * The rows a table holds, in ingestion order. A cell is {@code null} or a {@code Boolean}, {@code Integer},
     * {@code Long}, {@code Double}, {@code BigDecimal}, {@code String}, {@code Instant}, {@code Duration},
     * {@code UUID} or Jackson {@code JsonNode} (for {@code dynamic}).
     *
     * @param database the database (case-insensitive)
     * @param table the table (case-sensitive)
     * @return a copy of the rows, one list of cells per row in column order
     * @throws IllegalArgumentException when the database or the table does not exist
     */
    public List<List<Object>> rows(String database, String table) {
        return requireTable(database, table).rows().stream()
                .map(r -> Collections.unmodifiableList(Arrays.asList(r.clone())))
                .toList();
    }

    /**
     * @param database the database (case-insensitive)
     * @param table the table (case-sensitive)
     * @return whether streaming ingestion into the table is enabled: its own policy, else its database's
     *     (docs/kusto-rules.md §1.6)
     * @throws IllegalArgumentException when the database or the table does not exist
     */
    public boolean streamingIngestionEnabled(String database, String table) {
        Table t = requireTable(database, table);
        StreamingPolicy policy =
                t.streamingPolicy() != null ? t.streamingPolicy() : t.database().streamingPolicy();
        return policy != null && policy.enabled();
    }

    private Table requireTable(String database, String table) {
        Database db = catalog.database(database);
        if (db == null) {
            throw new IllegalArgumentException("the emulator has no database '" + database + "'");
        }
        Table t = db.table(table);
        if (t == null) {
            throw new IllegalArgumentException("database '" + db.name() + "' has no table '" + table + "'");
        }
        return t;
    }

    /** @return a snapshot of the request, commit and fault counters */
    public EmulatorStats stats() {
        return EmulatorStats.of(stats);
    }

    /**
     * @return the storage account of queued ingestion (the Azurite the emulator started, or the one it was given)
     * @throws IllegalStateException when queued ingestion is off
     */
    public StorageAccount storageAccount() {
        return queued.require().account();
    }

    /**
     * @return what the Data Management side did so far: messages, rows, failures, duplicates, faults
     * @throws IllegalStateException when queued ingestion is off
     */
    public QueuedIngestionStats queuedIngestionStats() {
        return queued.require().stats();
    }

    /**
     * @return the answer of {@code .get ingestion resources}: resource type to SAS URL (secrets: do not log them)
     * @throws IllegalStateException when queued ingestion is off
     */
    public Map<String, String> ingestionResources() {
        return queued.require().resources();
    }

    /**
     * @return the answer of {@code .get kusto identity token}
     * @throws IllegalStateException when queued ingestion is off
     */
    public String kustoIdentityToken() {
        return queued.require().identityToken();
    }

    /**
     * @return the Azurite this emulator started ({@link Builder#queuedStorage()}), or empty when it was given one
     * @throws IllegalStateException when queued ingestion is off
     */
    public Optional<Azurite> startedAzurite() {
        return Optional.ofNullable(queued.require().azurite());
    }

    /** Called by the launcher once the DM side runs. */
    void queuedIngestion(QueuedIngestion q) {
        queued.set(q);
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
        return server.close().eventually(queued::close).eventually(() -> {
            catalog.close();
            EmulatorLauncher.deleteGenerated(tls);
            return ownsVertx ? vertx.close() : Future.succeededFuture();
        });
    }

    /** Stops the emulator and waits for it. Do not call it on a Vert.x event loop. */
    @Override
    public void close() {
        try {
            await(server.close());
        } finally {
            await(queued.close());
            catalog.close();
            EmulatorLauncher.deleteGenerated(tls);
            if (ownsVertx) {
                await(vertx.close());
            }
        }
    }

    /** Waits for a start or a stop (Vert.x 5's {@code Future.await}); on a Vert.x event loop it throws. */
    private static <T> T await(Future<T> future) {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the emulator did not start or stop within 30 s", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // await rethrows a checked failure (a BindException) undeclared: keep start()'s contract unchecked.
            throw new IllegalStateException(e.getMessage(), e);
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
        QueuedIngestionOptions queuedIngestion;

        private Builder() {}

        /**
         * Turns on the Data Management side (queued ingestion) with an Azurite the emulator starts in memory, on
         * free loopback ports, and stops at {@link KustoEmulator#close()} (Azurite needs node; see
         * {@link io.kustotyped.emulator.dm.Azurite}).
         *
         * @return this
         */
        public Builder queuedStorage() {
            return queuedIngestion(QueuedIngestionOptions.DEFAULT);
        }

        /**
         * Turns on the Data Management side (queued ingestion) on the given storage account (e.g. an Azurite the
         * test started).
         *
         * @param account the account
         * @return this
         */
        public Builder queuedStorage(StorageAccount account) {
            return queuedIngestion(QueuedIngestionOptions.builder()
                    .storage(Objects.requireNonNull(account, "account"))
                    .build());
        }

        /**
         * Turns on the Data Management side (queued ingestion) with these options.
         *
         * @param options storage, batching and fault options
         * @return this
         */
        public Builder queuedIngestion(QueuedIngestionOptions options) {
            this.queuedIngestion = Objects.requireNonNull(options, "options");
            return this;
        }

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
            return EmulatorLauncher.start(this);
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
