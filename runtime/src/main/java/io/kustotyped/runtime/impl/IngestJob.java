package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.FailedRows;
import io.kustotyped.runtime.IngestListener;
import io.kustotyped.runtime.IngestListener.Outcome;
import io.kustotyped.runtime.IngestListener.RequestEvent;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoException;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.KustoTransportException;
import io.kustotyped.runtime.RowRange;
import io.kustotyped.runtime.RowSerializationException;
import io.kustotyped.runtime.RowTooLargeException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One ingest call: pulls rows from an iterator, cuts them into batches at row boundaries, compresses and sends
 * each batch, retries, splits and accounts for every row. Internal.
 *
 * <p>Flow: one fill task at a time (on the worker pool) pulls rows and serializes them into a batch until the raw
 * limit or the row limit; it runs only while it holds one of the ingestor's {@link AsyncSlots}, and the batch keeps
 * that slot until its last request settles. Compression runs on the worker pool too, so batches are compressed in
 * parallel on all cores while the next one is filled; the event loop only sends. Memory is therefore bounded by
 * {@code maxInFlight * (maxRawBatchBytes + maxCompressedBatchBytes)} whatever the input size.
 *
 * @param <T> the row type
 */
public final class IngestJob<T> {

    private static final Logger LOG = Logger.getLogger("io.kustotyped.runtime.ingest");

    /**
     * What a job needs from its ingestor.
     *
     * @param vertx Vert.x (timers)
     * @param workers the pool that serializes and compresses
     * @param client the client
     * @param database the database
     * @param table the table
     * @param mappingName the mapping name sent with every request
     * @param options the options
     * @param slots the ingestor's batch slots
     * @param encoders a per-thread row encoder
     * @param hinter adds the fix to a permanent service error (streaming off, mapping missing, ...)
     */
    public record Context<T>(Vertx vertx, WorkerExecutor workers, KustoClient client, String database, String table,
            String mappingName, IngestOptions options, AsyncSlots slots, ThreadLocal<RowEncoder<T>> encoders,
            UnaryOperator<Throwable> hinter) {
    }

    private final Context<T> c;
    private final Iterator<? extends T> source;
    private final long firstIndex;
    private final long knownSize;
    private final Promise<IngestResult> promise = Promise.promise();
    private final long startNanos = System.nanoTime();

    // Touched only by the single fill task in progress (fills are serialized by 'producing').
    private long nextIndex;
    private byte[] carry;
    private long carryIndex;

    // Guarded by 'this'.
    private boolean producing;
    private boolean exhausted;
    private boolean finished;
    private int active;
    private long rowsRead;
    private long rowsIngested;
    private long requests;
    private long retries;
    private long throttled;
    private long rawBytes;
    private long compressedBytes;
    private long bufferedBytes;
    private long peakBufferedBytes;
    private Throwable inputFailure;
    /** A permanent error that no later request can escape (wrong table, mapping, policy, permission). */
    private volatile Throwable abortCause;
    private boolean stoppedEarly;
    private final List<FailedRows> failures = new ArrayList<>();
    private final List<RowRange> possiblyDuplicated = new ArrayList<>();
    private final List<String> requestIds = new ArrayList<>();

    /**
     * @param context the ingestor's parts
     * @param source the rows, read lazily on worker threads
     * @param firstIndex the index of the first row (non-zero for write-stream flushes)
     * @param knownSize the number of rows in the input when known (a list), else -1
     */
    public IngestJob(Context<T> context, Iterator<? extends T> source, long firstIndex, long knownSize) {
        this.c = context;
        this.source = source;
        this.firstIndex = firstIndex;
        this.knownSize = knownSize;
        this.nextIndex = firstIndex;
    }

    /** Starts the job; the future completes when every row has landed or been reported. */
    public Future<IngestResult> start() {
        pump();
        return promise.future();
    }

    // ---------------------------------------------------------------- filling

    private Batch fill() {
        IngestOptions o = c.options();
        int rawLimit = o.getMaxRawBatchBytes();
        Batch b = new Batch(rawLimit);
        RowEncoder<T> enc = c.encoders().get();
        while (b.rows < o.getMaxBatchRows()) {
            if (abortCause != null) {
                // Stop reading: every later request would fail the same way. A row already read is reported.
                if (carry != null) {
                    b.fail(carryIndex, abortCause);
                    carry = null;
                }
                b.sourceDone = true;
                b.stoppedEarly = hasMore();
                break;
            }
            long idx;
            byte[] src;
            int len;
            boolean fromCarry = carry != null;
            if (fromCarry) {
                idx = carryIndex;
                src = carry;
                len = carry.length;
                carry = null;
            } else {
                T row;
                try {
                    if (!source.hasNext()) {
                        b.sourceDone = true;
                        break;
                    }
                    row = source.next();
                } catch (RuntimeException e) {
                    b.sourceFailure = e;
                    b.sourceDone = true;
                    break;
                }
                idx = nextIndex++;
                b.rowsRead++;
                if (row == null) {
                    b.fail(idx, new NullPointerException("row " + idx + " is null"));
                    continue;
                }
                try {
                    enc.encode(row);
                } catch (RuntimeException | StackOverflowError e) {
                    b.fail(idx, new RowSerializationException(idx, "row " + idx + " could not be serialized: " + e, e));
                    continue;
                }
                src = enc.array();
                len = enc.size();
                if (len + 1 > rawLimit) {
                    b.fail(idx, new RowTooLargeException(idx, "row " + idx + " is " + (len + 1)
                            + " bytes of JSON, over maxRawBatchBytes=" + rawLimit + ": it can never be sent"));
                    continue;
                }
            }
            if (b.length + len + 1 > rawLimit) {
                carry = fromCarry ? src : Arrays.copyOf(src, len);
                carryIndex = idx;
                break;
            }
            b.append(src, len, idx, rawLimit);
        }
        if (carry != null) {
            b.sourceDone = false;
        }
        return b;
    }

    private boolean hasMore() {
        try {
            return source.hasNext();
        } catch (RuntimeException e) {
            return true;
        }
    }

    private void pump() {
        synchronized (this) {
            if (producing || exhausted || finished) {
                return;
            }
            producing = true;
        }
        c.slots().acquire().onComplete(x -> c.workers().executeBlocking(this::fill, false)
                .onComplete(this::onFilled));
    }

    private void onFilled(AsyncResult<Batch> ar) {
        Batch b = null;
        synchronized (this) {
            producing = false;
            if (ar.failed()) {
                inputFailure = ar.cause();
                exhausted = true;
            } else {
                Batch filled = ar.result();
                rowsRead += filled.rowsRead;
                failures.addAll(filled.rowFailures);
                if (filled.sourceFailure != null) {
                    inputFailure = filled.sourceFailure;
                }
                if (filled.sourceDone) {
                    exhausted = true;
                }
                if (filled.stoppedEarly) {
                    stoppedEarly = true;
                }
                if (filled.rows > 0) {
                    active++;
                    buffered(filled.raw.length);
                    b = filled;
                }
            }
        }
        if (b == null) {
            c.slots().release();
        } else {
            Batch batch = b;
            process(new Piece(batch, 0, batch.rows)).onComplete(x -> batchDone(batch));
        }
        pump();
        maybeFinish();
    }

    private void batchDone(Batch b) {
        synchronized (this) {
            active--;
            buffered(-b.raw.length);
            b.raw = null;
        }
        c.slots().release();
        pump();
        maybeFinish();
    }

    private synchronized void buffered(long delta) {
        bufferedBytes += delta;
        peakBufferedBytes = Math.max(peakBufferedBytes, bufferedBytes);
    }

    // ---------------------------------------------------------------- compressing and sending

    private Future<Void> process(Piece p) {
        IngestOptions o = c.options();
        return c.workers().<Buffer>executeBlocking(
                () -> Gzip.compress(p.batch().raw, p.start(), p.rawLength(), o.getGzipLevel()), false)
                .compose(gz -> {
                    if (gz.length() > o.getMaxCompressedBatchBytes()) {
                        if (p.rows() == 1) {
                            long idx = p.batch().index[p.from()];
                            fail(p, new RowTooLargeException(idx, "row " + idx + " is " + gz.length()
                                    + " bytes gzip-compressed, over maxCompressedBatchBytes="
                                    + o.getMaxCompressedBatchBytes() + ": it can never be sent"), false);
                            return Future.succeededFuture();
                        }
                        return split(p);
                    }
                    buffered(gz.length());
                    Promise<Boolean> done = Promise.promise(); // true: the service said too large, split it
                    String baseId = HttpKustoClient.newRequestId(o.getClientRequestIdPrefix());
                    synchronized (this) {
                        requestIds.add(baseId);
                    }
                    long deadline = System.nanoTime() + o.getRetryBudget().toNanos();
                    attempt(p, gz, baseId, 0, deadline, false, done);
                    // The compressed body is let go before the halves are compressed, keeping the memory bound.
                    return done.future().compose(tooLarge -> {
                        buffered(-gz.length());
                        return tooLarge ? split(p) : Future.succeededFuture();
                    });
                }, err -> {
                    fail(p, err, false);
                    return Future.succeededFuture();
                });
    }

    /** Halves a piece and processes the halves one after the other (413, or compressed over the limit). */
    private Future<Void> split(Piece p) {
        int mid = (p.from() + p.to()) >>> 1;
        return process(new Piece(p.batch(), p.from(), mid)).compose(v -> process(new Piece(p.batch(), mid, p.to())));
    }

    private void attempt(Piece p, Buffer gz, String baseId, int attempt, long deadline, boolean ambiguous,
            Promise<Boolean> done) {
        // Retries reuse the uuid and append ";<attempt>" so the service's logs correlate them.
        String id = attempt == 0 ? baseId : baseId + ";" + attempt;
        long t0 = System.nanoTime();
        synchronized (this) {
            requests++;
            if (attempt > 0) {
                retries++;
            }
        }
        Future<Integer> f;
        try {
            f = c.client().streamIngest(c.database(), c.table(), c.options().getStreamFormat().wireName(),
                    c.mappingName(), gz, id);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        f.onComplete(ar -> {
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            if (ar.succeeded()) {
                synchronized (this) {
                    rowsIngested += p.rows();
                    rawBytes += p.rawLength();
                    compressedBytes += gz.length();
                    if (ambiguous) {
                        possiblyDuplicated.addAll(p.ranges());
                    }
                }
                emit(p, gz, id, attempt, latency, ar.result(), Outcome.SUCCEEDED, null);
                done.complete(false);
                return;
            }
            Throwable e = ar.cause();
            int status = e instanceof KustoServiceException k ? k.status() : 0;
            if (status == 429) {
                synchronized (this) {
                    throttled++;
                }
            }
            boolean nowAmbiguous = ambiguous || (e instanceof KustoTransportException t && t.requestSent());
            if (e instanceof KustoServiceException k && k.isPayloadTooLarge()) {
                if (p.rows() > 1) {
                    emit(p, gz, id, attempt, latency, status, Outcome.SPLIT, e);
                    done.complete(true);
                } else {
                    long idx = p.batch().index[p.from()];
                    emit(p, gz, id, attempt, latency, status, Outcome.FAILED, e);
                    fail(p, new RowTooLargeException(idx, "row " + idx + " was rejected by the service as too large: "
                            + k.getMessage()), nowAmbiguous);
                    done.complete(false);
                }
                return;
            }
            boolean isTransient = e instanceof KustoException ke && ke.isTransient();
            if (isTransient && attempt + 1 < c.options().getMaxAttempts()) {
                long delayMs = backoffMillis(attempt,
                        e instanceof KustoServiceException k ? k.retryAfter().orElse(null) : null);
                if (System.nanoTime() + delayMs * 1_000_000L < deadline) {
                    emit(p, gz, id, attempt, latency, status, Outcome.RETRYING, e);
                    c.vertx().setTimer(Math.max(1, delayMs),
                            t -> attempt(p, gz, baseId, attempt + 1, deadline, nowAmbiguous, done));
                    return;
                }
            }
            emit(p, gz, id, attempt, latency, status, Outcome.FAILED, e);
            Throwable reported = c.hinter().apply(e);
            if (isFatal(e) && abortCause == null) {
                abortCause = reported;
            }
            fail(p, reported, nowAmbiguous);
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
        return k.status() == 401 || k.status() == 403 || k.status() == 404 || code.contains("TableNotExist")
                || code.contains("DatabaseNotExist") || code.contains("MappingReferenceWasNotFound")
                || code.contains("StreamingIngestion") || code.contains("NotFound") || code.contains("AccessDenied")
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

    private void emit(Piece p, Buffer gz, String id, int attempt, Duration latency, int status, Outcome outcome,
            Throwable error) {
        IngestListener listener = c.options().getListener();
        if (outcome == Outcome.FAILED && LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Ingestion request " + id + " into " + c.table() + " failed: " + error);
        }
        if (listener == IngestListener.NONE) {
            return;
        }
        try {
            listener.onRequest(new RequestEvent(c.database(), c.table(), id, attempt, p.rows(), p.rawLength(),
                    gz.length(), latency, status, status == 429, outcome, error));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "IngestListener threw; ignored", e);
        }
    }

    private synchronized void fail(Piece p, Throwable cause, boolean possiblyIngested) {
        failures.add(new FailedRows(p.ranges(), cause, possiblyIngested));
    }

    // ---------------------------------------------------------------- completion

    private void maybeFinish() {
        IngestResult result;
        synchronized (this) {
            if (finished || !exhausted || producing || active > 0) {
                return;
            }
            finished = true;
            Throwable stopped = stoppedEarly ? abortCause : null;
            if (stopped != null && knownSize > rowsRead) {
                // A list: the rows never read are known, report them by index like the others.
                failures.add(new FailedRows(List.of(new RowRange(firstIndex + rowsRead, firstIndex + knownSize)),
                        stopped, false));
            }
            failures.sort((a, b) -> Long.compare(a.ranges().get(0).from(), b.ranges().get(0).from()));
            result = new IngestResult(rowsRead, rowsIngested, requests, retries, throttled, rawBytes,
                    compressedBytes, Duration.ofNanos(System.nanoTime() - startNanos), failures,
                    possiblyDuplicated, Optional.ofNullable(inputFailure), Optional.ofNullable(stopped), requestIds,
                    peakBufferedBytes);
        }
        promise.complete(result);
    }
}
