package io.kustotyped.runtime.impl;

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
 */
public final class Gzip {

    private static final int HEADER_LENGTH = 10;
    private static final int TRAILER_LENGTH = 8;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}; // deflate, no mtime
    private static final ThreadLocal<PerThread> PER_THREAD = ThreadLocal.withInitial(PerThread::new);

    private Gzip() {}

    private static final class PerThread {
        final Deflater[] deflaters = new Deflater[10];
        final CRC32 crc = new CRC32();
        final byte[] chunk = new byte[CHUNK];

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
        int bound = HEADER_LENGTH + length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + TRAILER_LENGTH;
        Buffer out = Buffer.buffer(Math.min(bound, CHUNK));
        deflate(PER_THREAD.get(), src, offset, length, level, Integer.MAX_VALUE, out); // a new buffer: all of it
        return out;
    }

    /**
     * Compresses {@code src[offset, offset + length)} into {@code into.gz} from its start, reusing that buffer (which
     * grows as needed, never past {@code limit}), so that the caller can send a slice of it without a copy.
     *
     * @param level 1-9
     * @param limit the most bytes the gzip member may take
     * @return the length of the gzip member at the start of {@code into.gz}, or -1 when it would be over
     *     {@code limit} (use {@link #compress} to learn its size)
     */
    static int compressInto(SlotBuffers into, byte[] src, int offset, int length, int level, int limit) {
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
        Deflater deflater = t.deflater(level);
        deflater.setInput(src, offset, length);
        deflater.finish();
        byte[] chunk = t.chunk;
        out.setBytes(0, HEADER);
        int pos = HEADER_LENGTH;
        while (!deflater.finished()) {
            int n = deflater.deflate(chunk, 0, chunk.length);
            if ((long) pos + n + TRAILER_LENGTH > limit) {
                return -1;
            }
            out.setBytes(pos, chunk, 0, n);
            pos += n;
        }
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
}
