package io.kustotyped.runtime;

/** One row whose JSON, alone, is over a request size limit: it can never be sent. */
public final class RowTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long rowIndex;

    /**
     * @param rowIndex the row's index in the input
     * @param message what limit it is over
     */
    public RowTooLargeException(long rowIndex, String message) {
        super(message);
        this.rowIndex = rowIndex;
    }

    /** The row's index in the input. */
    public long rowIndex() {
        return rowIndex;
    }
}
