package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.RowRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A contiguous run of a batch's rows {@code [from, to)}.
 *
 * @param possiblyCommitted an earlier request carrying these rows (as part of a larger piece) may have been committed
 */
record Piece(Batch batch, int from, int to, boolean possiblyCommitted) {
    int start() {
        return from == 0 ? 0 : batch.ends[from - 1];
    }

    int rawLength() {
        return batch.ends[to - 1] - start();
    }

    int rows() {
        return to - from;
    }

    List<RowRange> ranges() {
        List<RowRange> out = new ArrayList<>();
        long first = batch.index[from];
        long prev = first;
        for (int i = from + 1; i < to; i++) {
            long idx = batch.index[i];
            if (idx != prev + 1) {
                out.add(new RowRange(first, prev + 1));
                first = idx;
            }
            prev = idx;
        }
        out.add(new RowRange(first, prev + 1));
        return out;
    }
}
