package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.impl.deflate.DeflateSink;
import io.kustotyped.runtime.impl.deflate.JsonDeflater;
import io.vertx.core.buffer.Buffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) of a byte range with a {@link Deflater} reused per thread and level: raw deflate plus a
 * hand-written 10-byte header and CRC32/ISIZE trailer (docs/performance.md §2.3: reusing the deflater avoids
 * allocating zlib state per batch). {@link #compressInto} writes into a batch's reusable Vert.x buffer, which the
 * request body slices without a copy (docs/performance.md §4). Internal.
 *
 * <p>The deflater writes into a small per-thread chunk that is appended to the buffer as it fills: Vert.x offers no
 * public way to wrap a byte array without copying it, and its buffers grow in place, so the body is written once
 * into its final buffer and never copied as a whole.
 *
 * <p>The raw deflate comes from zlib at a level 1-9, or, for {@link #JSON_LINES}, from the pure-Java
 * {@link JsonDeflater} (the same header and trailer around it).
 */
public final class Gzip {

    private static final int HEADER_LENGTH = 10;
    private static final int TRAILER_LENGTH = 8;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}; // deflate, no mtime
    private static final ThreadLocal<PerThread> PER_THREAD = ThreadLocal.withInitial(PerThread::new);

    /** The "level" that selects {@link JsonDeflater} instead of zlib. */
    public static final int JSON_LINES = 0;

    private Gzip() {}

    private static final class PerThread implements DeflateSink {
        final Deflater[] deflaters = new Deflater[10];
        final CRC32 crc = new CRC32();
        final byte[] chunk = new byte[CHUNK];
        JsonDeflater jsonDeflater;
        // Where JsonDeflater's chunks go, for the current call.
        Buffer out;
        int pos;
        int limit;

        @Override
        public boolean accept(byte[] bytes, int length) {
            if ((long) pos + length + TRAILER_LENGTH > limit) {
                return false;
            }
            out.setBytes(pos, bytes, 0, length);
            pos += length;
            return true;
        }

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
     * @param level 1-9 (zlib), or {@link #JSON_LINES}
     * @return a new buffer holding the complete gzip member
     */
    public static Buffer compress(byte[] src, int offset, int length, int level) {
        int bound = HEADER_LENGTH + length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + TRAILER_LENGTH;
        Buffer out = Buffer.buffer(Math.min(bound, CHUNK));
        deflate(PER_THREAD.get(), src, offset, length, level, Integer.MAX_VALUE, out); // a new buffer: all of it
        return out;
    }

    /**
     * Compresses {@code src[offset, offset + length)} into {@code into.gz} from its start, reusing that buffer (which
     * grows as needed, never past {@code limit}), so that the caller can send a slice of it without a copy.
     *
     * @param level 1-9 (zlib), or {@link #JSON_LINES}
     * @param limit the most bytes the gzip member may take
     * @return the length of the gzip member at the start of {@code into.gz}, or -1 when it would be over
     *     {@code limit} (use {@link #compress} to learn its size)
     */
    public static int compressInto(SlotBuffers into, byte[] src, int offset, int length, int level, int limit) {
        if (limit < HEADER_LENGTH + TRAILER_LENGTH + 2) {
            return -1;
        }
        if (into.gz == null) {
            into.gz = Buffer.buffer(Math.min(limit, CHUNK));
        }
        return deflate(PER_THREAD.get(), src, offset, length, level, limit, into.gz);
    }

    /** Writes the gzip member at the start of {@code out}; its length, or -1 past {@code limit}. */
    private static int deflate(PerThread t, byte[] src, int offset, int length, int level, int limit, Buffer out) {
        out.setBytes(0, HEADER);
        int pos = level == JSON_LINES
                ? jsonLines(t, src, offset, length, limit, out)
                : zlib(t, src, offset, length, level, limit, out);
        if (pos < 0) {
            return -1;
        }
        byte[] chunk = t.chunk;
        CRC32 crc = t.crc;
        crc.reset();
        crc.update(src, offset, length);
        long c = crc.getValue();
        chunk[0] = (byte) c;
        chunk[1] = (byte) (c >>> 8);
        chunk[2] = (byte) (c >>> 16);
        chunk[3] = (byte) (c >>> 24);
        chunk[4] = (byte) length;
        chunk[5] = (byte) (length >>> 8);
        chunk[6] = (byte) (length >>> 16);
        chunk[7] = (byte) (length >>> 24);
        out.setBytes(pos, chunk, 0, TRAILER_LENGTH);
        return pos + TRAILER_LENGTH;
    }

    /** Raw deflate by zlib after the header; where it ends, or -1 past {@code limit}. */
    private static int zlib(PerThread t, byte[] src, int offset, int length, int level, int limit, Buffer out) {
        Deflater deflater = t.deflater(level);
        deflater.setInput(src, offset, length);
        deflater.finish();
        byte[] chunk = t.chunk;
        int pos = HEADER_LENGTH;
        while (!deflater.finished()) {
            int n = deflater.deflate(chunk, 0, chunk.length);
            if ((long) pos + n + TRAILER_LENGTH > limit) {
                return -1;
            }
            out.setBytes(pos, chunk, 0, n);
            pos += n;
        }
        return pos;
    }

    /** Raw deflate by {@link JsonDeflater} after the header; where it ends, or -1 past {@code limit}. */
    private static int jsonLines(PerThread t, byte[] src, int offset, int length, int limit, Buffer out) {
        if (t.jsonDeflater == null) {
            t.jsonDeflater = new JsonDeflater();
        }
        t.out = out;
        t.pos = HEADER_LENGTH;
        t.limit = limit;
        try {
            return t.jsonDeflater.deflate(src, offset, length, t) ? t.pos : -1;
        } finally {
            t.out = null; // the thread keeps no reference to a batch's buffer
        }
    }
}
