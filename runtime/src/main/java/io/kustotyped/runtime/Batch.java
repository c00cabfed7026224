package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.SlotBuffers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows serialized into one contiguous buffer, one JSON object per line. Its arrays are borrowed from a
 * {@link SlotBuffers} set (grown in place when needed) and go back with {@link #buffers()} when the batch is done.
 */
final class Batch {
    /** The borrowed set; its {@code gz} array holds the compressed body of the piece in flight. */
    final SlotBuffers buffers;

    byte[] raw;
    int length;
    int rows;
    int[] ends;
    long[] index;
    long rowsRead;
    boolean sourceDone;
    boolean stoppedEarly;
    Throwable sourceFailure;
    final List<FailedRows> rowFailures = new ArrayList<>();

    Batch(SlotBuffers buffers, int rawLimit) {
        this.buffers = buffers;
        if (buffers.raw == null) {
            buffers.raw = new byte[Math.min(rawLimit, 64 * 1024)];
        }
        raw = buffers.raw;
        ends = buffers.ends;
        index = buffers.index;
    }

    /** The batch's arrays, grown to what it needed, to give back once no request reads them. */
    SlotBuffers buffers() {
        buffers.raw = raw;
        buffers.ends = ends;
        buffers.index = index;
        return buffers;
    }

    void append(byte[] src, int len, long idx, int rawLimit) {
        int need = length + len + 1;
        if (need > raw.length) {
            raw = Arrays.copyOf(raw, (int) Math.min(rawLimit, Math.max(need, 2L * raw.length)));
        }
        System.arraycopy(src, 0, raw, length, len);
        raw[length + len] = '\n';
        length = need;
        if (rows == ends.length) {
            ends = Arrays.copyOf(ends, rows * 2);
            index = Arrays.copyOf(index, rows * 2);
        }
        ends[rows] = length;
        index[rows] = idx;
        rows++;
    }

    void fail(long idx, Throwable cause) {
        rowFailures.add(new FailedRows(List.of(new RowRange(idx, idx + 1)), cause, false));
    }
}
