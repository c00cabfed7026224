package io.kustotyped.runtime;

/**
 * A query result could not be read into the row type: a column of another Kusto type than the property holds, a
 * value the property cannot hold, or a result the service truncated. The message names the column, the row and both
 * types; the failure is not transient (the same query fails the same way).
 */
public final class RowReadException extends KustoException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final long row;

    /**
     * @param message the message, naming the column, row and types
     * @param column the column's name, or {@code null} when the failure is not about one column
     * @param row the row's index in the result (0-based), or {@code -1} when the failure is not about one row
     * @param cause the underlying failure, or {@code null}
     * @param clientRequestId the request id, or {@code null}
     */
    public RowReadException(String message, String column, long row, Throwable cause, String clientRequestId) {
        super(message, cause, clientRequestId);
        this.column = column;
        this.row = row;
    }

    /** The column's name, or {@code null} when the failure is not about one column. */
    public String column() {
        return column;
    }

    /** The row's index in the result table (0-based), or {@code -1} when the failure is not about one row. */
    public long row() {
        return row;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
