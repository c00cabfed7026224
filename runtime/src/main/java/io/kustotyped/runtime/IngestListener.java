package io.kustotyped.runtime;

import java.time.Duration;

/**
 * Sees the outcome of every ingestion request (metrics, tracing). Called on a Vert.x thread: do not block.
 * Exceptions thrown by the listener are logged and otherwise ignored.
 */
@FunctionalInterface
public interface IngestListener {

    /** The listener that does nothing. */
    IngestListener NONE = event -> {};

    /** One request attempt finished. */
    void onRequest(RequestEvent event);

    /** What happened to a request attempt. */
    enum Outcome {
        /** HTTP 200: the rows are committed. */
        SUCCEEDED,
        /** Failed transiently; it will be retried. */
        RETRYING,
        /** The service said the body is too large; the rows are split and sent again. */
        SPLIT,
        /** Failed for good; the rows are reported as failed. */
        FAILED,
        /** Managed mode: streaming failed (or was not tried) and the batch goes queued instead. */
        FELL_BACK,
        /** Queued: the blob is uploaded and the ingestion message posted; Kusto ingests it later. */
        QUEUED
    }

    /**
     * One request attempt.
     *
     * @param database the database
     * @param table the table
     * @param clientRequestId the request id sent
     * @param attempt 0 for the first attempt, 1 for the first retry, ...
     * @param rows rows in the body
     * @param rawBytes uncompressed body bytes
     * @param compressedBytes gzip body bytes
     * @param latency from sending to the response (or failure)
     * @param status the HTTP status, or 0 when no response came
     * @param throttled true for a 429
     * @param outcome what happens next
     * @param error the failure, or null on success
     * @param mode how this attempt sent its rows: {@link IngestMode#STREAMING} (a streaming-ingest request) or
     *     {@link IngestMode#QUEUED} (a blob upload and a queue message; {@code MANAGED} batches report each
     *     attempt under the mode it used)
     */
    record RequestEvent(
            String database,
            String table,
            String clientRequestId,
            int attempt,
            int rows,
            long rawBytes,
            long compressedBytes,
            Duration latency,
            int status,
            boolean throttled,
            Outcome outcome,
            Throwable error,
            IngestMode mode) {}
}
