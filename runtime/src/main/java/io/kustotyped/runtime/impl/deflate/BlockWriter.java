package io.kustotyped.runtime.impl.deflate;

import static io.kustotyped.runtime.impl.deflate.DeflateTables.CODELEN_ORDER;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.CODELEN_SYMBOLS;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.DIST_BASE;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.DIST_EXTRA;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.DIST_SYMBOLS;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.END_OF_BLOCK;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.FIXED_DIST_LENGTHS;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.FIXED_LITLEN_LENGTHS;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.LENGTH_BASE;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.LENGTH_CODE;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.LENGTH_EXTRA;
import static io.kustotyped.runtime.impl.deflate.DeflateTables.LITLEN_SYMBOLS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes one block of LZ77 symbols as whichever of a dynamic Huffman block (RFC 1951 §3.2.7), a fixed Huffman block
 * (§3.2.6) or stored blocks (§3.2.4) is the smallest, counted exactly from the symbols' frequencies before writing.
 *
 * <p>A symbol is an int: a literal byte (0-255), or a match as {@link JsonDeflater#match} packs it (always >= 256).
 */
final class BlockWriter {

    private static final short[] FIXED_LITLEN_CODES = new short[288];
    private static final short[] FIXED_DIST_CODES = new short[32];
    private static final int MAX_STORED = 65_535;
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The smallest distance minus 1 per distance code + 1; 0 for a literal. */
    private static final int[] SECOND_BASE = new int[DIST_SYMBOLS + 1];

    static {
        System.arraycopy(DIST_BASE, 0, SECOND_BASE, 1, DIST_SYMBOLS);
        HuffmanCodes.assignCodes(FIXED_LITLEN_LENGTHS, FIXED_LITLEN_CODES, 288, new int[16], new int[17]);
        HuffmanCodes.assignCodes(FIXED_DIST_LENGTHS, FIXED_DIST_CODES, 32, new int[16], new int[17]);
    }

    private final HuffmanCodes litlen = new HuffmanCodes(LITLEN_SYMBOLS, 15);
    private final HuffmanCodes dist = new HuffmanCodes(DIST_SYMBOLS, 15);
    private final HuffmanCodes codelen = new HuffmanCodes(CODELEN_SYMBOLS, 7);
    private final byte[] allLengths = new byte[LITLEN_SYMBOLS + DIST_SYMBOLS];
    private final int[] codelenSymbols = new int[LITLEN_SYMBOLS + DIST_SYMBOLS]; // extra bits << 5 | symbol
    private final int[] codelenFreq = new int[CODELEN_SYMBOLS];
    // Per block, what writeSymbols writes, as bits << 8 | bit count (distances: code << 16 | code length << 8 | count)
    private final int[] firstTable = new int[512];
    private final int[] secondTable = new int[DIST_SYMBOLS + 1];
    private final int[] scratchCount = new int[16];
    private final int[] scratchNext = new int[17];

    /**
     * Writes the block of {@code symbols[0, n)}, which encode {@code src[from, to)}.
     *
     * @param litFreq frequencies of the literal/length symbols of the block, the end of block not counted yet
     * @param distFreq frequencies of the distance codes
     */
    void write(
            BitOutput out,
            int[] symbols,
            int n,
            int[] litFreq,
            int[] distFreq,
            byte[] src,
            int from,
            int to,
            boolean last) {
        litFreq[END_OF_BLOCK]++;
        long extra = 0;
        for (int c = 0; c < 29; c++) {
            extra += (long) litFreq[257 + c] * LENGTH_EXTRA[c];
        }
        for (int c = 0; c < DIST_SYMBOLS; c++) {
            extra += (long) distFreq[c] * DIST_EXTRA[c];
        }
        long fixedBits = 3 + extra;
        for (int s = 0; s < LITLEN_SYMBOLS; s++) {
            fixedBits += (long) litFreq[s] * FIXED_LITLEN_LENGTHS[s];
        }
        for (int c = 0; c < DIST_SYMBOLS; c++) {
            fixedBits += (long) distFreq[c] * 5;
        }
        litlen.build(litFreq);
        dist.build(distFreq);
        int hlit = LITLEN_SYMBOLS;
        while (hlit > 257 && litlen.lengths[hlit - 1] == 0) {
            hlit--;
        }
        int hdist = DIST_SYMBOLS;
        while (hdist > 1 && dist.lengths[hdist - 1] == 0) {
            hdist--;
        }
        int ncl = runLengths(hlit, hdist);
        codelen.build(codelenFreq);
        int hclen = CODELEN_SYMBOLS;
        while (hclen > 4 && codelen.lengths[CODELEN_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        long dynamicBits = 3 + 5 + 5 + 4 + 3L * hclen + extra;
        for (int s = 0; s < CODELEN_SYMBOLS; s++) {
            dynamicBits += (long) codelenFreq[s] * codelen.lengths[s];
        }
        dynamicBits += 2L * codelenFreq[16] + 3L * codelenFreq[17] + 7L * codelenFreq[18];
        for (int s = 0; s < hlit; s++) {
            dynamicBits += (long) litFreq[s] * litlen.lengths[s];
        }
        for (int c = 0; c < hdist; c++) {
            dynamicBits += (long) distFreq[c] * dist.lengths[c];
        }
        long length = to - from;
        long storedBits = 8 * length + 40L * Math.max(1, (length + MAX_STORED - 1) / MAX_STORED) + 7;
        if (storedBits <= dynamicBits && storedBits <= fixedBits) {
            writeStored(out, src, from, to, last);
        } else if (fixedBits <= dynamicBits) {
            out.write(last ? 0b011 : 0b010, 3); // BFINAL, BTYPE 01 (fixed), least significant bit first
            writeSymbols(
                    out, symbols, n, FIXED_LITLEN_LENGTHS, FIXED_LITLEN_CODES, FIXED_DIST_LENGTHS, FIXED_DIST_CODES);
        } else {
            out.write(last ? 0b101 : 0b100, 3); // BTYPE 10 (dynamic)
            out.write(hlit - 257, 5);
            out.write(hdist - 1, 5);
            out.write(hclen - 4, 4);
            for (int i = 0; i < hclen; i++) {
                out.write(codelen.lengths[CODELEN_ORDER[i]], 3);
            }
            for (int i = 0; i < ncl; i++) {
                int s = codelenSymbols[i] & 31;
                out.write(codelen.codes[s] & 0xFFFF, codelen.lengths[s]);
                if (s >= 16) {
                    out.write(codelenSymbols[i] >>> 5, s == 16 ? 2 : s == 17 ? 3 : 7);
                }
            }
            writeSymbols(out, symbols, n, litlen.lengths, litlen.codes, dist.lengths, dist.codes);
        }
    }

    /**
     * Run-length codes the literal/length and distance code lengths with the code-length alphabet (§3.2.7: 16 repeats
     * the previous length 3-6 times, 17 and 18 repeat a zero 3-10 and 11-138 times) into {@link #codelenSymbols}, counts
     * them in {@link #codelenFreq}, and returns how many there are.
     */
    private int runLengths(int hlit, int hdist) {
        System.arraycopy(litlen.lengths, 0, allLengths, 0, hlit);
        System.arraycopy(dist.lengths, 0, allLengths, hlit, hdist);
        java.util.Arrays.fill(codelenFreq, 0);
        int total = hlit + hdist;
        int n = 0;
        int i = 0;
        while (i < total) {
            int len = allLengths[i];
            int run = 1;
            while (i + run < total && allLengths[i + run] == len) {
                run++;
            }
            i += run;
            if (len == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    n = put(n, 18, r - 11);
                    run -= r;
                }
                if (run >= 3) {
                    n = put(n, 17, run - 3);
                    run = 0;
                }
            } else {
                n = put(n, len, 0);
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    n = put(n, 16, r - 3);
                    run -= r;
                }
            }
            for (; run > 0; run--) {
                n = put(n, len, 0);
            }
        }
        return n;
    }

    private int put(int n, int symbol, int extra) {
        codelenSymbols[n] = extra << 5 | symbol;
        codelenFreq[symbol]++;
        return n + 1;
    }

    private void writeSymbols(
            BitOutput out, int[] symbols, int n, byte[] litLens, short[] litCodes, byte[] distLens, short[] distCodes) {
        int[] first = firstTable; // literals, then lengths - 3 with their extra bits: indexed by symbol & 0x1FF
        for (int s = 0; s < 256; s++) {
            first[s] = (litCodes[s] & 0xFFFF) << 8 | litLens[s];
        }
        for (int l = 0; l < 256; l++) {
            int code = LENGTH_CODE[l];
            int s = 257 + code;
            first[256 + l] = ((litCodes[s] & 0xFFFF) | (l - LENGTH_BASE[code]) << litLens[s]) << 8
                    | (litLens[s] + LENGTH_EXTRA[code]);
        }
        int[] second = secondTable; // 0: nothing (a literal); distance code + 1: code << 16 | length << 8 | bits
        for (int c = 0; c < DIST_SYMBOLS; c++) {
            second[c + 1] = (distCodes[c] & 0xFFFF) << 16 | distLens[c] << 8 | (distLens[c] + DIST_EXTRA[c]);
        }
        // Branch-free per symbol: a literal is a match whose second part writes no bits. The bit buffer is in locals
        // (fields would be loaded and stored per symbol) and its whole bytes are stored 8 at a time after every
        // symbol, leaving at most 7 bits pending: at most 7 + 20 + 28 = 55 bits before the next store.
        byte[] chunk = out.chunk;
        long bits = out.bits;
        int count = out.count;
        int pos = out.pos;
        if (count >= 8) {
            LONG_LE.set(chunk, pos, bits);
            pos += count >>> 3;
            bits >>>= count & ~7;
            count &= 7;
        }
        for (int i = 0; i < n; i++) {
            int sym = symbols[i];
            int e = first[sym & 0x1FF];
            bits |= (long) (e >>> 8) << count;
            count += e & 0xFF;
            int c = (sym >>> JsonDeflater.DIST_CODE_SHIFT) & 31;
            int d = second[c];
            int extra = (sym >>> JsonDeflater.DISTANCE_SHIFT) - SECOND_BASE[c];
            bits |= (long) ((d >>> 16) | extra << ((d >>> 8) & 0xFF)) << count;
            count += d & 0xFF;
            LONG_LE.set(chunk, pos, bits);
            pos += count >>> 3;
            bits >>>= count & ~7;
            count &= 7;
            if (pos >= BitOutput.DRAIN_AT) {
                out.pos = pos;
                out.drain();
                pos = 0;
            }
        }
        out.bits = bits;
        out.count = count;
        out.pos = pos;
        out.write(litCodes[END_OF_BLOCK] & 0xFFFF, litLens[END_OF_BLOCK]);
    }

    private static void writeStored(BitOutput out, byte[] src, int from, int to, boolean last) {
        do {
            int len = Math.min(to - from, MAX_STORED);
            out.write(last && from + len == to ? 1 : 0, 3); // BTYPE 00
            out.alignToByte();
            out.write(len | (~len & 0xFFFF) << 16, 32); // LEN, NLEN (§3.2.4)
            out.writeBytes(src, from, len);
            from += len;
        } while (from < to);
    }
}
