package io.kustotyped.runtime;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.streams.WriteStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A long-lived {@link WriteStream} of rows for continuous feeds, from {@link TableIngestor#writeStream()}.
 *
 * <p>Rows are queued and flushed when {@link IngestOptions#getMaxBatchRows()} are queued, when the oldest queued
 * row has waited {@link IngestOptions#getLingerTime()}, and at {@link #end()}; each flush is cut into requests at the
 * size limits like {@link TableIngestor#ingest(List)}. Backpressure is Vert.x's: {@link #writeQueueFull()} is true
 * while {@link IngestOptions#getWriteQueueMaxRows()} rows are queued or in flight, and the drain handler is called
 * when that falls to half. Use it with {@code ReadStream.pipeTo}.
 *
 * <p>Row indexes count from 0 in write order. A flush in which rows did not land calls the exception handler with an
 * {@link IngestException} naming them; {@link #end()} and {@link #completion()} fail with one that names every row
 * that did not land over the stream's life. The future returned by {@link #write(Object)} completes when the flush
 * holding the row settles (failing if any row of that flush did not land).
 *
 * @param <T> the row type
 */
public final class KustoWriteStream<T> implements WriteStream<T> {

    private final TableIngestor<T> ingestor;
    private final Vertx vertx;
    private final long startNanos = System.nanoTime();
    private final Promise<IngestResult> completion = Promise.promise();

    // Guarded by 'this'.
    private List<T> pending = new ArrayList<>();
    private Promise<Void> pendingPromise = Promise.promise();
    private long pendingFirstIndex;
    private long nextIndex;
    private long queuedRows;
    private int maxQueuedRows;
    private boolean drainNeeded;
    private Handler<Void> drainHandler;
    private Handler<Throwable> exceptionHandler;
    private long lingerTimer = -1;
    private boolean ended;
    private int runningFlushes;
    private final List<IngestResult> results = new ArrayList<>();

    KustoWriteStream(TableIngestor<T> ingestor) {
        this.ingestor = ingestor;
        this.vertx = ingestor.client().vertx();
        this.maxQueuedRows = ingestor.options().getWriteQueueMaxRows();
    }

    @Override
    public synchronized KustoWriteStream<T> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public Future<Void> write(T row) {
        Future<Void> f;
        synchronized (this) {
            if (ended) {
                return Future.failedFuture(new IllegalStateException(
                        "write after end() on the " + ingestor.table().tableName() + " write stream"));
            }
            if (pending.isEmpty()) {
                pendingFirstIndex = nextIndex;
                long linger = ingestor.options().getLingerTime().toMillis();
                lingerTimer = vertx.setTimer(Math.max(1, linger), id -> lingerExpired(id));
            }
            pending.add(row);
            nextIndex++;
            queuedRows++;
            f = pendingPromise.future();
            if (pending.size() >= ingestor.options().getMaxBatchRows()) {
                flushLocked();
            }
        }
        return f;
    }

    private synchronized void lingerExpired(long id) {
        if (id == lingerTimer && !pending.isEmpty()) {
            flushLocked();
        }
    }

    /** Sends what is queued now, without waiting for the row count or linger time. */
    public synchronized void flush() {
        if (!pending.isEmpty()) {
            flushLocked();
        }
    }

    private void flushLocked() {
        if (lingerTimer >= 0) {
            vertx.cancelTimer(lingerTimer);
            lingerTimer = -1;
        }
        List<T> chunk = pending;
        Promise<Void> chunkPromise = pendingPromise;
        long first = pendingFirstIndex;
        pending = new ArrayList<>();
        pendingPromise = Promise.promise();
        runningFlushes++;
        ingestor.run(chunk.iterator(), first, chunk.size()).onComplete(ar -> flushDone(chunk.size(), chunkPromise, ar));
    }

    private void flushDone(int rows, Promise<Void> chunkPromise, AsyncResult<IngestResult> ar) {
        IngestResult r = ar.succeeded() ? ar.result() : null;
        Handler<Throwable> onError;
        Handler<Void> onDrain = null;
        boolean finish;
        synchronized (this) {
            queuedRows -= rows;
            runningFlushes--;
            if (r != null) {
                results.add(r);
            }
            onError = exceptionHandler;
            if (drainNeeded && queuedRows <= maxQueuedRows / 2) {
                drainNeeded = false;
                onDrain = drainHandler;
            }
            finish = ended && runningFlushes == 0 && pending.isEmpty();
        }
        Throwable failure = ar.failed() ? ar.cause() : r.isComplete() ? null : new IngestException(r);
        if (failure != null) {
            chunkPromise.fail(failure);
            if (onError != null) {
                onError.handle(failure);
            }
        } else {
            chunkPromise.complete();
        }
        if (onDrain != null) {
            onDrain.handle(null);
        }
        if (finish) {
            complete();
        }
    }

    @Override
    public Future<Void> end() {
        boolean finish;
        synchronized (this) {
            if (ended) {
                return completion.future().mapEmpty();
            }
            ended = true;
            if (!pending.isEmpty()) {
                flushLocked();
            }
            finish = runningFlushes == 0;
        }
        if (finish) {
            complete();
        }
        return completion.future().mapEmpty();
    }

    /**
     * Completes after {@link #end()} once every row is flushed: with the stream's totals, or failing with an
     * {@link IngestException} naming every row that did not land.
     */
    public Future<IngestResult> completion() {
        return completion.future();
    }

    private void complete() {
        IngestResult merged;
        synchronized (this) {
            merged = merge(results, Duration.ofNanos(System.nanoTime() - startNanos));
        }
        if (merged.isComplete()) {
            completion.tryComplete(merged);
        } else {
            completion.tryFail(new IngestException(merged));
        }
    }

    static IngestResult merge(List<IngestResult> parts, Duration elapsed) {
        long read = 0;
        long ingested = 0;
        long requests = 0;
        long retries = 0;
        long throttled = 0;
        long raw = 0;
        long compressed = 0;
        long peak = 0;
        List<FailedRows> failures = new ArrayList<>();
        List<RowRange> dups = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<QueuedBatch> queued = new ArrayList<>();
        Throwable inputFailure = null;
        Throwable stopped = null;
        for (IngestResult r : parts) {
            read += r.rowsRead();
            ingested += r.rowsIngested();
            requests += r.requests();
            retries += r.retries();
            throttled += r.throttled();
            raw += r.rawBytes();
            compressed += r.compressedBytes();
            peak = Math.max(peak, r.peakBufferedBytes());
            failures.addAll(r.failures());
            dups.addAll(r.possiblyDuplicated());
            ids.addAll(r.clientRequestIds());
            queued.addAll(r.queuedBatches());
            if (inputFailure == null && r.inputFailure().isPresent()) {
                inputFailure = r.inputFailure().get();
            }
            if (stopped == null && r.stoppedReading().isPresent()) {
                stopped = r.stoppedReading().get();
            }
        }
        failures.sort((a, b) ->
                Long.compare(a.ranges().get(0).from(), b.ranges().get(0).from()));
        return new IngestResult(
                read,
                ingested,
                requests,
                retries,
                throttled,
                raw,
                compressed,
                elapsed,
                failures,
                dups,
                Optional.ofNullable(inputFailure),
                Optional.ofNullable(stopped),
                ids,
                peak,
                queued);
    }

    @Override
    public synchronized KustoWriteStream<T> setWriteQueueMaxSize(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("write queue max size must be at least 1, was " + maxSize);
        }
        this.maxQueuedRows = maxSize;
        return this;
    }

    @Override
    public synchronized boolean writeQueueFull() {
        if (queuedRows >= maxQueuedRows) {
            drainNeeded = true;
            return true;
        }
        return false;
    }

    @Override
    public synchronized KustoWriteStream<T> drainHandler(Handler<Void> handler) {
        this.drainHandler = handler;
        return this;
    }
}
