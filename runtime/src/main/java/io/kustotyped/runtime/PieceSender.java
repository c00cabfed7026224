package io.kustotyped.runtime;

import io.kustotyped.runtime.IngestListener.Outcome;
import io.kustotyped.runtime.IngestListener.RequestEvent;
import io.kustotyped.runtime.impl.Gzip;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one piece of a batch for an {@link IngestJob}: compresses it on the worker pool, posts it, asks the
 * {@link RetryPolicy} whether and when to send it again, halves a piece the service rejects as too large (413) or that
 * compresses over the limit, and reports every attempt to the {@link IngestListener}. What an error means comes from
 * {@link ErrorRules}. Internal.
 *
 * <p>Once an attempt ends in an answer that does not prove the request was not committed (a 5xx, a timeout, a closed
 * connection, a proxy's page: {@link ErrorRules#provesNotCommitted}), the piece's rows are reported as possibly
 * duplicated if a later attempt succeeds, or as possibly ingested if none does; halves of such a piece inherit it.
 *
 * <p>It keeps no counters of its own: everything it learns goes to the job's {@link Tally}.
 */
final class PieceSender {

    private static final Logger LOG = Logger.getLogger("io.kustotyped.runtime.ingest");

    /** The job's accounting, fed by the sender. Every method may be called from any thread. */
    interface Tally {
        /** Bytes held by the job grew (or shrank, when negative). */
        void buffered(long delta);

        /** A piece got its request id; its attempts reuse it. */
        void requestId(String baseId);

        /** A request is about to be sent; {@code retry} when it is not the first attempt. */
        void attempted(boolean retry);

        /** The service answered 429. */
        void throttled();

        /** The piece landed; {@code possiblyDuplicated} when an earlier attempt may have landed too. */
        void ingested(Piece p, int compressedLength, boolean possiblyDuplicated);

        /** The piece went queued: its blob is uploaded and its message posted. */
        void queued(Piece p, QueuedBatch batch, QueuedIngest.Posted posted, boolean possiblyDuplicated);

        /** The piece's rows failed. */
        void failed(Piece p, Throwable cause, boolean possiblyIngested);

        /** A fatal error: the job stops reading its input (only the first cause is kept). */
        void abort(Throwable cause);
    }

    private final IngestJob.Context<?> c;
    private final Tally tally;
    private final RetryPolicy retries;

    /**
     * @param context the ingestor's parts
     * @param tally where results and counters go
     */
    PieceSender(IngestJob.Context<?> context, Tally tally) {
        this.c = context;
        this.tally = tally;
        this.retries = new RetryPolicy(context.options());
    }

    /** Compresses and sends a piece; the future completes (never fails) once all its rows are accounted for. */
    Future<Void> process(Piece p) {
        IngestOptions o = c.options();
        IngestMode mode = o.getMode();
        QueuedBatch.Reason queuedWhy = mode == IngestMode.QUEUED
                ? QueuedBatch.Reason.QUEUED_MODE
                : mode == IngestMode.MANAGED && c.managed().queuedNow() ? QueuedBatch.Reason.COOLDOWN : null;
        int limit = queuedWhy != null ? Integer.MAX_VALUE - 64 : o.getMaxCompressedBatchBytes();
        return c.workers()
                .<Buffer>executeBlocking(() -> compress(p, o, limit), false)
                .compose(
                        gz -> {
                            QueuedBatch.Reason why = queuedWhy;
                            if (why == null
                                    && mode == IngestMode.MANAGED
                                    && gz.length() > o.getMaxCompressedBatchBytes()) {
                                // docs/managed-ingestion.md §3: larger than streaming allows, so queued, unsplit.
                                why = QueuedBatch.Reason.TOO_LARGE;
                            }
                            if (why != null) {
                                tally.buffered(gz.length());
                                return queue(p, gz, why, p.possiblyCommitted())
                                        .andThen(x -> tally.buffered(-gz.length()));
                            }
                            if (gz.length() > o.getMaxCompressedBatchBytes()) {
                                if (p.rows() == 1) {
                                    long idx = p.batch().index[p.from()];
                                    tally.failed(
                                            p,
                                            new RowTooLargeException(
                                                    idx,
                                                    "row " + idx + " is " + gz.length()
                                                            + " bytes gzip-compressed, over maxCompressedBatchBytes="
                                                            + o.getMaxCompressedBatchBytes()
                                                            + ": it can never be sent"),
                                            p.possiblyCommitted());
                                    return Future.succeededFuture();
                                }
                                return split(p, p.possiblyCommitted());
                            }
                            tally.buffered(gz.length());
                            Flight f = new Flight(p, gz, HttpKustoClient.newRequestId(o.getClientRequestIdPrefix()));
                            tally.requestId(f.baseId);
                            attempt(f, 0, p.possiblyCommitted());
                            // The compressed body is let go before the halves are compressed, keeping the memory bound.
                            return f.done.future().compose(splitAmbiguous -> {
                                tally.buffered(-gz.length());
                                return splitAmbiguous == null ? Future.succeededFuture() : split(p, splitAmbiguous);
                            });
                        },
                        err -> {
                            tally.failed(p, err, p.possiblyCommitted());
                            return Future.succeededFuture();
                        });
    }

    /**
     * Compresses a piece into its batch's reusable body buffer and returns a slice of it (a view, not a copy, of
     * exactly the gzip member's length). A batch's pieces are processed one after the other and each next one is
     * compressed only once the previous one's request has settled (or was never sent), so the buffer is never
     * rewritten while a request may read it; it goes back to the slot's pool with the batch. Over the limit, the piece
     * is compressed into a new buffer instead, only to learn its exact size (for the split or the error).
     */
    private static Buffer compress(Piece p, IngestOptions o, int max) {
        Batch b = p.batch();
        int level = o.getGzipEncoder() == GzipEncoder.JSON_LINES ? Gzip.JSON_LINES : o.getGzipLevel();
        int n = Gzip.compressInto(b.buffers, b.raw, p.start(), p.rawLength(), level, max);
        if (n < 0) {
            return Gzip.compress(b.raw, p.start(), p.rawLength(), level);
        }
        return b.buffers.gz.slice(0, n);
    }

    /** Halves a piece and processes the halves one after the other (413, or compressed over the limit). */
    private Future<Void> split(Piece p, boolean possiblyCommitted) {
        int mid = (p.from() + p.to()) >>> 1;
        return process(new Piece(p.batch(), p.from(), mid, possiblyCommitted))
                .compose(v -> process(new Piece(p.batch(), mid, p.to(), possiblyCommitted)));
    }

    /** One piece on its way: its body, its request id and when its attempts started. */
    private static final class Flight {
        final Piece piece;
        final Buffer gz;
        final String baseId;
        final long startNanos = System.nanoTime();
        /** Completes when the piece is accounted for: null, or whether the halves may have been committed. */
        final Promise<Boolean> done = Promise.promise();

        Flight(Piece piece, Buffer gz, String baseId) {
            this.piece = piece;
            this.gz = gz;
            this.baseId = baseId;
        }
    }

    private void attempt(Flight f, int attempt, boolean ambiguous) {
        // Retries reuse the uuid and append ";<attempt>" so the service's logs correlate them.
        String id = attempt == 0 ? f.baseId : f.baseId + ";" + attempt;
        long deadline = f.startNanos + c.options().getRetryBudget().toNanos();
        long t0 = System.nanoTime();
        tally.attempted(attempt > 0);
        Future<StreamIngestResult> sent;
        try {
            sent = c.client()
                    .streamIngest(c.database(), c.table(), c.options().getStreamFormat(), c.mappingName(), f.gz, id);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        sent.onComplete(ar -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            Piece p = f.piece;
            if (ar.succeeded()) {
                tally.ingested(p, f.gz.length(), ambiguous);
                emit(f, id, attempt, latency, ar.result().status(), Outcome.SUCCEEDED, null, IngestMode.STREAMING);
                f.done.complete(null);
                return;
            }
            Throwable e = ar.cause();
            int status = e instanceof KustoServiceException k ? k.status() : 0;
            if (status == 429) {
                tally.throttled();
            }
            boolean nowAmbiguous = ambiguous || !ErrorRules.provesNotCommitted(e);
            ErrorRules.Kind kind = ErrorRules.kindOf(e);
            long delay = retries.delayMillis(e, attempt, deadline);
            if (c.options().getMode() == IngestMode.MANAGED) {
                boolean attemptsLeft = delay >= 0 && attempt + 1 < c.options().getManagedStreamingAttempts();
                QueuedBatch.Reason why = fallbackReason(ErrorRules.fallbackOf(e, attemptsLeft));
                if (why != null) {
                    emit(f, id, attempt, latency, status, Outcome.FELL_BACK, e, IngestMode.STREAMING);
                    queue(p, f.gz, why, nowAmbiguous).onComplete(x -> f.done.complete(null));
                    return;
                }
            }
            if (kind == ErrorRules.Kind.TOO_LARGE) {
                if (p.rows() > 1) {
                    emit(f, id, attempt, latency, status, Outcome.SPLIT, e, IngestMode.STREAMING);
                    f.done.complete(nowAmbiguous);
                } else {
                    long idx = p.batch().index[p.from()];
                    emit(f, id, attempt, latency, status, Outcome.FAILED, e, IngestMode.STREAMING);
                    tally.failed(
                            p,
                            new RowTooLargeException(
                                    idx, "row " + idx + " was rejected by the service as too large: " + e.getMessage()),
                            nowAmbiguous);
                    f.done.complete(null);
                }
                return;
            }
            if (delay >= 0) {
                emit(f, id, attempt, latency, status, Outcome.RETRYING, e, IngestMode.STREAMING);
                c.vertx().setTimer(delay, t -> attempt(f, attempt + 1, nowAmbiguous));
                return;
            }
            emit(f, id, attempt, latency, status, Outcome.FAILED, e, IngestMode.STREAMING);
            Throwable reported = retries.gaveUp(
                    c.hinter().apply(e), attempt + 1, Duration.ofNanos(System.nanoTime() - f.startNanos));
            if (kind == ErrorRules.Kind.TARGET_MISSING) {
                // Every later request would fail the same way: the job stops reading (the unread rows are reported).
                tally.abort(reported);
            }
            tally.failed(p, reported, nowAmbiguous);
            f.done.complete(null);
        });
    }

    private static QueuedBatch.Reason fallbackReason(ErrorRules.Fallback f) {
        return switch (f) {
            case NONE -> null;
            case TOO_LARGE -> QueuedBatch.Reason.TOO_LARGE;
            case STREAMING_OFF -> QueuedBatch.Reason.STREAMING_OFF;
            case THROTTLED -> QueuedBatch.Reason.THROTTLED;
            case TRANSIENT_EXHAUSTED -> QueuedBatch.Reason.TRANSIENT_EXHAUSTED;
        };
    }

    // ---------------------------------------------------------------- queued

    /**
     * Sends a piece queued (blob plus message, docs/managed-ingestion.md §1), retrying transient failures with the
     * same source id by the {@link RetryPolicy}; completes (never fails) once its rows are accounted for. In managed
     * mode a throttling or streaming-off fallback starts the table's cool-down.
     *
     * @param ambiguous an earlier streaming attempt may have committed the rows
     */
    private Future<Void> queue(Piece p, Buffer gz, QueuedBatch.Reason why, boolean ambiguous) {
        IngestOptions o = c.options();
        if (why == QueuedBatch.Reason.THROTTLED) {
            c.managed().coolDown(o.getThrottleCooldown(), why);
        } else if (why == QueuedBatch.Reason.STREAMING_OFF) {
            c.managed().coolDown(o.getStreamingOffCooldown(), why);
        }
        if (!(c.client() instanceof HttpKustoClient http)) {
            tally.failed(
                    p,
                    new UnsupportedOperationException("queued ingestion needs a client made by KustoClient.create, "
                            + "not " + c.client().getClass().getName()),
                    ambiguous);
            return Future.succeededFuture();
        }
        Flight f = new Flight(p, gz, HttpKustoClient.newRequestId(o.getClientRequestIdPrefix()));
        tally.requestId(f.baseId);
        QueuedIngest.Request r = new QueuedIngest.Request(
                c.database(),
                c.table(),
                c.mappingName(),
                o.getStreamFormat(),
                gz,
                p.rawLength(),
                UUID.randomUUID().toString(),
                o.getQueuedStatusTimeout().compareTo(Duration.ZERO) > 0,
                f.baseId,
                new AtomicBoolean());
        attemptQueued(http.queued(), f, r, why, 0, ambiguous);
        return f.done.future().mapEmpty();
    }

    private void attemptQueued(
            QueuedIngest queued, Flight f, QueuedIngest.Request r, QueuedBatch.Reason why, int attempt, boolean amb) {
        long t0 = System.nanoTime();
        tally.attempted(attempt > 0);
        String id = attempt == 0 ? f.baseId : f.baseId + ";" + attempt;
        queued.send(r).onComplete(ar -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            Piece p = f.piece;
            boolean ambiguous = amb || r.ambiguous().get();
            if (ar.succeeded()) {
                QueuedIngest.Posted posted = ar.result();
                QueuedBatch batch = new QueuedBatch(
                        r.sourceId(),
                        p.ranges(),
                        p.rawLength(),
                        f.gz.length(),
                        posted.blobName(),
                        why,
                        QueuedBatch.Status.QUEUED);
                tally.queued(p, batch, posted, ambiguous);
                emit(f, id, attempt, latency, 201, Outcome.QUEUED, null, IngestMode.QUEUED);
                f.done.complete(null);
                return;
            }
            Throwable e = ar.cause();
            int status = e instanceof KustoStorageException s ? s.status() : 0;
            long delay = retries.delayMillis(
                    e, attempt, f.startNanos + c.options().getRetryBudget().toNanos());
            if (delay >= 0) {
                emit(f, id, attempt, latency, status, Outcome.RETRYING, e, IngestMode.QUEUED);
                c.vertx().setTimer(delay, t -> attemptQueued(queued, f, r, why, attempt + 1, ambiguous));
                return;
            }
            emit(f, id, attempt, latency, status, Outcome.FAILED, e, IngestMode.QUEUED);
            tally.failed(
                    p, retries.gaveUp(e, attempt + 1, Duration.ofNanos(System.nanoTime() - f.startNanos)), ambiguous);
            f.done.complete(null);
        });
    }

    private void emit(
            Flight f,
            String id,
            int attempt,
            Duration latency,
            int status,
            Outcome outcome,
            Throwable error,
            IngestMode mode) {
        IngestListener listener = c.options().getListener();
        if (outcome == Outcome.FAILED && LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Ingestion request " + id + " into " + c.table() + " failed: " + error);
        }
        if (listener == IngestListener.NONE) {
            return;
        }
        try {
            listener.onRequest(new RequestEvent(
                    c.database(),
                    c.table(),
                    id,
                    attempt,
                    f.piece.rows(),
                    f.piece.rawLength(),
                    f.gz.length(),
                    latency,
                    status,
                    status == 429,
                    outcome,
                    error,
                    mode));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "IngestListener threw; ignored", e);
        }
    }
}
