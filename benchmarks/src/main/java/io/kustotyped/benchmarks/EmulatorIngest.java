package io.kustotyped.benchmarks;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The emulator's streaming ingest in process (issue 11 §4): {@link LogRow}s through a kusto-typed
 * {@code LogRowIngestor} (default options) into a {@link KustoEmulator} in the same JVM, without {@code --data-dir}.
 * Prints rows/s and process CPU per row (client and emulator together: they share the process) for each of
 * {@code rounds} measured runs after one warm-up run, and fails unless the emulator committed every row.
 *
 * <p>Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.kustotyped.benchmarks.EmulatorIngest [rows
 * [rounds]]} (defaults 100,000 and 3); add {@code -XX:StartFlightRecording=filename=/tmp/emu.jfr} for a profile.
 */
public final class EmulatorIngest {

    private EmulatorIngest() {}

    /**
     * Runs the measurement.
     *
     * @param args optional rows per run, optional number of measured runs
     * @throws Exception if the emulator does not commit every row
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        LogRow[] distinct = LogRows.generate(Math.min(rows, 10_000), 2026);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (KustoEmulator emu = KustoEmulator.builder()
                .database(IngestBenchmark.DATABASE)
                .enableStreaming()
                .start()) {
            Vertx vertx = Vertx.vertx();
            KustoClient client = KustoClient.create(
                    vertx, new KustoClientOptions().setClusterUrl(emu.uri().toString()));
            try {
                LogRowIngestor ingestor = LogRowIngestor.create(client, IngestBenchmark.DATABASE);
                ingestor.applySchema().await(60, TimeUnit.SECONDS);
                long committed = 0;
                for (int round = 0; round <= rounds; round++) {
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    IngestResult r = ingestor.ingest(cycle(distinct, rows)).await(30, TimeUnit.MINUTES);
                    long wall = System.nanoTime() - t0;
                    long cpu = os.getProcessCpuTime() - cpu0;
                    committed += rows;
                    long inEmulator = emu.stats().rowsCommitted(IngestBenchmark.DATABASE, "Logs");
                    if (r.rowsIngested() != rows || inEmulator != committed) {
                        throw new IllegalStateException("ingested " + r.rowsIngested() + " of " + rows
                                + "; the emulator holds " + inEmulator + " of " + committed);
                    }
                    System.out.printf(
                            "%-10s %,10d rows %,10.0f rows/s %,10.0f CPU ns/row (client + emulator) %3d requests%n",
                            round == 0 ? "warm-up" : "run " + round,
                            rows,
                            rows / (wall / 1e9),
                            cpu / (double) rows,
                            r.requests());
                }
            } finally {
                client.close().await(30, TimeUnit.SECONDS);
                vertx.close().await(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Iterator<LogRow> cycle(LogRow[] distinct, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> distinct[i % distinct.length])
                .iterator();
    }
}
