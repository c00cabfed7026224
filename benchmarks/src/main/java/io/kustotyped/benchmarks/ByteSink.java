package io.kustotyped.benchmarks;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable, unsynchronised in-memory {@link OutputStream} for the Jackson variants, so that they write into a
 * reused growable {@code byte[]} exactly like the {@code JsonOutput} variants do ({@code ByteArrayOutputStream}
 * would add a lock per call). {@link #close()} does nothing so Jackson's auto-close keeps the buffer usable.
 */
final class ByteSink extends OutputStream {

    private byte[] buf = new byte[1 << 20];
    private int size;

    @Override
    public void write(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > buf.length - size) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
        }
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    @Override
    public void close() {
        // Keep the buffer: Jackson closes its target after writeValue.
    }
}
