package io.kustotyped.runtime.impl.deflate;

import java.util.Arrays;

/**
 * Length-limited canonical Huffman codes for one alphabet (RFC 1951 §3.2.2), rebuilt per block without allocating.
 *
 * <p>Code lengths come from the symbols' frequencies with the in-place minimum-redundancy algorithm of Moffat and
 * Katajainen; when the longest is over the limit (15 bits for literal/length and distance codes, 7 for the code-length
 * code, §3.2.7), the lengths are redistributed over the counts per length until the Kraft sum is exactly one again (as
 * miniz does), then handed out again shortest first to the most frequent symbols. At least two symbols always get a
 * code, so that every code is complete: zlib's inflater rejects an incomplete code-length code.
 */
final class HuffmanCodes {

    final int symbols;
    final int limit;
    /** Code length per symbol, 0 for an unused one. */
    final byte[] lengths;
    /** The code per symbol, bit-reversed: DEFLATE packs Huffman codes from their most significant bit (§3.1.1). */
    final short[] codes;

    private final long[] sorted; // frequency << 16 | symbol, of the used symbols
    private final int[] work;
    private final int[] lengthCount = new int[DeflateTables.LITLEN_SYMBOLS + 2]; // a depth before the limit is < n
    private final int[] nextCode = new int[17];

    HuffmanCodes(int symbols, int limit) {
        this.symbols = symbols;
        this.limit = limit;
        this.lengths = new byte[symbols];
        this.codes = new short[symbols];
        this.sorted = new long[symbols];
        this.work = new int[symbols];
    }

    /**
     * Builds the code for {@code freq[0, symbols)}. A frequency of zero leaves its symbol without a code, except that
     * when fewer than two symbols are used, the first unused ones get a code too (their frequency raised to 1).
     */
    void build(int[] freq) {
        int used = 0;
        for (int s = 0; s < symbols; s++) {
            if (freq[s] != 0) {
                used++;
            }
        }
        for (int s = 0; used < 2 && s < symbols; s++) {
            if (freq[s] == 0) {
                freq[s] = 1;
                used++;
            }
        }
        int n = 0;
        for (int s = 0; s < symbols; s++) {
            if (freq[s] != 0) {
                sorted[n++] = ((long) freq[s] << 16) | s;
            }
        }
        Arrays.sort(sorted, 0, n);
        for (int i = 0; i < n; i++) {
            work[i] = (int) (sorted[i] >>> 16);
        }
        minimumRedundancy(work, n);
        Arrays.fill(lengthCount, 0);
        for (int i = 0; i < n; i++) {
            lengthCount[work[i]]++;
        }
        enforceLimit();
        Arrays.fill(lengths, (byte) 0);
        int i = 0; // the least frequent symbols get the longest codes
        for (int len = limit; len >= 1; len--) {
            for (int k = lengthCount[len]; k > 0; k--) {
                lengths[(int) (sorted[i++] & 0xFFFF)] = (byte) len;
            }
        }
        assignCodes(lengths, codes, symbols, lengthCount, nextCode);
    }

    /**
     * Turns ascending weights {@code a[0, n)} (n >= 2) into code lengths in place: {@code a[i]} becomes the length of
     * the code of the i-th lightest symbol (A. Moffat, J. Katajainen, "In-place calculation of minimum-redundancy
     * codes", 1995).
     */
    private static void minimumRedundancy(int[] a, int n) {
        a[0] += a[1];
        int root = 0;
        int leaf = 2;
        for (int next = 1; next < n - 1; next++) {
            if (leaf >= n || a[root] < a[leaf]) {
                a[next] = a[root];
                a[root++] = next;
            } else {
                a[next] = a[leaf++];
            }
            if (leaf >= n || (root < next && a[root] < a[leaf])) {
                a[next] += a[root];
                a[root++] = next;
            } else {
                a[next] += a[leaf++];
            }
        }
        a[n - 2] = 0;
        for (int next = n - 3; next >= 0; next--) {
            a[next] = a[a[next]] + 1;
        }
        int available = 1;
        int usedAtDepth = 0;
        int depth = 0;
        int root2 = n - 2;
        int next = n - 1;
        while (available > 0) {
            while (root2 >= 0 && a[root2] == depth) {
                usedAtDepth++;
                root2--;
            }
            while (available > usedAtDepth) {
                a[next--] = depth;
                available--;
            }
            available = 2 * usedAtDepth;
            depth++;
            usedAtDepth = 0;
        }
    }

    /** Folds the counts of lengths over {@link #limit} into it and lengthens shorter codes until Kraft's sum is 1. */
    private void enforceLimit() {
        for (int len = limit + 1; len < lengthCount.length; len++) {
            lengthCount[limit] += lengthCount[len];
            lengthCount[len] = 0;
        }
        long total = 0;
        for (int len = limit; len > 0; len--) {
            total += (long) lengthCount[len] << (limit - len);
        }
        while (total != 1L << limit) { // only ever over: folding made codes shorter
            lengthCount[limit]--;
            for (int len = limit - 1; len > 0; len--) {
                if (lengthCount[len] != 0) {
                    lengthCount[len]--;
                    lengthCount[len + 1] += 2;
                    break;
                }
            }
            total--;
        }
    }

    /** Canonical codes from lengths (§3.2.2), stored bit-reversed; {@code count} and {@code next} are scratch. */
    static void assignCodes(byte[] lengths, short[] codes, int symbols, int[] count, int[] next) {
        Arrays.fill(count, 0);
        for (int s = 0; s < symbols; s++) {
            count[lengths[s]]++;
        }
        count[0] = 0;
        int code = 0;
        for (int len = 1; len <= 15; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        for (int s = 0; s < symbols; s++) {
            int len = lengths[s];
            if (len != 0) {
                codes[s] = (short) (Integer.reverse(next[len]++) >>> (32 - len));
            }
        }
    }
}
