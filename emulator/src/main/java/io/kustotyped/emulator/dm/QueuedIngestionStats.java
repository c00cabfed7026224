package io.kustotyped.emulator.dm;

/**
 * Counters of the emulator's Data Management side since it started.
 *
 * @param messages ingestion messages taken from the queue (a message delivered again counts again)
 * @param badMessages messages that could not be decoded (dropped, as they carry no report settings)
 * @param blobs blobs ingested
 * @param rows rows committed from blobs
 * @param failures messages that failed to ingest (reported per their ReportLevel/ReportMethod)
 * @param blobReadFailures failed blob reads (retried up to 3 reads of the message, then reported)
 * @param duplicateSources blobs ingested although their source id had been ingested before (a message delivered
 *     more than once, e.g. re-posted or left in the queue by a crash after the commit)
 * @param duplicateRows the rows those duplicates committed
 * @param faultsInjected DM faults injected (throttled commands, failed blob reads, failed ingestions)
 */
public record QueuedIngestionStats(
        long messages,
        long badMessages,
        long blobs,
        long rows,
        long failures,
        long blobReadFailures,
        long duplicateSources,
        long duplicateRows,
        long faultsInjected) {}
