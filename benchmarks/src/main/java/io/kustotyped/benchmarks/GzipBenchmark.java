package io.kustotyped.benchmarks;

import io.kustotyped.runtime.impl.deflate.JsonDeflater;
import io.kustotyped.runtime.json.JsonOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The deflate levers of docs/performance.md §2.4 on the batch {@code IngestBenchmark} sends (10,000 {@link LogRow}s
 * as JSON lines, 3.7 MB): gzip levels 1–6 with one reused {@link Deflater} as the runtime's {@code Gzip} does, and a
 * pigz-style split of the one batch across two threads (the first half ends in a sync flush, the second half is
 * primed with the last 32 KiB of the first as its dictionary and ends the stream; the halves are concatenated into
 * one gzip member with one CRC32 over the whole). {@link #check()} gunzips every variant's output with the JDK and
 * fails the run unless it is the input exactly, and prints each variant's size. Scores are ns per row of wall time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GzipBenchmark {

    /** Rows in the batch (as in {@code IngestBenchmark}). */
    public static final int ROWS = 10_000;

    private static final int WINDOW = 32 * 1024;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private byte[] json;
    private byte[] out;
    private byte[] second;
    private final Deflater[] deflaters = new Deflater[10];
    private final Deflater helperDeflater = new Deflater(1, true);
    private final CRC32 crc = new CRC32();
    private final JsonDeflater jsonDeflater = new JsonDeflater();
    private int jsonPos;
    private ExecutorService helper;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        JsonOutput o = new JsonOutput(4 << 20);
        for (LogRow row : LogRows.generate(ROWS, 2026)) {
            LogRowJsonWriter.INSTANCE.write(row, o);
            o.rawByte('\n');
        }
        json = o.toByteArray();
        out = new byte[json.length + 1024];
        second = new byte[json.length + 1024];
        for (int level = 1; level <= 9; level++) {
            deflaters[level] = new Deflater(level, true);
        }
        helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "deflate-helper");
            t.setDaemon(true);
            return t;
        });
        check();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        helper.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int level1() {
        return gzip(1);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int level2() {
        return gzip(2);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int level3() {
        return gzip(3);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int level4() {
        return gzip(4);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int level6() {
        return gzip(6);
    }

    /**
     * The runtime's pure-Java encoder ({@code runtime/.../impl/deflate/JsonDeflater}: greedy LZ77 with one hash
     * probe, dynamic Huffman blocks), with the same header and trailer as the levels.
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int jsonDeflater() {
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        jsonPos = HEADER.length;
        jsonDeflater.deflate(json, 0, json.length, (chunk, n) -> {
            System.arraycopy(chunk, 0, out, jsonPos, n);
            jsonPos += n;
            return true;
        });
        return trailer(out, jsonPos, 0, json.length);
    }

    /** Level 1 split across this thread and one helper thread, pigz-style. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int level1_twoThreads() throws Exception {
        return gzipTwoThreads(1);
    }

    /** Level 6 split across two threads. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int level6_twoThreads() throws Exception {
        return gzipTwoThreads(6);
    }

    private int gzip(int level) {
        Deflater d = deflaters[level];
        d.reset();
        d.setInput(json, 0, json.length);
        d.finish();
        byte[] o = out;
        System.arraycopy(HEADER, 0, o, 0, HEADER.length);
        int pos = HEADER.length;
        while (!d.finished()) {
            pos += d.deflate(o, pos, o.length - pos);
        }
        return trailer(o, pos, 0, json.length);
    }

    private int gzipTwoThreads(int level) throws Exception {
        int mid = json.length >>> 1;
        while (json[mid - 1] != '\n') {
            mid++; // split at a line end (not needed for deflate; keeps the halves whole rows like a piece split)
        }
        int split = mid;
        Deflater second = helperDeflater;
        Future<Integer> tail = helper.submit(() -> {
            second.reset();
            second.setLevel(level);
            second.setDictionary(json, split - WINDOW, WINDOW);
            second.setInput(json, split, json.length - split);
            second.finish();
            int n = 0;
            while (!second.finished()) {
                n += second.deflate(this.second, n, this.second.length - n);
            }
            return n;
        });
        Deflater d = deflaters[level];
        d.reset();
        d.setInput(json, 0, split);
        byte[] o = out;
        System.arraycopy(HEADER, 0, o, 0, HEADER.length);
        int pos = HEADER.length;
        int room;
        int n;
        do { // a full output array means "call again with more room" (Deflater.deflate's contract)
            room = o.length - pos;
            n = d.deflate(o, pos, room, Deflater.SYNC_FLUSH);
            pos += n;
        } while (n == room && room > 0);
        int tailLength = tail.get();
        System.arraycopy(this.second, 0, o, pos, tailLength);
        pos += tailLength;
        return trailer(o, pos, 0, json.length);
    }

    private int trailer(byte[] o, int pos, int offset, int length) {
        crc.reset();
        crc.update(json, offset, length);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) {
            o[pos + i] = (byte) (c >>> (8 * i));
            o[pos + 4 + i] = (byte) (length >>> (8 * i));
        }
        return pos + 8;
    }

    /**
     * The single-threaded levels round-robin in thread CPU time (as {@code InterleavedCpuTime} does for the
     * serializers), for a machine too loaded for wall-clock figures: {@code java -cp benchmarks/target/benchmarks.jar
     * io.kustotyped.benchmarks.GzipBenchmark [rounds]}.
     *
     * @param args optional number of rounds (default 40); the first half is warm-up
     * @throws Exception if a variant's output does not gunzip to its input
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        GzipBenchmark b = new GzipBenchmark();
        b.setUp();
        String[] names = {"level1", "level2", "level3", "level4", "level6", "jsonDeflater"};
        java.util.List<java.util.function.IntSupplier> variants = java.util.List.of(
                () -> b.gzip(1), () -> b.gzip(2), () -> b.gzip(3), () -> b.gzip(4), () -> b.gzip(6), b::jsonDeflater);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[names.length][rounds - rounds / 2];
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int l = 0; l < names.length; l++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 3; i++) {
                    sink += variants.get(l).getAsInt();
                }
                long t1 = threads.getCurrentThreadCpuTime();
                if (round >= rounds / 2) {
                    cpu[l][round - rounds / 2] = (t1 - t0) / 3.0 / ROWS;
                }
            }
        }
        System.out.printf("%-13s %14s %9s %9s %12s%n", "variant", "min CPU ns/row", "median", "min ×L1", "median ×L1");
        double[] base = null;
        for (int l = 0; l < names.length; l++) {
            double[] v = cpu[l].clone();
            Arrays.sort(v);
            if (base == null) {
                base = v;
            }
            System.out.printf(
                    "%-13s %14.0f %9.0f %9.2f %12.2f%n",
                    names[l], v[0], v[v.length / 2], v[0] / base[0], v[v.length / 2] / base[base.length / 2]);
        }
        System.out.println("(checksum " + sink + ")");
        b.tearDown();
    }

    /** Gunzips every variant's output and prints its size; throws unless each gives back the input exactly. */
    void check() throws Exception {
        System.out.printf("%n%-20s %12s %12s %8s%n", "variant", "JSON bytes", "gzip bytes", "ratio");
        String[] names = {
            "level1", "level2", "level3", "level4", "level6", "level1_twoThreads", "level6_twoThreads", "jsonDeflater"
        };
        for (String name : names) {
            int n = (int) getClass().getMethod(name).invoke(this);
            byte[] back = gunzip(Arrays.copyOf(out, n));
            if (!Arrays.equals(back, json)) {
                throw new IllegalStateException(name + " does not gunzip to its input");
            }
            System.out.printf("%-20s %,12d %,12d %7.2fx%n", name, json.length, n, json.length / (double) n);
        }
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            in.transferTo(back);
            return back.toByteArray();
        }
    }
}
