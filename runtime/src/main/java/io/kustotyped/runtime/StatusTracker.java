package io.kustotyped.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Waits for the outcome of an ingest call's queued batches (docs/managed-ingestion.md §4): reads each batch's row in
 * the ingestion status table (written {@code Pending} before its message was posted, updated by Kusto's Data
 * Management service) every poll interval until every batch succeeded or failed, or the timeout passed. A read
 * that fails is tried again at the next poll. Internal.
 */
final class StatusTracker {

    /** One batch to watch. */
    static final class Watched {
        final QueuedBatch batch;
        final QueuedIngest.Posted posted;
        QueuedBatch.Status status = QueuedBatch.Status.PENDING;
        QueuedIngestionException failure;

        Watched(QueuedBatch batch, QueuedIngest.Posted posted) {
            this.batch = batch;
            this.posted = posted;
        }
    }

    private final Vertx vertx;
    private final QueuedIngest queued;
    private final Duration interval;
    private final long deadlineNanos;
    private final List<Watched> watched;
    private final Promise<List<Watched>> done = Promise.promise();

    private StatusTracker(Vertx vertx, QueuedIngest queued, Duration interval, Duration timeout, List<Watched> w) {
        this.vertx = vertx;
        this.queued = queued;
        this.interval = interval;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.watched = w;
    }

    /** Polls until every batch is final or the timeout passed; batches still pending stay {@code PENDING}. */
    static Future<List<Watched>> track(
            Vertx vertx, QueuedIngest queued, Duration interval, Duration timeout, List<Watched> batches) {
        StatusTracker t = new StatusTracker(vertx, queued, interval, timeout, batches);
        t.poll();
        return t.done.future();
    }

    private void poll() {
        List<Future<Void>> reads = new ArrayList<>();
        for (Watched w : watched) {
            if (w.status == QueuedBatch.Status.PENDING) {
                reads.add(queued.status(w.posted, HttpKustoClient.newRequestId("kusto-typed.status"))
                        .map(row -> {
                            update(w, row);
                            return (Void) null;
                        })
                        .otherwiseEmpty());
            }
        }
        Future.join(reads).onComplete(x -> {
            boolean pending = watched.stream().anyMatch(w -> w.status == QueuedBatch.Status.PENDING);
            long left = deadlineNanos - System.nanoTime();
            if (!pending || left <= 0) {
                for (Watched w : watched) {
                    if (w.status == QueuedBatch.Status.PENDING) {
                        w.failure = new QueuedIngestionException(
                                "Queued batch " + w.batch.sourceId() + " (" + w.batch.ranges() + ") was still pending "
                                        + "after IngestOptions queuedStatusTimeout; Kusto may still ingest it",
                                w.batch.sourceId(),
                                null,
                                null,
                                true);
                    }
                }
                done.complete(watched);
                return;
            }
            vertx.setTimer(Math.max(1, Math.min(interval.toMillis(), left / 1_000_000)), t -> poll());
        });
    }

    private static void update(Watched w, JsonObject row) {
        if (row == null) {
            return; // not written yet (eventual) or the DM has not updated it
        }
        String status = str(row, "Status");
        status = status == null ? "pending" : status.toLowerCase(Locale.ROOT);
        switch (status) {
            case "succeeded", "skipped" -> w.status = QueuedBatch.Status.SUCCEEDED;
            case "failed", "partiallysucceeded" -> {
                w.status = QueuedBatch.Status.FAILED;
                String code = str(row, "ErrorCode");
                String failureStatus = str(row, "FailureStatus");
                String details = str(row, "Details");
                w.failure = new QueuedIngestionException(
                        "Kusto failed to ingest queued batch " + w.batch.sourceId() + " (" + w.batch.ranges() + "): "
                                + (code == null ? "no error code" : code)
                                + (failureStatus == null ? "" : " (" + failureStatus + ")")
                                + (details == null || details.isBlank() ? "" : ": " + details),
                        w.batch.sourceId(),
                        code,
                        failureStatus,
                        false);
            }
            default -> {} // Pending; Queued means untracked and never changes, but these batches are tracked
        }
    }

    private static String str(JsonObject row, String key) {
        Object v = row.getValue(key);
        return v == null ? null : v.toString();
    }
}
