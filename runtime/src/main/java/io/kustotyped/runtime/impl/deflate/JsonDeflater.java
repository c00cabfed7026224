package io.kustotyped.runtime.impl.deflate;

import static io.kustotyped.runtime.impl.deflate.DeflateTables.DIST_SYMBOLS;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.LENGTH_CODE;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.LITLEN_SYMBOLS;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.MAX_MATCH;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.WINDOW;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A raw DEFLATE (RFC 1951) encoder tuned for JSON lines, where every row repeats the keys of the row before it: greedy
 * LZ77 with one hash probe (the most recent earlier position whose next 4 bytes hash alike, so a key is found about
 * one row back) every {@value #STEP} bytes of unmatched text, matches of 4-258 bytes extended 8 bytes at a time and
 * backwards over the literals before them, and per block of up to
 * {@value #BLOCK_SYMBOLS} symbols whichever of a dynamic Huffman, fixed Huffman or stored block is the smallest
 * ({@link BlockWriter}). docs/performance.md §2.5 has why (deflate is most of a row's client CPU at gzip level 1) and
 * §2.6 what it reached.
 *
 * <p>One instance per thread (it holds ~450 KB of tables, reused from one call to the next). Internal.
 */
public final class JsonDeflater {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static final int DISTANCE_SHIFT = 14;
    static final int DIST_CODE_SHIFT = 9;
    static final int BLOCK_SYMBOLS = 65_532; // + STEP - 1 at most: all literals fit one stored block (RFC 1951 §3.2.4)
    private static final int MAX_HASH_BITS = 15;
    private static final int MIN_HASH_BITS = 10;
    /**
     * Bytes taken as literals after a failed probe, before the next probe. The skipped positions are still entered in
     * the hash table, and the next match is extended backwards over them, so every match of 7 bytes or more is still
     * found; only the probes (a load, a compare, a mispredicted branch) are saved. Measured on the benchmark's batch
     * (benchmarks/README.md, GzipBenchmark): probing every 4th byte of unmatched text is 1.3x faster and 1.5 % smaller
     * than probing every byte (the keys are found by the next probe and extended back to their start).
     */
    private static final int STEP =
            4; // BLOCK_SYMBOLS + STEP - 1 <= 65,535; the hashes of the skipped come from one long

    private static final int PRIME = 0x9E3779B1; // Knuth's multiplicative hash: the top bits mix all four bytes

    private final int[] head = new int[1 << MAX_HASH_BITS];
    private final int[] symbols = new int[BLOCK_SYMBOLS + 8];
    private final int[] litFreq = new int[LITLEN_SYMBOLS];
    private final int[] distFreq = new int[DIST_SYMBOLS];
    private final BitOutput out = new BitOutput();
    private final BlockWriter blocks = new BlockWriter();

    /**
     * Compresses {@code src[offset, offset + length)} into one complete raw DEFLATE stream handed to {@code sink}.
     *
     * @return false if the sink stopped it (the stream is then incomplete)
     */
    public boolean deflate(byte[] src, int offset, int length, DeflateSink sink) {
        Objects.checkFromIndexSize(offset, length, src.length);
        out.start(sink);
        int hashBits = Math.max(MIN_HASH_BITS, Math.min(MAX_HASH_BITS, 32 - Integer.numberOfLeadingZeros(length)));
        int shift = 32 - hashBits;
        int[] head = this.head;
        Arrays.fill(head, 0, 1 << hashBits, Integer.MIN_VALUE); // pos - MIN_VALUE is never a distance in the window
        int[] symbols = this.symbols;
        int[] litFreq = this.litFreq;
        int[] distFreq = this.distFreq;
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        int end = offset + length;
        int matchEnd = end - 8; // a probe reads 4 bytes, an extension 8 at a time
        int pos = offset;
        int blockStart = offset;
        int n = 0;
        int anchor = offset; // literals from here to pos may be taken back into a match found later
        while (pos < matchEnd) {
            long word = (long) LONG_LE.get(src, pos); // pos + 8 <= end: this position's 4 bytes and the next 3's
            int v = (int) word;
            int h = (v * PRIME) >>> shift;
            int candidate = head[h];
            head[h] = pos;
            int distance = pos - candidate;
            if (((distance - 1) & -WINDOW) == 0 && (int) INT_LE.get(src, candidate) == v) {
                int len = extend(src, candidate, pos, Math.min(MAX_MATCH, end - pos));
                // Backwards over the literals since the last match (skipped probes may have missed its start).
                while (pos > anchor && candidate > offset && len < MAX_MATCH && src[pos - 1] == src[candidate - 1]) {
                    pos--;
                    candidate--;
                    len++;
                    n--;
                    litFreq[src[pos] & 0xFF]--;
                }
                int distCode = DeflateTables.distCode(distance - 1);
                symbols[n++] = match(distance, distCode, len);
                litFreq[257 + LENGTH_CODE[len - 3]]++;
                distFreq[distCode]++;
                pos += len;
                anchor = pos;
            } else {
                for (int k = 1; k < STEP; k++) { // every position is in the table, so that a later probe finds it
                    head[((int) (word >>> (8 * k)) * PRIME) >>> shift] = pos + k;
                }
                for (int k = 0; k < STEP; k++) {
                    int b = src[pos + k] & 0xFF;
                    symbols[n + k] = b;
                    litFreq[b]++;
                }
                n += STEP;
                pos += STEP;
            }
            if (n >= BLOCK_SYMBOLS) {
                if (!endBlock(src, blockStart, pos, n, false)) {
                    return false;
                }
                blockStart = pos;
                anchor = pos;
                n = 0;
            }
        }
        for (; pos < end; pos++) { // the last few bytes as literals
            if (n >= BLOCK_SYMBOLS) {
                if (!endBlock(src, blockStart, pos, n, false)) {
                    return false;
                }
                blockStart = pos;
                n = 0;
            }
            int b = src[pos] & 0xFF;
            symbols[n++] = b;
            litFreq[b]++;
        }
        endBlock(src, blockStart, end, n, true);
        out.finish();
        return !out.stopped();
    }

    /**
     * A match as a block's symbol: {@code (distance - 1) << 14 | (distance code + 1) << 9 | 1 << 8 | (length - 3)}, so
     * that it is >= 256 (a literal is its byte, with 0 where a match has its distance code + 1), and the block writer
     * finds both parts' codes by table without a branch.
     */
    static int match(int distance, int distCode, int length) {
        return (distance - 1) << DISTANCE_SHIFT | (distCode + 1) << DIST_CODE_SHIFT | 0x100 | (length - 3);
    }

    /** The length of the match at {@code pos} with {@code candidate} (4 bytes known equal), up to {@code max}. */
    private static int extend(byte[] src, int candidate, int pos, int max) {
        int len = 4;
        while (len + 8 <= max) {
            long x = (long) LONG_LE.get(src, pos + len) ^ (long) LONG_LE.get(src, candidate + len);
            if (x != 0) {
                return len + (Long.numberOfTrailingZeros(x) >>> 3);
            }
            len += 8;
        }
        while (len < max && src[pos + len] == src[candidate + len]) {
            len++;
        }
        return len;
    }

    private boolean endBlock(byte[] src, int from, int to, int n, boolean last) {
        blocks.write(out, symbols, n, litFreq, distFreq, src, from, to, last);
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        return !out.stopped();
    }
}
