package io.kustotyped.runtime.impl.deflate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * DEFLATE's bit stream (RFC 1951 §3.1.1: bits packed from the least significant bit of each byte): a 64-bit buffer
 * written four bytes at a time into a chunk (eight at a time by {@link BlockWriter}'s symbol loop), which goes to a
 * {@link DeflateSink} whenever it is nearly full.
 */
final class BitOutput {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static final int CHUNK = 64 * 1024;
    /** Drained once past this: every writer may put 8 bytes at a position below it. */
    static final int DRAIN_AT = CHUNK - 16;

    // Package-private so that BlockWriter's symbol loop can keep them in locals (docs/performance.md §1.3).
    final byte[] chunk = new byte[CHUNK];
    /** Bytes in {@link #chunk}; always below {@link #DRAIN_AT} between calls. */
    int pos;
    /** Pending bits, the first in the least significant bit, none above {@link #count}. */
    long bits;
    /** How many bits are pending: fewer than 32 between calls. */
    int count;

    private DeflateSink sink;
    private boolean stopped;

    void start(DeflateSink sink) {
        this.sink = sink;
        pos = 0;
        bits = 0;
        count = 0;
        stopped = false;
    }

    /** Whether the sink refused a chunk: what is written since is dropped. */
    boolean stopped() {
        return stopped;
    }

    /** Appends the low {@code n} bits of {@code value} (n <= 32; the bits above n must be zero). */
    void write(int value, int n) {
        bits |= (value & 0xFFFFFFFFL) << count;
        count += n;
        if (count >= 32) {
            INT_LE.set(chunk, pos, (int) bits);
            bits >>>= 32;
            count -= 32;
            pos += 4;
            if (pos >= DRAIN_AT) {
                drain();
            }
        }
    }

    /** Pads with zero bits to a byte boundary and moves the pending whole bytes into the chunk. */
    void alignToByte() {
        count = (count + 7) & ~7;
        while (count > 0) { // at most 8 bytes: pos stays below DRAIN_AT between calls
            chunk[pos++] = (byte) bits;
            bits >>>= 8;
            count -= 8;
        }
        bits = 0;
        count = 0;
        if (pos >= DRAIN_AT) {
            drain();
        }
    }

    /** Copies bytes as they are; only at a byte boundary (after {@link #alignToByte}). */
    void writeBytes(byte[] src, int offset, int length) {
        while (length > 0) {
            if (pos >= CHUNK) {
                drain();
            }
            int n = Math.min(length, CHUNK - pos);
            System.arraycopy(src, offset, chunk, pos, n);
            pos += n;
            offset += n;
            length -= n;
        }
        if (pos >= DRAIN_AT) {
            drain();
        }
    }

    /** Pads to a byte and hands the rest to the sink. */
    void finish() {
        alignToByte();
        drain();
    }

    /** Hands {@code chunk[0, pos)} to the sink and empties the chunk. */
    void drain() {
        if (!stopped && pos > 0 && !sink.accept(chunk, pos)) {
            stopped = true;
        }
        pos = 0;
    }
}
