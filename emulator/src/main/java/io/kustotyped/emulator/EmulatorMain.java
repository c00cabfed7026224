package io.kustotyped.emulator;

import io.kustotyped.emulator.dm.QueuedIngestionOptions;
import io.kustotyped.emulator.dm.StorageAccount;
import io.kustotyped.emulator.fault.DmFaultOptions;
import io.kustotyped.emulator.fault.FaultOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator:
 * {@code java -jar kusto-typed-emulator.jar --port <port> [--token <secret>] [--database <name>]... [--data-dir <dir>]}.
 * See {@link #USAGE}.
 */
public final class EmulatorMain {
    /** The {@code --help} text. */
    static final String USAGE = """
      Usage: java -jar kusto-typed-emulator.jar [options]

      A local Kusto-compatible server: streaming ingestion (POST /v1/rest/ingest/{db}/{table}), management
      commands (POST /v1/rest/mgmt), queries (/v1/rest/query, /v2/rest/query), GET /v1/rest/auth/metadata and
      GET /emulator/stats (request, commit and fault counters as JSON).

      Options:
        --port <port>          port to listen on (default 8080; 0 picks a free port)
        --host <address>       address to listen on (default 127.0.0.1)
        --token <secret>       require 'Authorization: Bearer <secret>' on every request except
                               GET /v1/rest/auth/metadata (401 otherwise). Without a token no auth is needed.
                               The command line is visible to other local users (ps); prefer:
        --token-file <file>    read the token from <file> (surrounding whitespace ignored)
                               or set the environment variable KUSTO_EMULATOR_TOKEN.
        --database <name>      create this (persistent) database at start; repeatable. As on Kusto, it has no
                               streaming ingestion policy: enable it with
                               '.alter database <name> policy streamingingestion enable', or pass
                               --enable-streaming.
        --enable-streaming     enable the streaming policy on the --database databases
        --data-dir <dir>       keep databases, tables, mappings, policies and rows in <dir> across restarts
                               (a 200 on an ingest means the rows are on disk). Default: in memory.
        --max-request-bytes N  ingest body limit on the wire (default 10485760)
        --max-data-bytes N     ingest uncompressed data limit (default 4194304)
        --tls                  also serve HTTPS (on --https-port) with a self-signed certificate generated
                               for localhost and 127.0.0.1; its PEM file (printed at start) is what
                               clients trust
        --tls-cert <pem> --tls-key <pem>
                               also serve HTTPS with this certificate chain and private key
        --https-port <port>    HTTPS port with --tls or --tls-cert (default 8443; 0 picks a free port)
        --schema-propagation-delay SECONDS
                               model Kusto's streaming schema cache: a new table, a new or changed mapping
                               or a newly enabled streaming policy is invisible to ingest requests for this
                               long (they fail as on Kusto) unless '.clear table T cache streamingingestion
                               schema' runs (default 0: visible at once)
      Queued ingestion (the Data Management side: .show/.get ingestion resources, queues, blobs, status table):
        --queued-storage       start Azurite (the Azure Storage emulator; needs node, see tools/azurite) on free
                               loopback ports, in memory, and stop it at exit
        --queued-storage-location <dir>
                               with --queued-storage: Azurite keeps its blobs, queues and tables in <dir>
        --queued-storage-connection-string <cs>
                               use this storage account instead of starting Azurite (AccountName, AccountKey,
                               BlobEndpoint, QueueEndpoint and TableEndpoint)
        --batching-delay S     seconds a queued message waits before it is ingested (default 0)
        --dm-fault WHAT:FRACTION  fault injection on the DM side (repeatable, seeded by --fault-seed):
                               resources (DM commands answer 429), blob (blob reads fail; retried 3 times,
                               then reported Exhausted), ingest (the message fails, reported, nothing
                               committed); e.g. --dm-fault blob:0.1
      Connections:
        --max-connections N    most open connections (default: half the file descriptor limit, at most
                               1024); past it the oldest waiting connection is closed
        --header-timeout S     seconds a new connection has to send its request headers (default 10)
        --request-timeout S    seconds a request has to send its body (default 60)
        --idle-timeout S       seconds a connection may wait between requests (default 120)
      Fault injection (ingest requests only; reproducible for a given seed and request order):
        --fault KIND:PHASE:FRACTION  KIND is 429, 500, 503, close or slow; PHASE is before or after (the
                               commit); e.g. --fault 429:before:0.1 --fault close:after:0.05. Repeatable.
        --fault-seed N         random seed (default 0)
        --retry-after SECONDS  Retry-After of injected 429s (default 1)
        --slow-delay MILLIS    delay of slow responses (default 2000)
        --help                 print this help
      """;

    private EmulatorMain() {}

    /**
     * Runs the emulator until the process is stopped.
     *
     * @param args the command line
     * @throws InterruptedException when interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        KustoEmulator.Builder builder;
        try {
            builder = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        }
        if (builder == null) {
            return; // --help
        }
        if (builder.token != null && !isLoopback(builder.host)) {
            System.err.println("warning: listening on " + builder.host + " over plain HTTP; the bearer token travels "
                    + "unencrypted to this address. Use 127.0.0.1 unless the network is trusted.");
        }
        KustoEmulator emulator;
        try {
            emulator = builder.start();
        } catch (RuntimeException e) {
            // e.g. a data directory holding a file the emulator did not create: the message names it
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "emulator-shutdown"));
        System.out.println("Kusto emulator listening on " + emulator.uri()
                + (builder.token == null ? " (no auth)" : " (bearer token required)")
                + (builder.dataDir == null ? ", in memory" : ", data in " + builder.dataDir.toAbsolutePath()));
        if (builder.selfSignedTls || builder.tlsCertificate != null) {
            System.out.println("HTTPS on " + emulator.httpsUri() + "; clients trust the certificate "
                    + emulator.certificatePem().toAbsolutePath());
        }
        if (builder.queuedIngestion != null) {
            StorageAccount account = emulator.storageAccount();
            System.out.println("Queued ingestion on " + emulator.uri() + ", storage: blob " + account.blobEndpoint()
                    + ", queue " + account.queueEndpoint() + ", table " + account.tableEndpoint());
        }
        stopped.await();
    }

    /**
     * Parses the command line into a builder.
     *
     * @param args the arguments
     * @param out where {@code --help} prints
     * @return the builder, or {@code null} after {@code --help}
     * @throws IllegalArgumentException naming the bad option
     */
    static KustoEmulator.Builder parse(String[] args, PrintStream out) {
        return parse(args, out, System.getenv());
    }

    /** The environment variable the token can come from, so it need not be on the command line. */
    static final String TOKEN_VARIABLE = "KUSTO_EMULATOR_TOKEN";

    static KustoEmulator.Builder parse(String[] args, PrintStream out, java.util.Map<String, String> env) {
        KustoEmulator.Builder b = KustoEmulator.builder().port(8080).httpsPort(8443);
        ConnectionLimits connections = ConnectionLimits.DEFAULT;
        String token = null;
        String tokenSource = null;
        Path tlsCert = null;
        Path tlsKey = null;
        boolean selfSigned = false;
        FaultOptions.Builder faults = FaultOptions.builder();
        long maxRequest = IngestLimits.DEFAULT.maxRequestBytes();
        long maxData = IngestLimits.DEFAULT.maxDataBytes();
        QueuedIngestionOptions.Builder queued = null;
        DmFaultOptions dmFaults = DmFaultOptions.NONE;
        long seed = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--port" -> b.port(intArg(args, ++i, a));
                case "--host" -> b.host(arg(args, ++i, a));
                case "--token", "--token-file" -> {
                    if (tokenSource != null) {
                        throw new IllegalArgumentException(
                                "give the token once: " + tokenSource + " and " + a + " both set it");
                    }
                    tokenSource = a;
                    token = a.equals("--token") ? arg(args, ++i, a) : readTokenFile(arg(args, ++i, a));
                    if (token.isBlank()) {
                        throw new IllegalArgumentException(a + " is empty; omit it for no auth");
                    }
                }
                case "--database" -> b.database(arg(args, ++i, a));
                case "--enable-streaming" -> b.enableStreaming();
                case "--tls" -> selfSigned = true;
                case "--tls-cert" -> tlsCert = Path.of(arg(args, ++i, a));
                case "--tls-key" -> tlsKey = Path.of(arg(args, ++i, a));
                case "--https-port" -> b.httpsPort(intArg(args, ++i, a));
                case "--data-dir" -> b.dataDir(Path.of(arg(args, ++i, a)));
                case "--max-request-bytes" -> maxRequest = longArg(args, ++i, a);
                case "--max-data-bytes" -> maxData = longArg(args, ++i, a);
                case "--max-connections" -> connections = connections.withMaxConnections(positiveInt(args, ++i, a));
                case "--header-timeout" -> connections = connections.withHeaderTimeout(seconds(args, ++i, a));
                case "--request-timeout" -> connections = connections.withRequestTimeout(seconds(args, ++i, a));
                case "--idle-timeout" -> connections = connections.withIdleTimeout(seconds(args, ++i, a));
                case "--schema-propagation-delay" -> {
                    long seconds = longArg(args, ++i, a);
                    if (seconds < 0) {
                        throw new IllegalArgumentException(a + " cannot be negative, got " + seconds);
                    }
                    b.schemaPropagationDelay(Duration.ofSeconds(seconds));
                }
                case "--queued-storage" -> queued = queued == null ? QueuedIngestionOptions.builder() : queued;
                case "--queued-storage-location" ->
                    (queued = queued == null ? QueuedIngestionOptions.builder() : queued)
                            .azuriteLocation(Path.of(arg(args, ++i, a)));
                case "--queued-storage-connection-string" ->
                    (queued = queued == null ? QueuedIngestionOptions.builder() : queued)
                            .storage(StorageAccount.parse(arg(args, ++i, a)));
                case "--batching-delay" -> {
                    long seconds = longArg(args, ++i, a);
                    if (seconds < 0) {
                        throw new IllegalArgumentException(a + " cannot be negative, got " + seconds);
                    }
                    (queued = queued == null ? QueuedIngestionOptions.builder() : queued)
                            .batchingDelay(Duration.ofSeconds(seconds));
                }
                case "--fault" -> faults.fault(FaultOptions.Rule.parse(arg(args, ++i, a)));
                case "--fault-seed" -> {
                    seed = longArg(args, ++i, a);
                    faults.seed(seed);
                }
                case "--dm-fault" -> {
                    dmFaults = dmFaults.with(arg(args, ++i, a));
                }
                case "--retry-after" -> faults.retryAfter(Duration.ofSeconds(longArg(args, ++i, a)));
                case "--slow-delay" -> faults.slowDelay(Duration.ofMillis(longArg(args, ++i, a)));
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (queued == null && !dmFaults.equals(DmFaultOptions.NONE)) {
            throw new IllegalArgumentException(
                    "--dm-fault needs queued ingestion: add --queued-storage or --queued-storage-connection-string");
        }
        if (queued != null) {
            b.queuedIngestion(queued.faults(dmFaults.withSeed(seed)).build());
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (tlsCert != null && selfSigned) {
            throw new IllegalArgumentException("--tls generates a certificate; do not combine it with --tls-cert");
        }
        if (tlsCert != null) {
            b.tls(TlsCertificate.fromPem(tlsCert, tlsKey));
        } else if (selfSigned) {
            b.selfSignedTls();
        }
        if (tokenSource == null && env.get(TOKEN_VARIABLE) != null) {
            token = env.get(TOKEN_VARIABLE);
            if (token.isBlank()) {
                throw new IllegalArgumentException(TOKEN_VARIABLE + " is set but empty; unset it for no auth");
            }
        }
        return b.token(token == null ? null : token.strip())
                .faults(faults.build())
                .limits(new IngestLimits(maxRequest, maxData))
                .connectionLimits(connections);
    }

    private static String readTokenFile(String file) {
        try {
            return java.nio.file.Files.readString(Path.of(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("--token-file: cannot read '" + file + "': " + e.getMessage());
        }
    }

    private static int positiveInt(String[] args, int i, String option) {
        long v = longArg(args, i, option);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be a positive number, not " + v);
        }
        return (int) v;
    }

    private static Duration seconds(String[] args, int i, String option) {
        return Duration.ofSeconds(positiveInt(args, i, option));
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    private static String arg(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long longArg(String[] args, int i, String option) {
        String v = arg(args, i, option);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + v + "'");
        }
    }

    private static int intArg(String[] args, int i, String option) {
        long v = longArg(args, i, option);
        if (v < 0 || v > 65535) {
            throw new IllegalArgumentException(option + " must be 0-65535, not " + v);
        }
        return (int) v;
    }
}
