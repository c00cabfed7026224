package io.kustotyped.runtime;

/**
 * How an ingestor sends its batches to Kusto ({@link IngestOptions#setMode}).
 *
 * <ul>
 *   <li>{@link #STREAMING}: every batch is a streaming-ingestion request (low latency, at most 4 MiB per request).
 *   <li>{@link #QUEUED}: every batch is uploaded as a gzip blob to the storage the cluster's Data Management service
 *       hands out, and an ingestion message is posted to its queue; Kusto ingests it later (minutes, by the table's
 *       batching policy). For backfills and volumes beyond about 4 GB per hour per table.
 *   <li>{@link #MANAGED}: streams first, and sends a batch queued when it is larger than streaming allows, when
 *       streaming is off for the table, or when transient failures used up the streaming attempts; after throttling
 *       or "streaming off" the table stays queued for a cool-down, then streaming is probed again. The decision table
 *       is in docs/managed-ingestion.md.
 * </ul>
 *
 * <p>Queued ingestion is at-least-once: a batch whose message post ended without a clear answer is posted again and
 * may be ingested twice; such rows are listed in {@link IngestResult#possiblyDuplicated()}.
 */
public enum IngestMode {
    /** Streaming ingestion only (the default). */
    STREAMING,
    /** Queued ingestion only: blob upload plus queue message. */
    QUEUED,
    /** Streaming, falling back to queued per batch (docs/managed-ingestion.md). */
    MANAGED
}
