package io.kustotyped.benchmarks;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.TableIngestor;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The emulator's streaming ingest in process (issue 11 §4): rows through a kusto-typed generated ingestor (default
 * options) into a {@link KustoEmulator} in the same JVM. Four cases, interleaved round by round so that each round
 * sees the same machine state: {@link LogRow} and {@link ShipmentRow} (the samples' {@code Shipment} shape), each
 * without and with {@code --data-dir} (a temporary directory, deleted after the run). Each run gets a fresh
 * emulator (started outside the timed part), so no run pays for the rows of the previous ones.
 *
 * <p>Prints rows/s and process CPU per row (client and emulator together: they share the process) for each of
 * {@code rounds} measured rounds after one warm-up round, and fails unless the emulator committed every row.
 *
 * <p>Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.kustotyped.benchmarks.EmulatorIngest [rows
 * [rounds [cases]]]} (defaults 100,000, 3 and {@code log,shipment,log-dir,shipment-dir}); add
 * {@code -XX:StartFlightRecording=filename=/tmp/emu.jfr,settings=profile} for a profile.
 */
public final class EmulatorIngest {

    private EmulatorIngest() {}

    /** One measured case: a row type, its ingestor factory and whether the emulator persists. */
    private record Case<T>(
            String name,
            String table,
            Object[] distinct,
            BiFunction<KustoClient, String, TableIngestor<T>> ingestor,
            boolean dataDir) {}

    /**
     * Runs the measurement.
     *
     * @param args optional rows per run, optional number of measured rounds, optional comma-separated cases
     * @throws Exception if the emulator does not commit every row
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> names = List.of((args.length > 2 ? args[2] : "log,shipment,log-dir,shipment-dir").split(","));
        int distinct = Math.min(rows, 10_000);
        LogRow[] logs = LogRows.generate(distinct, 2026);
        ShipmentRow[] shipments = ShipmentRow.generate(distinct, 2026);
        List<Case<?>> cases = new ArrayList<>();
        for (String name : names) {
            cases.add(
                    switch (name) {
                        case "log" -> new Case<LogRow>("log", "Logs", logs, LogRowIngestor::create, false);
                        case "log-dir" -> new Case<LogRow>("log-dir", "Logs", logs, LogRowIngestor::create, true);
                        case "shipment" ->
                            new Case<ShipmentRow>(
                                    "shipment", "Shipments", shipments, ShipmentRowIngestor::create, false);
                        case "shipment-dir" ->
                            new Case<ShipmentRow>(
                                    "shipment-dir", "Shipments", shipments, ShipmentRowIngestor::create, true);
                        default ->
                            throw new IllegalArgumentException(
                                    "unknown case " + name + "; the cases are log, shipment, log-dir, shipment-dir");
                    });
        }
        Vertx vertx = Vertx.vertx();
        try {
            for (int round = 0; round <= rounds; round++) {
                for (Case<?> c : cases) {
                    run(vertx, c, rows, round == 0 ? "warm-up" : "run " + round);
                }
            }
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static <T> void run(Vertx vertx, Case<T> c, int rows, String label) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = c.dataDir() ? Files.createTempDirectory("emulator-ingest-") : null;
        try {
            KustoEmulator.Builder builder =
                    KustoEmulator.builder().database(IngestBenchmark.DATABASE).enableStreaming();
            if (dir != null) {
                builder.dataDir(dir);
            }
            try (KustoEmulator emu = builder.start()) {
                KustoClient client = KustoClient.create(
                        vertx, new KustoClientOptions().setClusterUrl(emu.uri().toString()));
                try {
                    TableIngestor<T> ingestor = c.ingestor().apply(client, IngestBenchmark.DATABASE);
                    ingestor.applySchema().await(60, TimeUnit.SECONDS);
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    IngestResult r = ingestor.ingest(cycle(c, rows)).await(30, TimeUnit.MINUTES);
                    long wall = System.nanoTime() - t0;
                    long cpu = os.getProcessCpuTime() - cpu0;
                    long inEmulator = emu.stats().rowsCommitted(IngestBenchmark.DATABASE, c.table());
                    if (r.rowsIngested() != rows || inEmulator != rows) {
                        throw new IllegalStateException(c.name() + ": ingested " + r.rowsIngested() + " of " + rows
                                + "; the emulator holds " + inEmulator);
                    }
                    System.out.printf(
                            "%-8s %-13s %,9d rows %,10.0f rows/s %,8.0f CPU ns/row (client + emulator) %3d requests%n",
                            label, c.name(), rows, rows / (wall / 1e9), cpu / (double) rows, r.requests());
                } finally {
                    client.close().await(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Iterator<T> cycle(Case<T> c, int count) {
        Object[] distinct = c.distinct();
        return IntStream.range(0, count)
                .mapToObj(i -> (T) distinct[i % distinct.length])
                .iterator();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
