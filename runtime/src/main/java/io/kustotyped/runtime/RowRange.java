package io.kustotyped.runtime;

/**
 * A range of row indexes into the input of an ingest call: {@code [from, to)}, zero-based, in input order.
 *
 * @param from the first row index
 * @param to one past the last row index
 */
public record RowRange(long from, long to) {

    /** Checks the bounds. */
    public RowRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad row range [" + from + ", " + to + ")");
        }
    }

    /** The number of rows. */
    public long size() {
        return to - from;
    }

    @Override
    public String toString() {
        return size() == 1 ? "row " + from : "rows " + from + ".." + (to - 1);
    }
}
