package io.kustotyped.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Rows that did not land, and why.
 *
 * @param ranges the row indexes, as ranges of the input
 * @param cause why: a {@link KustoServiceException} (with the Kusto error code), a {@link KustoTransportException}
 *     after the retries ran out, a {@link RowTooLargeException}, or the exception the generated writer threw
 * @param possiblyIngested true when a request carrying these rows ended with an answer that does not prove it was
 *     not committed (a 5xx, a timeout or closed connection after the request was sent, a proxy's answer): the
 *     service may have committed them, so retrying them may duplicate them
 */
public record FailedRows(List<RowRange> ranges, Throwable cause, boolean possiblyIngested) {

    /** Copies the ranges. */
    public FailedRows {
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(cause, "cause");
    }

    /** The number of rows. */
    public long rowCount() {
        long n = 0;
        for (RowRange r : ranges) {
            n += r.size();
        }
        return n;
    }

    @Override
    public String toString() {
        return ranges + (possiblyIngested ? " (possibly ingested)" : "") + ": " + cause;
    }
}
