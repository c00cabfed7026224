package io.kustotyped.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cross-check of {@link SerializerBenchmark} for a shared, overloaded machine, where JMH's wall-clock
 * iterations of one variant and the next run under different loads: runs the same variant methods round-robin in
 * short slices (so load changes hit every variant alike) and measures each slice in <em>thread CPU time</em>
 * and allocated bytes ({@code com.sun.management.ThreadMXBean}). The first half of the rounds is warm-up. Not a
 * replacement for JMH (no dead-code or fork control beyond what the methods already do); report both.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.kustotyped.benchmarks.InterleavedCpuTime [rounds
 * [generated variant...]]}; variants are {@link SerializerBenchmark}'s method names, {@code generated} first.
 */
public final class InterleavedCpuTime {

    private interface Variant {
        int run() throws Exception;
    }

    private InterleavedCpuTime() {}

    /**
     * Runs the comparison and prints min and median CPU ns/row, B/row and ratios to {@code generated}.
     *
     * @param args optional number of rounds (default 80), then optional variant names ({@code generated} first)
     * @throws Exception if a variant fails or the outputs differ
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        int slice = 50; // invocations (of 1,024 rows each) per measured slice
        SerializerBenchmark b = new SerializerBenchmark();
        b.setUp(); // also verifies that all variants write the same JSON
        Map<String, Variant> all = new LinkedHashMap<>();
        all.put("generated", b::generated);
        all.put("handWritten_directBytes", b::handWritten_directBytes);
        all.put("lever_dateRecomputed", b::lever_dateRecomputed);
        all.put("lever_oneReserve", b::lever_oneReserve);
        all.put("lever_compareEscapes", b::lever_compareEscapes);
        all.put("lever_getChars", b::lever_getChars);
        all.put("lever_twoPass", b::lever_twoPass);
        all.put("lever_stringInternals", b::lever_stringInternals);
        all.put("dslJson_compiled", b::dslJson_compiled);
        all.put("fastjson2_oneWriter", b::fastjson2_oneWriter);
        all.put("fastjson2_toJSONBytes_perRow", b::fastjson2_toJSONBytes_perRow);
        all.put("avajeJsonb_perRow", b::avajeJsonb_perRow);
        all.put("jackson_handGenerator", b::jackson_handGenerator);
        all.put("jackson_sequenceWriter", b::jackson_sequenceWriter);
        all.put("jackson_writeValue_perRow", b::jackson_writeValue_perRow);
        List<String> chosen = args.length > 1
                ? List.of(args).subList(1, args.length)
                : List.of(
                        "generated",
                        "handWritten_directBytes",
                        "jackson_handGenerator",
                        "jackson_sequenceWriter",
                        "jackson_writeValue_perRow");
        if (!chosen.get(0).equals("generated")) {
            throw new IllegalArgumentException("the first variant must be generated (the ratios' base)");
        }
        String[] names = chosen.toArray(new String[0]);
        Variant[] variants = new Variant[names.length];
        for (int v = 0; v < names.length; v++) {
            variants[v] = all.get(names[v]);
            if (variants[v] == null) {
                throw new IllegalArgumentException("unknown variant " + names[v] + "; known: " + all.keySet());
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        List<List<Double>> cpu = new ArrayList<>();
        double[] allocated = new double[variants.length];
        for (int v = 0; v < variants.length; v++) {
            cpu.add(new ArrayList<>());
        }
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.length; v++) {
                long bytes0 = threads.getThreadAllocatedBytes(self);
                long cpu0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < slice; i++) {
                    sink += variants[v].run();
                }
                long cpu1 = threads.getCurrentThreadCpuTime();
                long bytes1 = threads.getThreadAllocatedBytes(self);
                if (round >= rounds / 2) {
                    cpu.get(v).add((cpu1 - cpu0) / (double) slice / SerializerBenchmark.ROWS);
                    allocated[v] = (bytes1 - bytes0) / (double) slice / SerializerBenchmark.ROWS;
                }
            }
        }
        List<Double> base = sorted(cpu.get(0));
        System.out.printf(
                "%-30s %12s %9s %8s %9s %12s%n",
                "variant (thread CPU time)", "min ns/row", "median", "B/row", "min ×gen", "median ×gen");
        for (int v = 0; v < variants.length; v++) {
            List<Double> l = sorted(cpu.get(v));
            System.out.printf(
                    "%-30s %12.0f %9.0f %8.1f %9.2f %12.2f%n",
                    names[v], l.get(0), median(l), allocated[v], l.get(0) / base.get(0), median(l) / median(base));
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }
}
