package io.kustotyped.runtime.impl.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Codes are complete, within their length limit, and optimal when the limit does not bind. */
class HuffmanCodesTest {

    /** Kraft's sum, scaled by 2^15: exactly 2^15 for a complete code. */
    private static long kraft(HuffmanCodes c) {
        long sum = 0;
        for (int s = 0; s < c.symbols; s++) {
            if (c.lengths[s] != 0) {
                assertTrue(c.lengths[s] <= c.limit, "symbol " + s + " has length " + c.lengths[s]);
                sum += 1L << (15 - c.lengths[s]);
            }
        }
        return sum;
    }

    private static long cost(HuffmanCodes c, int[] freq) {
        long bits = 0;
        for (int s = 0; s < c.symbols; s++) {
            bits += (long) freq[s] * c.lengths[s];
        }
        return bits;
    }

    /** The cost of an unlimited Huffman code, by the textbook merge of the two lightest trees. */
    private static long huffmanCost(int[] freq) {
        PriorityQueue<Long> q = new PriorityQueue<>();
        for (int f : freq) {
            if (f > 0) {
                q.add((long) f);
            }
        }
        long cost = 0;
        while (q.size() > 1) {
            long merged = q.poll() + q.poll();
            cost += merged;
            q.add(merged);
        }
        return cost;
    }

    @Test
    void randomFrequenciesGiveOptimalCompleteCodes() {
        SplittableRandom r = new SplittableRandom(11);
        HuffmanCodes c = new HuffmanCodes(DeflateTables.LITLEN_SYMBOLS, 15);
        for (int round = 0; round < 500; round++) {
            int[] freq = new int[c.symbols];
            int used = 2 + r.nextInt(c.symbols - 1);
            for (int i = 0; i < used; i++) {
                freq[r.nextInt(c.symbols)] = 1 + r.nextInt(1 + r.nextInt(10_000));
            }
            int[] copy = freq.clone();
            c.build(freq);
            assertEquals(1L << 15, kraft(c), "complete code, round " + round);
            for (int s = 0; s < c.symbols; s++) {
                assertEquals(copy[s] != 0, c.lengths[s] != 0, "a code exactly for the used symbols");
            }
            if (huffmanCost(copy) > 0 && maxLengthUnlimited(copy) <= 15) {
                assertEquals(huffmanCost(copy), cost(c, copy), "optimal, round " + round);
            }
        }
    }

    @Test
    void fibonacciFrequenciesAreLimited() {
        int[] limits = {15, 7};
        for (int limit : limits) {
            HuffmanCodes c = new HuffmanCodes(limit == 7 ? 19 : 30, limit);
            int[] freq = new int[c.symbols];
            int a = 1;
            int b = 1;
            for (int s = 0; s < c.symbols; s++) { // unlimited, these would reach length symbols - 1
                freq[s] = a;
                int t = a + b;
                a = b;
                b = t;
            }
            c.build(freq);
            assertEquals(1L << 15, kraft(c));
            int max = 0;
            for (byte l : c.lengths) {
                max = Math.max(max, l);
            }
            assertEquals(limit, max, "the limit binds and is reached");
        }
    }

    @Test
    void oneOrNoUsedSymbolStillGivesACompleteCode() {
        HuffmanCodes c = new HuffmanCodes(DeflateTables.CODELEN_SYMBOLS, 7);
        int[] freq = new int[c.symbols];
        c.build(freq);
        assertEquals(1L << 15, kraft(c));
        freq = new int[c.symbols];
        freq[18] = 40;
        c.build(freq);
        assertEquals(1L << 15, kraft(c));
        assertEquals(1, c.lengths[18]);
    }

    @Test
    void canonicalCodesArePrefixFree() {
        HuffmanCodes c = new HuffmanCodes(DeflateTables.LITLEN_SYMBOLS, 15);
        int[] freq = new int[c.symbols];
        SplittableRandom r = new SplittableRandom(3);
        for (int s = 0; s < c.symbols; s++) {
            freq[s] = 1 + r.nextInt(1 << r.nextInt(16));
        }
        c.build(freq);
        for (int x = 0; x < c.symbols; x++) {
            for (int y = 0; y < c.symbols; y++) {
                if (x != y && c.lengths[x] <= c.lengths[y]) {
                    int mask = (1 << c.lengths[x]) - 1; // codes are stored reversed: a prefix is the low bits
                    assertTrue((c.codes[y] & mask) != (c.codes[x] & mask), x + " is a prefix of " + y);
                }
            }
        }
    }

    private static int maxLengthUnlimited(int[] freq) {
        PriorityQueue<long[]> q = new PriorityQueue<>((p, o) -> Long.compare(p[0], o[0]));
        for (int f : freq) {
            if (f > 0) {
                q.add(new long[] {f, 0});
            }
        }
        while (q.size() > 1) {
            long[] x = q.poll();
            long[] y = q.poll();
            q.add(new long[] {x[0] + y[0], Math.max(x[1], y[1]) + 1});
        }
        return (int) q.peek()[1];
    }
}
