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

/**
 * A raw DEFLATE (RFC 1951) encoder tuned for JSON lines, where every row repeats the keys of the row before it: greedy
 * LZ77 with one hash probe per position (the most recent earlier position whose next 4 bytes hash alike, so a key is
 * found about one row back), matches of 4-258 bytes extended 8 bytes at a time, and per block of up to
 * {@value #BLOCK_SYMBOLS} symbols whichever of a dynamic Huffman, fixed Huffman or stored block is the smallest
 * ({@link BlockWriter}). docs/performance.md §2 has why: deflate is most of a row's client CPU at gzip level 1.
 *
 * <p>One instance per thread (it holds ~400 KB of tables, reused from one call to the next). Internal.
 */
public final class JsonDeflater {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static final int BLOCK_SYMBOLS = 65_535; // all literals: one stored block (RFC 1951 §3.2.4)
    private static final int MAX_HASH_BITS = 15;
    private static final int MIN_HASH_BITS = 10;
    private static final int PRIME = 0x9E3779B1; // Knuth's multiplicative hash: the top bits mix all four bytes

    private final int[] head = new int[1 << MAX_HASH_BITS];
    private final int[] symbols = new int[BLOCK_SYMBOLS];
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
        java.util.Objects.checkFromIndexSize(offset, length, src.length);
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
        while (pos < matchEnd) {
            int v = (int) INT_LE.get(src, pos);
            int h = (v * PRIME) >>> shift;
            int candidate = head[h];
            head[h] = pos;
            int distance = pos - candidate;
            if (((distance - 1) & -WINDOW) == 0 && (int) INT_LE.get(src, candidate) == v) {
                int len = extend(src, candidate, pos, Math.min(MAX_MATCH, end - pos));
                symbols[n++] = distance << 8 | (len - 3);
                litFreq[257 + LENGTH_CODE[len - 3]]++;
                distFreq[DeflateTables.distCode(distance - 1)]++;
                pos += len;
            } else {
                int b = src[pos] & 0xFF;
                symbols[n++] = b;
                litFreq[b]++;
                pos++;
            }
            if (n == BLOCK_SYMBOLS) {
                if (!endBlock(src, blockStart, pos, n, false)) {
                    return false;
                }
                blockStart = pos;
                n = 0;
            }
        }
        for (; pos < end; pos++) { // the last few bytes as literals
            if (n == BLOCK_SYMBOLS) {
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
