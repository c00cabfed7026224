package io.kustotyped.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte side of {@link JsonOutput}: a growable array, the O(1) operations a batcher uses to cut batches at row
 * boundaries ({@link #size()}, {@link #mark()}, {@link #truncate(int)}, {@link #reset()}), and raw writes of
 * pre-encoded bytes. It knows nothing about JSON values; {@link JsonOutput}, its only subclass, adds those.
 *
 * <p>Kept as a superclass rather than a field of {@link JsonOutput} so that the encoders of this package reach
 * {@link #buf} and {@link #pos} without an extra indirection on every value (docs/performance.md §1.3).
 */
abstract sealed class JsonBuffer permits JsonOutput {

    /** Largest array size the JVM reliably allocates. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    /** The buffer; valid bytes are [0, pos). Package-private for the encoders in this package. */
    byte[] buf;
    /** The write position. */
    int pos;

    JsonBuffer(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, was " + initialCapacity);
        }
        buf = new byte[initialCapacity];
    }

    /**
     * Makes room for {@code n} more bytes and returns the (possibly new) buffer; write from {@link #pos}.
     * Package-private: encoders reserve once per value, then write without bounds checks of their own.
     */
    final byte[] reserve(int n) {
        byte[] b = buf;
        if (n > b.length - pos) {
            b = grow(n);
        }
        return b;
    }

    private byte[] grow(long n) {
        long needed = pos + n;
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException(
                    "JsonOutput cannot grow past " + MAX_CAPACITY + " bytes (holds " + pos + ", needs " + n + " more)");
        }
        long doubled = Math.max(16L, 2L * buf.length);
        int capacity = (int) Math.min(MAX_CAPACITY, Math.max(needed, doubled));
        buf = Arrays.copyOf(buf, capacity);
        return buf;
    }

    /** Number of bytes written since the last {@link #reset()}. O(1). */
    public final int size() {
        return pos;
    }

    /**
     * The backing array, not a copy; the valid bytes are {@code [0, size())}. Writing more may replace the array
     * (when it grows), so call this after writing. O(1).
     */
    public final byte[] array() {
        return buf;
    }

    /** Forgets what was written, keeping the buffer (its capacity is kept too). O(1). */
    public final void reset() {
        pos = 0;
    }

    /**
     * Forgets what was written and, if the buffer has grown past {@code maxRetainedCapacity} (one huge row, say),
     * replaces it with a fresh one of that capacity, so a long-lived, reused output does not pin its largest
     * buffer forever. O(1) unless it reallocates.
     *
     * @throws IllegalArgumentException if {@code maxRetainedCapacity} is negative
     */
    public final void reset(int maxRetainedCapacity) {
        if (maxRetainedCapacity < 0) {
            throw new IllegalArgumentException("maxRetainedCapacity must be >= 0, was " + maxRetainedCapacity);
        }
        reset();
        if (buf.length > maxRetainedCapacity) {
            buf = new byte[maxRetainedCapacity];
        }
    }

    /** The current {@link #size()}, to {@link #truncate(int)} back to later, e.g. the end of the last whole row. */
    public final int mark() {
        return pos;
    }

    /**
     * Drops everything written after {@code mark}, e.g. a row that did not fit a batch, or one whose writer
     * failed half-way. O(1).
     *
     * @param mark a value returned by {@link #mark()} or {@link #size()} since the last {@link #reset()}
     * @throws IllegalArgumentException if {@code mark} is negative or beyond {@link #size()}
     */
    public final void truncate(int mark) {
        if (mark < 0 || mark > pos) {
            throw new IllegalArgumentException("truncate(" + mark + ") outside [0, " + pos + "]");
        }
        pos = mark;
    }

    /** Bytes that can be written before the buffer has to grow. */
    public final int capacity() {
        return buf.length;
    }

    /** A copy of the bytes written, {@code [0, size())}. Allocates; for tests and small payloads. */
    public final byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** The bytes written, decoded as UTF-8. Allocates; for tests and diagnostics. */
    @Override
    public final String toString() {
        return new String(buf, 0, pos, StandardCharsets.UTF_8);
    }

    /** Appends pre-encoded UTF-8 bytes as they are (field-name prefixes such as {@code ,"Level":}). */
    public final void raw(byte[] preEncoded) {
        int n = preEncoded.length;
        byte[] b = reserve(n);
        System.arraycopy(preEncoded, 0, b, pos, n);
        pos += n;
    }

    /** Appends one ASCII byte ({@code '{'}, {@code '}'}, {@code ','}, {@code '['}, {@code ']'}, {@code ':'}, {@code '\n'}). */
    public final void rawByte(int b) {
        byte[] a = reserve(1);
        a[pos++] = (byte) b;
    }
}
