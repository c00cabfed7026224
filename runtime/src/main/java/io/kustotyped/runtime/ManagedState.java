package io.kustotyped.runtime;

import java.time.Duration;

/**
 * The per-table memory of {@link IngestMode#MANAGED}, shared by every call of one ingestor: until when the table stays
 * queued after a throttling streak or a "streaming off" answer (docs/managed-ingestion.md §3). When the cool-down is
 * over, the next batch probes streaming again. Thread-safe. Internal.
 */
final class ManagedState {

    private long queuedUntilNanos;
    private boolean cooling;
    private QueuedBatch.Reason reason;
    private long cooldowns;

    /** True while the table is cooling down: send batches queued without trying streaming. */
    synchronized boolean queuedNow() {
        if (cooling && System.nanoTime() - queuedUntilNanos >= 0) {
            cooling = false; // the next batch probes streaming
        }
        return cooling;
    }

    /** Starts (or extends) a cool-down. */
    synchronized void coolDown(Duration d, QueuedBatch.Reason why) {
        long until = System.nanoTime() + d.toNanos();
        if (!cooling || until - queuedUntilNanos > 0) {
            queuedUntilNanos = until;
        }
        cooling = true;
        reason = why;
        cooldowns++;
    }

    /** Why the last cool-down started. */
    synchronized QueuedBatch.Reason reason() {
        return reason;
    }

    /** How many cool-downs started (tests, gauges). */
    synchronized long cooldowns() {
        return cooldowns;
    }
}
