package io.kustotyped.runtime.impl;

import io.vertx.core.buffer.Buffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) of a byte range with a {@link Deflater} reused per thread and level: raw deflate plus a
 * hand-written 10-byte header and CRC32/ISIZE trailer (docs/performance.md §2.3: reusing the deflater avoids
 * allocating zlib state per batch). {@link #compressInto} writes into a batch's reusable array, which the request body
 * wraps without a copy (docs/performance.md §4). Internal.
 */
public final class Gzip {

    private static final int HEADER_LENGTH = 10;
    private static final int TRAILER_LENGTH = 8;
    private static final ThreadLocal<PerThread> PER_THREAD = ThreadLocal.withInitial(PerThread::new);

    private Gzip() {}

    private static final class PerThread {
        final Deflater[] deflaters = new Deflater[10];
        final CRC32 crc = new CRC32();
        /** The thread's own output array, for {@link #compress}. */
        byte[] scratch = new byte[64 * 1024];
        /** The array being written, set for the duration of one call. */
        byte[] out;

        Deflater deflater(int level) {
            Deflater d = deflaters[level];
            if (d == null) {
                d = new Deflater(level, true);
                deflaters[level] = d;
            } else {
                d.reset();
            }
            return d;
        }
    }

    /**
     * Compresses {@code src[offset, offset + length)}.
     *
     * @param level 1-9
     * @return a new buffer holding the complete gzip member
     */
    public static Buffer compress(byte[] src, int offset, int length, int level) {
        PerThread t = PER_THREAD.get();
        int bound = HEADER_LENGTH + length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + TRAILER_LENGTH;
        if (t.scratch.length < bound) {
            t.scratch = new byte[bound];
        }
        t.out = t.scratch;
        try {
            int pos = deflate(t, src, offset, length, level, Integer.MAX_VALUE);
            return Buffer.buffer(pos).appendBytes(t.out, 0, pos);
        } finally {
            t.scratch = t.out;
            t.out = null;
        }
    }

    /**
     * Compresses {@code src[offset, offset + length)} into {@code into.gz}, reusing that array (grown, never past
     * {@code limit}, when too small), so that the caller can wrap it without a copy.
     *
     * @param level 1-9
     * @param limit the most bytes the gzip member may take
     * @return the length of the gzip member at the start of {@code into.gz}, or -1 when it would be over
     *     {@code limit} (use {@link #compress} to learn its size)
     */
    public static int compressInto(SlotBuffers into, byte[] src, int offset, int length, int level, int limit) {
        if (limit < HEADER_LENGTH + TRAILER_LENGTH + 2) {
            return -1;
        }
        PerThread t = PER_THREAD.get();
        if (into.gz == null) {
            into.gz = new byte[Math.min(limit, 64 * 1024)];
        }
        t.out = into.gz;
        try {
            return deflate(t, src, offset, length, level, limit);
        } finally {
            into.gz = t.out;
            t.out = null; // the thread keeps no reference to a slot's array
        }
    }

    /** Writes the gzip member to {@code t.out}, growing it up to {@code limit}; its length, or -1 past the limit. */
    private static int deflate(PerThread t, byte[] src, int offset, int length, int level, int limit) {
        Deflater deflater = t.deflater(level);
        deflater.setInput(src, offset, length);
        deflater.finish();
        byte[] out = t.out;
        out[0] = 0x1f;
        out[1] = (byte) 0x8b;
        out[2] = 8; // deflate
        out[3] = 0; // no flags
        out[4] = out[5] = out[6] = out[7] = 0; // no mtime
        out[8] = 0;
        out[9] = (byte) 0xff; // unknown OS
        int pos = HEADER_LENGTH;
        while (!deflater.finished()) {
            if (pos == out.length - TRAILER_LENGTH) {
                if (out.length >= limit) {
                    return -1;
                }
                byte[] bigger = new byte[(int) Math.min(limit, out.length * 2L)];
                System.arraycopy(out, 0, bigger, 0, pos);
                out = bigger;
                t.out = out;
            }
            pos += deflater.deflate(out, pos, out.length - TRAILER_LENGTH - pos);
        }
        CRC32 crc = t.crc;
        crc.reset();
        crc.update(src, offset, length);
        long c = crc.getValue();
        out[pos++] = (byte) c;
        out[pos++] = (byte) (c >>> 8);
        out[pos++] = (byte) (c >>> 16);
        out[pos++] = (byte) (c >>> 24);
        out[pos++] = (byte) length;
        out[pos++] = (byte) (length >>> 8);
        out[pos++] = (byte) (length >>> 16);
        out[pos++] = (byte) (length >>> 24);
        return pos;
    }
}
