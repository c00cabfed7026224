package io.kustotyped.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A batch an ingest call sent through queued ingestion: uploaded as a gzip blob, and an ingestion message posted to
 * the Data Management service's queue. Kusto ingests it later (by the table's batching policy, minutes by default),
 * at least once: a message posted twice (after an ambiguous answer) may ingest the rows twice.
 *
 * @param sourceId the source id ({@code Id} of the ingestion message), the key of Kusto's status reports for it
 * @param ranges the row indexes it carries, as ranges of the input
 * @param rawBytes its uncompressed JSON bytes (sent as {@code RawDataSize})
 * @param blobBytes its gzip bytes (the blob's size)
 * @param blobName the blob's name in its container (no URL: the URL carries a SAS)
 * @param reason why it went queued
 * @param status what is known of its ingestion
 */
public record QueuedBatch(
        String sourceId,
        List<RowRange> ranges,
        long rawBytes,
        long blobBytes,
        String blobName,
        Reason reason,
        Status status) {

    /** Why a batch went queued. */
    public enum Reason {
        /** The ingestor's mode is {@link IngestMode#QUEUED}. */
        QUEUED_MODE,
        /** Managed: the batch is larger than streaming allows (compressed over the limit, or refused as too large). */
        TOO_LARGE,
        /** Managed: streaming ingestion is off for the table or the cluster. */
        STREAMING_OFF,
        /** Managed: streaming was throttled on every attempt. */
        THROTTLED,
        /** Managed: transient failures (5xx, timeouts, closed connections) used up the streaming attempts. */
        TRANSIENT_EXHAUSTED,
        /** Managed: the table was cooling down after throttling or "streaming off", so streaming was not tried. */
        COOLDOWN
    }

    /** What is known of a queued batch's ingestion. */
    public enum Status {
        /** The message is in the queue; its outcome was not tracked ({@link IngestOptions#getQueuedStatusTimeout()}). */
        QUEUED,
        /** Tracked, and still pending when the call stopped waiting; Kusto may still ingest it. */
        PENDING,
        /** Tracked: Kusto ingested it. */
        SUCCEEDED,
        /** Tracked: Kusto failed to ingest it (its rows are in {@link IngestResult#failures()}). */
        FAILED
    }

    /** Copies the ranges. */
    public QueuedBatch {
        Objects.requireNonNull(sourceId, "sourceId");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
    }

    /** The number of rows. */
    public long rowCount() {
        long n = 0;
        for (RowRange r : ranges) {
            n += r.size();
        }
        return n;
    }

    /** The same batch with another status. */
    QueuedBatch withStatus(Status s) {
        return new QueuedBatch(sourceId, ranges, rawBytes, blobBytes, blobName, reason, s);
    }
}
