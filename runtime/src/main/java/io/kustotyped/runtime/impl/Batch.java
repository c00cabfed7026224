package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.FailedRows;
import io.kustotyped.runtime.RowRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows serialized into one contiguous buffer, one JSON object per line. */
final class Batch {
    byte[] raw;
    int length;
    int rows;
    int[] ends = new int[256];
    long[] index = new long[256];
    long rowsRead;
    boolean sourceDone;
    boolean stoppedEarly;
    Throwable sourceFailure;
    final List<FailedRows> rowFailures = new ArrayList<>();

    Batch(int rawLimit) {
        raw = new byte[Math.min(rawLimit, 64 * 1024)];
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
