package io.kustotyped.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.microsoft.azure.kusto.data.auth.CloudInfo;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import io.kustotyped.runtime.GzipEncoder;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * End to end with the sink in <b>another JVM</b> (docs/performance.md §5.3): many batches of {@link LogRow}s from
 * this process to a {@link SinkProcess} on 127.0.0.1, one variant after the other in the same run:
 *
 * <ul>
 *   <li>{@code kustoTyped_default}: {@code LogRowIngestor.ingest(Iterator)} with default options (gzip level 1,
 *       {@code maxInFlight} = max(2, cores)), the rows produced lazily;
 *   <li>{@code kustoTyped_gzip6}: the same at gzip level 6, the SDK's level;
 *   <li>{@code kustoTyped_jsonLines}: the defaults with {@code setGzipEncoder(GzipEncoder.JSON_LINES)}, the pure-Java
 *       encoder instead of zlib;
 *   <li>{@code sdk_concurrent}: what a user of kusto-ingest 7.0.6 does at best: as many threads as cores, each
 *       taking the next 10,000 rows, {@code ObjectMapper.writeValue} per row into a reused stream, and
 *       {@code StreamingIngestClient.ingestFromStream} (gzip level 6 inside the SDK).
 * </ul>
 *
 * <p>Per variant it prints rows/s (wall), this process's CPU per row and CPU utilisation (of all cores), the sink
 * process's CPU per row (from {@link ProcessHandle}), this process's peak heap (the heap pools' peak usage, reset
 * before each variant), requests and bytes the sink received, and fails unless every row was acknowledged and the
 * sink got every request; the first request of each variant's warm-up is gunzipped by the sink and checked (gzip,
 * thousands of lines, the first a 10-field object of a row that was sent). The rows cycle through 10,000 distinct ones (so memory stays independent of the count).
 *
 * <p>Run: {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar io.kustotyped.benchmarks.EndToEnd [rows
 * [variant...]]}, rows defaulting to 1,000,000. It is a harness, not JMH: report two runs and the load average.
 */
public final class EndToEnd {

    private static final int DISTINCT = 10_000;
    private static final int SDK_BATCH = 10_000;

    private EndToEnd() {}

    /**
     * Runs the comparison.
     *
     * @param args optional row count, then optional variant names
     * @throws Exception if a variant fails or loses rows
     */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        List<String> variants = args.length > 1
                ? List.of(args).subList(1, args.length)
                : List.of("kustoTyped_default", "kustoTyped_jsonLines", "kustoTyped_gzip6", "sdk_concurrent");
        LogRow[] distinct = LogRows.generate(DISTINCT, 2026);
        Process sinkProcess = startSink();
        try {
            BufferedReader sinkOut =
                    new BufferedReader(new InputStreamReader(sinkProcess.getInputStream(), StandardCharsets.UTF_8));
            PrintStream sinkIn = new PrintStream(sinkProcess.getOutputStream(), true, StandardCharsets.UTF_8);
            String first = sinkOut.readLine();
            if (first == null || !first.startsWith("PORT ")) {
                throw new IllegalStateException("sink did not start: " + first);
            }
            String url = "http://127.0.0.1:" + first.substring(5);
            int cores = Runtime.getRuntime().availableProcessors();
            Set<String> traceIds = new HashSet<>();
            for (LogRow r : distinct) {
                traceIds.add(r.traceId());
            }
            System.out.printf(
                    "%d rows per variant, sink pid %d at %s, %d cores, max heap %d MiB%n",
                    rows, sinkProcess.pid(), url, cores, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(
                    "%-20s %10s %12s %12s %9s %13s %10s %9s %11s%n",
                    "variant",
                    "rows/s",
                    "CPU ns/row",
                    "sink ns/row",
                    "CPU use",
                    "peak heap MiB",
                    "requests",
                    "MB sent",
                    "wire ratio");
            Vertx vertx = Vertx.vertx();
            KustoClient client = KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(url));
            CloudInfo.manuallyAddToCache(url, Mono.just(CloudInfo.DEFAULT_CLOUD));
            StreamingIngestClient sdk =
                    IngestClientFactory.createStreamingIngestClient(new ConnectionStringBuilder("Data Source=" + url));
            try {
                for (String variant : variants) {
                    Runnable run = switch (variant) {
                        case "kustoTyped_default" -> () -> kustoTyped(client, new IngestOptions(), distinct, rows);
                        case "kustoTyped_gzip6" ->
                            () -> kustoTyped(client, new IngestOptions().setGzipLevel(6), distinct, rows);
                        case "kustoTyped_jsonLines" -> () -> kustoTyped(client, jsonLines(), distinct, rows);
                        case "sdk_concurrent" -> () -> sdk(sdk, distinct, rows, cores);
                        default -> throw new IllegalArgumentException("unknown variant " + variant);
                    };
                    // A short warm-up of the same path (200,000 rows), its first request checked, then the measured
                    // run.
                    sinkIn.println("CAPTURE");
                    expect(sinkOut.readLine(), "OK");
                    warmUp(variant, client, sdk, distinct, cores);
                    sinkIn.println("CAPTURED");
                    checkCaptured(variant, sinkOut.readLine(), traceIds);
                    run(variant, run, sinkProcess, sinkIn, sinkOut, rows);
                }
            } finally {
                sdk.close();
                client.close().await(30, TimeUnit.SECONDS);
                vertx.close().await(30, TimeUnit.SECONDS);
            }
        } finally {
            sinkProcess.getOutputStream().close();
            if (!sinkProcess.waitFor(30, TimeUnit.SECONDS)) {
                sinkProcess.destroy();
            }
        }
    }

    private static void warmUp(
            String variant, KustoClient client, StreamingIngestClient sdk, LogRow[] distinct, int cores) {
        long warm = 200_000;
        switch (variant) {
            case "kustoTyped_default" -> kustoTyped(client, new IngestOptions(), distinct, warm);
            case "kustoTyped_gzip6" -> kustoTyped(client, new IngestOptions().setGzipLevel(6), distinct, warm);
            case "kustoTyped_jsonLines" -> kustoTyped(client, jsonLines(), distinct, warm);
            default -> sdk(sdk, distinct, warm, cores);
        }
    }

    private static IngestOptions jsonLines() {
        return new IngestOptions().setGzipEncoder(GzipEncoder.JSON_LINES);
    }

    private static void expect(String line, String expected) {
        if (!expected.equals(line)) {
            throw new IllegalStateException("sink answered " + line + ", expected " + expected);
        }
    }

    /**
     * The first request of a variant as the sink gunzipped it: gzip-encoded, thousands of lines, the first one a
     * 10-field JSON object of one of the rows sent (batches may arrive out of order). Throws otherwise.
     */
    private static void checkCaptured(String variant, String line, Set<String> traceIds) throws Exception {
        String[] f = line == null ? new String[0] : line.split(" ", 4);
        if (f.length != 4 || !f[0].equals("CAPTURED") || !f[1].equals("gzip") || Integer.parseInt(f[2]) < 1_000) {
            throw new IllegalStateException(variant + ": the sink's first request was not as expected: " + line);
        }
        com.fasterxml.jackson.databind.JsonNode first = new ObjectMapper().readTree(f[3]);
        if (first.size() != 10 || !traceIds.contains(first.path("traceId").asText())) {
            throw new IllegalStateException(variant + ": the first row arrived as " + f[3]);
        }
    }

    private static Process startSink() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xms256m",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                SinkProcess.class.getName());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    private static long[] sinkStats(PrintStream in, BufferedReader out) throws Exception {
        in.println("STATS");
        String[] f = out.readLine().split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
    }

    private static void run(
            String name, Runnable body, Process sink, PrintStream sinkIn, BufferedReader sinkOut, long rows)
            throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] s0 = sinkStats(sinkIn, sinkOut);
        Duration sinkCpu0 = sink.toHandle().info().totalCpuDuration().orElseThrow();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        body.run();
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        Duration sinkCpu =
                sink.toHandle().info().totalCpuDuration().orElseThrow().minus(sinkCpu0);
        long[] s1 = sinkStats(sinkIn, sinkOut);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long requests = s1[0] - s0[0];
        long bytes = s1[1] - s0[1];
        if (s1[2] != s0[2]) {
            throw new IllegalStateException(name + ": the sink got " + (s1[2] - s0[2]) + " requests it does not serve");
        }
        System.out.printf(
                "%-20s %,10.0f %,12.0f %,12.0f %8.0f%% %13.0f %,10d %9.1f %11s%n",
                name,
                rows / (wall / 1e9),
                cpu / (double) rows,
                sinkCpu.toNanos() / (double) rows,
                100.0 * cpu / wall, // of one core: 200 % is both of a 2-core machine
                peak / 1048576.0,
                requests,
                bytes / 1e6,
                String.format("%.0f B/row", bytes / (double) rows));
        if (requests == 0) {
            throw new IllegalStateException(name + ": the sink got no request");
        }
    }

    /** The rows, cycling through the distinct ones, produced lazily. */
    private static Iterator<LogRow> cycle(LogRow[] distinct, long count) {
        return new Iterator<>() {
            long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public LogRow next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return distinct[(int) (next++ % distinct.length)];
            }
        };
    }

    private static void kustoTyped(KustoClient client, IngestOptions options, LogRow[] distinct, long rows) {
        LogRowIngestor ingestor = LogRowIngestor.create(client, IngestBenchmark.DATABASE, options);
        IngestResult r;
        try {
            r = ingestor.ingest(cycle(distinct, rows)).await(10, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("kusto-typed did not finish " + rows + " rows in 10 minutes", e);
        }
        if (r.rowsIngested() != rows || r.rowsFailed() != 0) {
            throw new IllegalStateException("kusto-typed ingested " + r.rowsIngested() + " of " + rows + ": " + r);
        }
    }

    private static void sdk(StreamingIngestClient sdk, LogRow[] distinct, long rows, int threads) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(new SerializerBenchmark.KustoInstantSerializer()));
        IngestionProperties properties =
                new IngestionProperties(IngestBenchmark.DATABASE, LogRowKustoSchema.INSTANCE.tableName());
        properties.setDataFormat(IngestionProperties.DataFormat.MULTIJSON);
        properties.setIngestionMapping(LogRowKustoSchema.MAPPING_NAME, IngestionMapping.IngestionMappingKind.JSON);
        AtomicLong nextBatch = new AtomicLong();
        long batches = (rows + SDK_BATCH - 1) / SDK_BATCH;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
                    long sent = 0;
                    for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        out.reset();
                        long from = b * SDK_BATCH;
                        long to = Math.min(rows, from + SDK_BATCH);
                        for (long i = from; i < to; i++) {
                            mapper.writeValue(out, distinct[(int) (i % distinct.length)]);
                            out.write('\n');
                        }
                        sdk.ingestFromStream(
                                new StreamSourceInfo(new ByteArrayInputStream(out.toByteArray())), properties);
                        sent += to - from;
                    }
                    return sent;
                }));
            }
            long sent = 0;
            for (Future<Long> f : done) {
                sent += f.get();
            }
            if (sent != rows) {
                throw new IllegalStateException("the SDK path sent " + sent + " of " + rows);
            }
        } catch (Exception e) {
            throw new IllegalStateException("SDK path failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
