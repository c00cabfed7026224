package io.kustotyped.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one ingest call (or one {@link KustoWriteStream}) did. Every input row is either counted in
 * {@link #rowsIngested()} or listed in {@link #failures()}; rows after an {@link #inputFailure()} were never read.
 *
 * <p>Immutable. Only the runtime creates results (the constructor is not public), so accessors can be added in later
 * versions without breaking callers.
 */
public final class IngestResult {

    private final long rowsRead;
    private final long rowsIngested;
    private final long requests;
    private final long retries;
    private final long throttled;
    private final long rawBytes;
    private final long compressedBytes;
    private final Duration elapsed;
    private final List<FailedRows> failures;
    private final List<RowRange> possiblyDuplicated;
    private final Optional<Throwable> inputFailure;
    private final Optional<Throwable> stoppedReading;
    private final List<String> clientRequestIds;
    private final long peakBufferedBytes;
    private final List<QueuedBatch> queuedBatches;

    /** The lists are copied. */
    IngestResult(
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
            long peakBufferedBytes,
            List<QueuedBatch> queuedBatches) {
        this.rowsRead = rowsRead;
        this.rowsIngested = rowsIngested;
        this.requests = requests;
        this.retries = retries;
        this.throttled = throttled;
        this.rawBytes = rawBytes;
        this.compressedBytes = compressedBytes;
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.failures = List.copyOf(failures);
        this.possiblyDuplicated = List.copyOf(possiblyDuplicated);
        this.inputFailure = Objects.requireNonNull(inputFailure, "inputFailure");
        this.stoppedReading = Objects.requireNonNull(stoppedReading, "stoppedReading");
        this.clientRequestIds = List.copyOf(clientRequestIds);
        this.peakBufferedBytes = peakBufferedBytes;
        this.queuedBatches = List.copyOf(queuedBatches);
    }

    /** Rows taken from the input. */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Rows the service confirmed: by a streaming request's HTTP 200, or for a queued batch by the storage queue's
     * acceptance of its ingestion message (Kusto ingests it later, at least once; with
     * {@link IngestOptions#getQueuedStatusTimeout()} the call waits for the outcome and lists a failed batch's rows
     * in {@link #failures()} instead).
     */
    public long rowsIngested() {
        return rowsIngested;
    }

    /**
     * Attempts sent, retries included: streaming requests, and queued attempts (a blob upload with its queue message).
     */
    public long requests() {
        return requests;
    }

    /** Requests that were retries of an earlier one. */
    public long retries() {
        return retries;
    }

    /** Requests the service answered with 429. */
    public long throttled() {
        return throttled;
    }

    /** Uncompressed JSON bytes of the requests that succeeded. */
    public long rawBytes() {
        return rawBytes;
    }

    /** Gzip bytes of the requests that succeeded. */
    public long compressedBytes() {
        return compressedBytes;
    }

    /** Wall time from the call to its completion. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Rows that did not land, with the reason, in input order. */
    public List<FailedRows> failures() {
        return failures;
    }

    /**
     * Rows that landed, but an earlier attempt carrying them ended with an answer that does not prove it was not
     * committed (a 5xx, a timeout or closed connection after the request was sent, a proxy's answer): the service
     * may hold them twice.
     */
    public List<RowRange> possiblyDuplicated() {
        return possiblyDuplicated;
    }

    /** What the input iterator threw, which ended reading; empty if the input was read to the end. */
    public Optional<Throwable> inputFailure() {
        return inputFailure;
    }

    /**
     * The permanent error (wrong table, mapping, streaming policy or permission) that made the call stop reading its
     * input, since every later request would have failed the same way: rows after {@link #rowsRead()} were not sent.
     * For a {@code List} input they are also listed in {@link #failures()}.
     */
    public Optional<Throwable> stoppedReading() {
        return stoppedReading;
    }

    /**
     * The {@code x-ms-client-request-id} of every request (first attempts; a retry appends {@code ;<attempt>}).
     */
    public List<String> clientRequestIds() {
        return clientRequestIds;
    }

    /** The most bytes (raw and compressed batches) this call held in memory at once. */
    public long peakBufferedBytes() {
        return peakBufferedBytes;
    }

    /**
     * The batches sent through queued ingestion (mode {@link IngestMode#QUEUED}, or {@link IngestMode#MANAGED}
     * fallbacks), in input order, with their source ids, sizes, why they went queued and what is known of their
     * ingestion.
     */
    public List<QueuedBatch> queuedBatches() {
        return queuedBatches;
    }

    /** Rows sent through queued ingestion (the sum over {@link #queuedBatches()}). */
    public long rowsQueued() {
        long n = 0;
        for (QueuedBatch b : queuedBatches) {
            n += b.rowCount();
        }
        return n;
    }

    /** Batches that managed mode sent queued instead of streaming (every queued batch not of mode QUEUED). */
    public long fallbacks() {
        return queuedBatches.stream()
                .filter(b -> b.reason() != QueuedBatch.Reason.QUEUED_MODE)
                .count();
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
                + (queuedBatches.isEmpty()
                        ? ""
                        : ", queuedBatches=" + queuedBatches.size() + ", rowsQueued=" + rowsQueued())
                + ", possiblyDuplicated=" + possiblyDuplicated
                + inputFailure.map(t -> ", inputFailure=" + t).orElse("")
                + stoppedReading.map(t -> ", stoppedReading=" + t).orElse("") + "]";
    }
}
