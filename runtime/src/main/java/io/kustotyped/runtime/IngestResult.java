package io.kustotyped.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one ingest call (or one {@link KustoWriteStream}) did. Every input row is either counted in
 * {@link #rowsIngested()} or listed in {@link #failures()}; rows after an {@link #inputFailure()} were never read.
 *
 * @param rowsRead rows taken from the input
 * @param rowsIngested rows the service confirmed (HTTP 200)
 * @param requests HTTP requests sent, retries included
 * @param retries requests that were retries of an earlier one
 * @param throttled requests the service answered with 429
 * @param rawBytes uncompressed JSON bytes of the requests that succeeded
 * @param compressedBytes gzip bytes of the requests that succeeded
 * @param elapsed wall time from the call to its completion
 * @param failures rows that did not land, with the reason
 * @param possiblyDuplicated rows that landed, but an earlier attempt carrying them ended with an answer that does not
 *     prove it was not committed (a 5xx, a timeout or closed connection after the request was sent, a proxy's
 *     answer): the service may hold them twice
 * @param inputFailure what the input iterator threw, which ended reading; empty if the input was read to the end
 * @param stoppedReading the permanent error (wrong table, mapping, streaming policy or permission) that made the
 *     call stop reading its input, since every later request would have failed the same way: rows after
 *     {@link #rowsRead()} were not sent. For a {@code List} input they are also listed in {@link #failures()}.
 * @param clientRequestIds the {@code x-ms-client-request-id} of every request (first attempts; a retry appends
 *     {@code ;<attempt>})
 * @param peakBufferedBytes the most bytes (raw and compressed batches) this call held in memory at once
 */
public record IngestResult(
        long rowsRead,
        long rowsIngested,
        long requests,
        long retries,
        long throttled,
        long rawBytes,
        long compressedBytes,
        Duration elapsed,
        List<FailedRows> failures,
        List<RowRange> possiblyDuplicated,
        Optional<Throwable> inputFailure,
        Optional<Throwable> stoppedReading,
        List<String> clientRequestIds,
        long peakBufferedBytes) {

    /** Copies the lists. */
    public IngestResult {
        failures = List.copyOf(failures);
        possiblyDuplicated = List.copyOf(possiblyDuplicated);
        clientRequestIds = List.copyOf(clientRequestIds);
    }

    /** Rows that did not land (the sum over {@link #failures()}). */
    public long rowsFailed() {
        long n = 0;
        for (FailedRows f : failures) {
            n += f.rowCount();
        }
        return n;
    }

    /** True when every row read landed and the input was read to its end. */
    public boolean isComplete() {
        return failures.isEmpty() && inputFailure.isEmpty() && stoppedReading.isEmpty();
    }

    /** A one-line summary. */
    @Override
    public String toString() {
        return "IngestResult[read=" + rowsRead + ", ingested=" + rowsIngested + ", failed=" + rowsFailed()
                + ", requests=" + requests + ", retries=" + retries + ", throttled=" + throttled
                + ", rawBytes=" + rawBytes + ", compressedBytes=" + compressedBytes + ", elapsed=" + elapsed
                + ", possiblyDuplicated=" + possiblyDuplicated
                + inputFailure.map(t -> ", inputFailure=" + t).orElse("")
                + stoppedReading.map(t -> ", stoppedReading=" + t).orElse("") + "]";
    }
}
