package io.kustotyped.samples;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.FailedRows;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestMode;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.SchemaReport;
import io.kustotyped.runtime.TableIngestor;
import io.kustotyped.runtime.TokenProvider;
import io.kustotyped.runtime.auth.ClusterTokens;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The sample application's main job: starts the Kusto emulator in process (or connects to a real cluster with
 * {@code --cluster}), applies the generated scripts of {@link Shipment} and {@link LogEntry}, ingests a batch of
 * rows into each table with a progress display, queries the rows back to prove they landed with the right values,
 * and prints a summary. It exits 0 only if every row landed and the query-back check matched.
 */
public final class SampleMain {

    /** The {@code --help} text. */
    static final String USAGE = """
            Usage: java -jar kusto-typed-sample.jar [--rows N] [--cluster URL --database DB]
                   [--trust-store FILE] [--proxy URL] [--mode streaming|queued|managed]

            Ingests N generated rows, half into table Shipments and half into table Logs, then queries them back:
            counts this run's rows in each table, and compares every column of 8 rows per table (the first,
            second, middle and last, and 4 at random) with the rows sent.

              --rows N          rows in all (default 100000, at least 2)
              --cluster URL     a real cluster's engine URL, e.g. https://mycluster.westeurope.kusto.windows.net
                                (default: start the kusto-typed emulator in this process). The token comes from
                                KUSTO_ACCESS_TOKEN, else from 'az account get-access-token' if the Azure CLI is
                                installed. Streaming ingestion must be on for the cluster.
              --database DB     the database (default Test)
              --trust-store F   trust the certificates in F (PEM, or PKCS#12/JKS with the password in
                                KUSTO_TRUST_STORE_PASSWORD) instead of the JDK's trust store
              --proxy URL       send requests through this HTTP CONNECT proxy, http://[user:password@]host:port;
                                'env' reads HTTPS_PROXY and NO_PROXY
              --mode M          streaming (default), queued (blob upload + queue message; the sample then
                                waits for Kusto to report each blob ingested), or managed (streaming, falling
                                back to queued per batch). In process, queued and managed start Azurite (npm).
              --help            print this help

            Exit status: 0 when every row landed and read back equal, 1 otherwise, 2 for a bad command line.
            """;

    private static final long DEFAULT_ROWS = 100_000;
    /** Where the job runs when no --cluster is given. */
    private static final String IN_PROCESS = "the in-process emulator";

    private SampleMain() {}

    /**
     * Runs the job and exits with its status.
     *
     * @param args the command line, see {@link #USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), System.console() != null));
    }

    /** The parsed command line. */
    record Args(long rows, String cluster, String database, String trustStore, String proxy, IngestMode mode) {}

    /**
     * Runs the job.
     *
     * @param args the command line
     * @param out where the summary goes
     * @param err where progress and errors go
     * @param env the environment (for {@code KUSTO_ACCESS_TOKEN} and the {@code PATH})
     * @param terminal true to redraw one progress line in place, false for a line per 10 %
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        Args a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        if (a == null) {
            out.print(USAGE);
            return 0;
        }
        TokenProvider tokens = null;
        if (a.cluster() != null) {
            try {
                tokens = ClusterTokens.forCluster(a.cluster(), env);
            } catch (ClusterTokens.MissingTokenException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        }
        KustoEmulator emulator = null;
        Vertx vertx = Vertx.vertx();
        try {
            String cluster = a.cluster();
            if (cluster == null) {
                // Like Kusto, the emulator then hides new tables, mappings and policies from streaming ingestion
                // for minutes unless the cache is cleared, which applySchema() does (docs/kusto-rules.md §1.6).
                KustoEmulator.Builder builder = KustoEmulator.builder()
                        .database(a.database())
                        .schemaPropagationDelay(Duration.ofMinutes(5))
                        .vertx(vertx);
                if (a.mode() != IngestMode.STREAMING) {
                    builder.queuedStorage(); // the Data Management side, on an Azurite it starts
                }
                emulator = builder.start();
                cluster = emulator.uri().toString();
                out.println("Started the Kusto emulator in process at " + cluster + " with database " + a.database());
            }
            KustoClientOptions clientOptions = new KustoClientOptions()
                    .setClusterUrl(cluster)
                    .setTokenProvider(tokens)
                    .setApplication("kusto-typed-sample");
            if (a.trustStore() != null) {
                clientOptions.setTrustStore(Path.of(a.trustStore()), env.get("KUSTO_TRUST_STORE_PASSWORD"));
            }
            if ("env".equals(a.proxy())) {
                clientOptions.useProxyFromEnvironment();
            } else if (a.proxy() != null) {
                clientOptions.setProxy(a.proxy());
            }
            KustoClient client = KustoClient.create(vertx, clientOptions);
            try {
                return new Job(client, a, out, err, terminal, emulator == null ? cluster : IN_PROCESS).run();
            } finally {
                client.close().await();
            }
        } catch (Exception e) { // Future.await rethrows the failure as it is, checked or not
            err.println("error: " + e.getMessage());
            return 1;
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            vertx.close().await();
        }
    }

    /** The job itself, once connected. */
    private record Job(
            KustoClient client, Args args, PrintStream out, PrintStream err, boolean terminal, String where) {

        int run() {
            UUID runId = UUID.randomUUID();
            SampleData data = new SampleData(runId, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            long shipmentRows = (args.rows() + 1) / 2;
            long logRows = args.rows() / 2;
            Progress shipmentProgress = new Progress("Shipments", shipmentRows, err, terminal);
            Progress logProgress = new Progress("Logs", logRows, err, terminal);
            ShipmentIngestor shipments =
                    ShipmentIngestor.create(client, args.database(), options().setListener(shipmentProgress));
            LogEntryIngestor logs =
                    LogEntryIngestor.create(client, args.database(), options().setListener(logProgress));

            out.println("Applying the generated scripts to database " + args.database() + " at " + where + ":");
            for (TableIngestor<?> ingestor : List.of(shipments, logs)) {
                if (!applyAndCheck(ingestor)) {
                    return 1;
                }
            }

            out.println(String.format(
                    Locale.ROOT,
                    "Ingesting %,d rows: %,d into Shipments, %,d into Logs (run %s):",
                    args.rows(),
                    shipmentRows,
                    logRows,
                    runId));
            IngestResult shipped = ingest(shipments, SampleData.rows(shipmentRows, data::shipment), shipmentProgress);
            IngestResult logged = ingest(logs, SampleData.rows(logRows, data::log), logProgress);

            out.println("Querying the rows back:");
            QueryBack.Outcome check = new QueryBack(client, args.database(), data).run(shipmentRows, logRows);
            printSummary(shipped, logged, check);

            boolean landed = shipped.isComplete()
                    && logged.isComplete()
                    && shipped.rowsIngested() == shipmentRows
                    && logged.rowsIngested() == logRows;
            if (landed && check.ok()) {
                out.println("OK: every row landed and the rows read back equal the rows sent.");
                return 0;
            }
            out.println("FAILED: " + (landed ? "" : "not every row landed. ")
                    + (check.ok() ? "" : "The query-back check found differences."));
            return 1;
        }

        /** The mode; queued batches are waited for, so that the query-back finds their rows. */
        private IngestOptions options() {
            IngestOptions o = new IngestOptions().setMode(args.mode());
            if (args.mode() != IngestMode.STREAMING) {
                o.setQueuedStatusTimeout(Duration.ofMinutes(15)).setStatusPollInterval(Duration.ofSeconds(1));
            }
            return o;
        }

        private boolean applyAndCheck(TableIngestor<?> ingestor) {
            String table = ingestor.table().tableName();
            out.println("  " + table + ": " + ingestor.table().schemaCommands().size()
                    + " commands (table, JSON mapping " + ingestor.table().mappingName()
                    + ", streaming policy), then the streaming schema cache clear");
            ingestor.applySchema().await();
            SchemaReport report = ingestor.checkSchema().await();
            if (!report.isUpToDate()) {
                err.println("error: table " + table + " still differs from the class after applying the scripts:");
                report.drifts().forEach(d -> err.println("  " + d));
                return false;
            }
            return true;
        }

        private <T> IngestResult ingest(TableIngestor<T> ingestor, java.util.Iterator<T> rows, Progress progress) {
            IngestResult result;
            progress.begin();
            try {
                result = ingestor.ingest(rows).await();
            } catch (IngestException e) {
                result = e.result();
            } finally {
                progress.finish();
            }
            if (!result.isComplete()) {
                err.println("error: " + result.rowsFailed() + " rows of "
                        + ingestor.table().tableName() + " did not land:");
                for (FailedRows f : result.failures()
                        .subList(0, Math.min(5, result.failures().size()))) {
                    err.println("  " + f);
                }
                result.inputFailure().ifPresent(t -> err.println("  the input failed: " + t));
                long lastRead = result.rowsRead() - 1;
                result.stoppedReading()
                        .ifPresent(t -> err.println("  stopped after row " + lastRead
                                + ", as every later request would fail the same way: " + t.getMessage()));
            }
            return result;
        }

        private void printSummary(IngestResult shipped, IngestResult logged, QueryBack.Outcome check) {
            out.println();
            out.println("Summary");
            out.println(String.format(
                    Locale.ROOT,
                    "  %-9s %11s %9s %9s %9s %11s %8s",
                    "table",
                    "rows",
                    "requests",
                    "raw MB",
                    "gzip MB",
                    "rows/s",
                    "retries"));
            row("Shipments", shipped);
            row("Logs", logged);
            long rows = shipped.rowsIngested() + logged.rowsIngested();
            double seconds = seconds(shipped) + seconds(logged);
            out.println(String.format(
                    Locale.ROOT,
                    "  %-9s %,11d %,9d %9.2f %9.2f %,11.0f %,8d",
                    "total",
                    rows,
                    shipped.requests() + logged.requests(),
                    mb(shipped.rawBytes() + logged.rawBytes()),
                    mb(shipped.compressedBytes() + logged.compressedBytes()),
                    rows / Math.max(seconds, 1e-3),
                    shipped.retries() + logged.retries()));
            if (where.equals(IN_PROCESS)) {
                out.println("  rows/s counts the in-process emulator too: it parses, converts and stores every row"
                        + " on the same cores as the client.");
            }
            out.println(String.format(
                    Locale.ROOT,
                    "  Query-back: counted this run's rows: Shipments %,d, Logs %,d. Read back %d rows (per table the"
                            + " first, second, middle, last and 4 at random) and compared every column: %s",
                    check.shipments(),
                    check.logs(),
                    check.rowsCompared(),
                    check.ok() ? "all equal" : check.problems().size() + " problems"));
            check.problems().forEach(p -> out.println("    " + p));
            if (args.mode() != IngestMode.STREAMING) {
                out.println(String.format(
                        Locale.ROOT,
                        "  Mode %s: %,d rows queued in %d blobs (%d managed fallbacks), the rest streamed.",
                        args.mode().name().toLowerCase(Locale.ROOT),
                        shipped.rowsQueued() + logged.rowsQueued(),
                        shipped.queuedBatches().size() + logged.queuedBatches().size(),
                        shipped.fallbacks() + logged.fallbacks()));
            }
        }

        private void row(String table, IngestResult r) {
            out.println(String.format(
                    Locale.ROOT,
                    "  %-9s %,11d %,9d %9.2f %9.2f %,11.0f %,8d",
                    table,
                    r.rowsIngested(),
                    r.requests(),
                    mb(r.rawBytes()),
                    mb(r.compressedBytes()),
                    r.rowsIngested() / Math.max(seconds(r), 1e-3),
                    r.retries()));
        }

        private static double seconds(IngestResult r) {
            return r.elapsed().toNanos() / 1e9;
        }

        private static double mb(long bytes) {
            return bytes / (1024.0 * 1024.0);
        }
    }

    /** Parses the command line; null for {@code --help}. */
    static Args parse(String[] args) {
        long rows = DEFAULT_ROWS;
        String cluster = null;
        String database = "Test";
        String trustStore = null;
        String proxy = null;
        IngestMode mode = IngestMode.STREAMING;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--rows" -> {
                    String v = value(args, i++, arg);
                    try {
                        rows = Long.parseLong(v.replace("_", "").replace(",", ""));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--rows needs a whole number, got '" + v + "'");
                    }
                    if (rows < 2) {
                        throw new IllegalArgumentException(
                                "--rows must be at least 2 (one row per table), got " + rows);
                    }
                }
                case "--cluster" -> cluster = value(args, i++, arg);
                case "--database" -> database = value(args, i++, arg);
                case "--trust-store" -> trustStore = value(args, i++, arg);
                case "--proxy" -> proxy = value(args, i++, arg);
                case "--mode" -> {
                    String v = value(args, i++, arg);
                    try {
                        mode = IngestMode.valueOf(v.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--mode is streaming, queued or managed, got '" + v + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (cluster != null && !cluster.startsWith("https://") && !cluster.startsWith("http://")) {
            throw new IllegalArgumentException("--cluster needs an http(s) URL, got '" + cluster + "'");
        }
        return new Args(rows, cluster, database, trustStore, proxy, mode);
    }

    private static String value(String[] args, int i, String option) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i + 1];
    }
}
