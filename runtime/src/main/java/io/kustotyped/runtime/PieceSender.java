package io.kustotyped.runtime;

import io.kustotyped.runtime.IngestListener.Outcome;
import io.kustotyped.runtime.IngestListener.RequestEvent;
import io.kustotyped.runtime.impl.Gzip;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one piece of a batch for an {@link IngestJob}: compresses it on the worker pool, posts it, retries transient
 * failures with exponential backoff and full jitter (never less than {@code Retry-After}) within the retry budget,
 * halves a piece the service rejects as too large (413) or that compresses over the limit, classifies permanent
 * errors (and the fatal ones that stop the job reading), and reports every attempt to the {@link IngestListener}.
 * Internal.
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

        /** The piece's rows failed. */
        void failed(Piece p, Throwable cause, boolean possiblyIngested);

        /** A fatal error: the job stops reading its input (only the first cause is kept). */
        void abort(Throwable cause);
    }

    private final IngestJob.Context<?> c;
    private final Tally tally;

    /**
     * @param context the ingestor's parts
     * @param tally where results and counters go
     */
    PieceSender(IngestJob.Context<?> context, Tally tally) {
        this.c = context;
        this.tally = tally;
    }

    /** Compresses and sends a piece; the future completes (never fails) once all its rows are accounted for. */
    Future<Void> process(Piece p) {
        IngestOptions o = c.options();
        return c.workers()
                .<Buffer>executeBlocking(() -> compress(p, o), false)
                .compose(
                        gz -> {
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
                                            false);
                                    return Future.succeededFuture();
                                }
                                return split(p);
                            }
                            tally.buffered(gz.length());
                            Promise<Boolean> done = Promise.promise(); // true: the service said too large, split it
                            String baseId = HttpKustoClient.newRequestId(o.getClientRequestIdPrefix());
                            tally.requestId(baseId);
                            long deadline =
                                    System.nanoTime() + o.getRetryBudget().toNanos();
                            attempt(p, gz, baseId, 0, deadline, false, done);
                            // The compressed body is let go before the halves are compressed, keeping the memory bound.
                            return done.future().compose(tooLarge -> {
                                tally.buffered(-gz.length());
                                return tooLarge ? split(p) : Future.succeededFuture();
                            });
                        },
                        err -> {
                            tally.failed(p, err, false);
                            return Future.succeededFuture();
                        });
    }

    /**
     * Compresses a piece into its batch's reusable gzip array and wraps it, without a copy, as the request body. A
     * batch's pieces are processed one after the other and each next one is compressed only once the previous one's
     * request has settled (or was never sent), so the array is never rewritten while a request may read it; it goes
     * back to the slot's pool with the batch. Over the limit, the piece is compressed into a new buffer instead, only
     * to learn its exact size (for the split or the error).
     */
    private static Buffer compress(Piece p, IngestOptions o) {
        Batch b = p.batch();
        int max = o.getMaxCompressedBatchBytes();
        int n = Gzip.compressInto(b.buffers, b.raw, p.start(), p.rawLength(), o.getGzipLevel(), max);
        if (n < 0 || n > max) {
            return Gzip.compress(b.raw, p.start(), p.rawLength(), o.getGzipLevel());
        }
        return BufferInternal.buffer(Unpooled.wrappedBuffer(b.buffers.gz, 0, n));
    }

    /** Halves a piece and processes the halves one after the other (413, or compressed over the limit). */
    private Future<Void> split(Piece p) {
        int mid = (p.from() + p.to()) >>> 1;
        return process(new Piece(p.batch(), p.from(), mid)).compose(v -> process(new Piece(p.batch(), mid, p.to())));
    }

    private void attempt(
            Piece p, Buffer gz, String baseId, int attempt, long deadline, boolean ambiguous, Promise<Boolean> done) {
        // Retries reuse the uuid and append ";<attempt>" so the service's logs correlate them.
        String id = attempt == 0 ? baseId : baseId + ";" + attempt;
        long t0 = System.nanoTime();
        tally.attempted(attempt > 0);
        Future<StreamIngestResult> f;
        try {
            f = c.client()
                    .streamIngest(c.database(), c.table(), c.options().getStreamFormat(), c.mappingName(), gz, id);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        f.onComplete(ar -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            if (ar.succeeded()) {
                tally.ingested(p, gz.length(), ambiguous);
                emit(p, gz, id, attempt, latency, ar.result().status(), Outcome.SUCCEEDED, null);
                done.complete(false);
                return;
            }
            Throwable e = ar.cause();
            int status = e instanceof KustoServiceException k ? k.status() : 0;
            if (status == 429) {
                tally.throttled();
            }
            boolean nowAmbiguous = ambiguous || (e instanceof KustoTransportException t && t.requestSent());
            if (e instanceof KustoServiceException k && k.isPayloadTooLarge()) {
                if (p.rows() > 1) {
                    emit(p, gz, id, attempt, latency, status, Outcome.SPLIT, e);
                    done.complete(true);
                } else {
                    long idx = p.batch().index[p.from()];
                    emit(p, gz, id, attempt, latency, status, Outcome.FAILED, e);
                    tally.failed(
                            p,
                            new RowTooLargeException(
                                    idx, "row " + idx + " was rejected by the service as too large: " + k.getMessage()),
                            nowAmbiguous);
                    done.complete(false);
                }
                return;
            }
            boolean isTransient = e instanceof KustoException ke && ke.isTransient();
            if (isTransient && attempt + 1 < c.options().getMaxAttempts()) {
                long delayMs = backoffMillis(
                        attempt,
                        e instanceof KustoServiceException k ? k.retryAfter().orElse(null) : null);
                if (System.nanoTime() + delayMs * 1_000_000L < deadline) {
                    emit(p, gz, id, attempt, latency, status, Outcome.RETRYING, e);
                    c.vertx()
                            .setTimer(
                                    Math.max(1, delayMs),
                                    t -> attempt(p, gz, baseId, attempt + 1, deadline, nowAmbiguous, done));
                    return;
                }
            }
            emit(p, gz, id, attempt, latency, status, Outcome.FAILED, e);
            Throwable reported = c.hinter().apply(e);
            if (isFatal(e)) {
                tally.abort(reported);
            }
            tally.failed(p, reported, nowAmbiguous);
            done.complete(false);
        });
    }

    /**
     * A permanent error about the target rather than the data: every later request would fail the same way, so the
     * job stops reading its input (the rows not read are reported).
     */
    static boolean isFatal(Throwable e) {
        if (!(e instanceof KustoServiceException k) || k.isTransient() || k.isPayloadTooLarge()) {
            return false;
        }
        String code = k.code() == null ? "" : k.code();
        return k.status() == 401
                || k.status() == 403
                || k.status() == 404
                || code.contains("TableNotExist")
                || code.contains("DatabaseNotExist")
                || code.contains("MappingReferenceWasNotFound")
                || code.contains("StreamingIngestion")
                || code.contains("NotFound")
                || code.contains("AccessDenied")
                || code.contains("Forbidden");
    }

    /** Exponential backoff with full jitter, at least what {@code Retry-After} asked for. */
    private long backoffMillis(int attempt, Duration retryAfter) {
        IngestOptions o = c.options();
        long cap = o.getInitialBackoff().toMillis() << Math.min(attempt, 20);
        cap = Math.min(Math.max(cap, 0), o.getMaxBackoff().toMillis());
        long delay = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        if (retryAfter != null) {
            delay = Math.max(delay, retryAfter.toMillis());
        }
        return delay;
    }

    private void emit(
            Piece p,
            Buffer gz,
            String id,
            int attempt,
            Duration latency,
            int status,
            Outcome outcome,
            Throwable error) {
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
                    p.rows(),
                    p.rawLength(),
                    gz.length(),
                    latency,
                    status,
                    status == 429,
                    outcome,
                    error));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "IngestListener threw; ignored", e);
        }
    }
}
