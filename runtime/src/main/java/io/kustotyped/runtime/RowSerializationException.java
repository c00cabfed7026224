package io.kustotyped.runtime;

/** The generated writer failed on one row (an unsupported value in a dynamic column, say). */
public final class RowSerializationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long rowIndex;

    /**
     * @param rowIndex the row's index in the input
     * @param message what went wrong
     * @param cause the writer's exception, or null
     */
    public RowSerializationException(long rowIndex, String message, Throwable cause) {
        super(message, cause);
        this.rowIndex = rowIndex;
    }

    /** The row's index in the input. */
    public long rowIndex() {
        return rowIndex;
    }
}
