package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.AsyncSlots;
import io.kustotyped.runtime.impl.RowEncoder;
import io.kustotyped.runtime.impl.SlotBuffers;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One ingest call: pulls rows from an iterator, cuts them into batches at row boundaries, hands each batch to a
 * {@link PieceSender} (compression, retries, splits) and accounts for every row. Internal.
 *
 * <p>Flow: one fill task at a time (on the worker pool) pulls rows and serializes them into a batch until the raw
 * limit or the row limit; it runs only while it holds one of the ingestor's {@link AsyncSlots}, and the batch keeps
 * that slot until its last request settles. Compression runs on the worker pool too, so batches are compressed in
 * parallel on all cores while the next one is filled; the event loop only sends. Memory is therefore bounded by
 * {@code maxInFlight * (maxRawBatchBytes + maxCompressedBatchBytes)} whatever the input size.
 *
 * <p>A batch's arrays (raw lines, row ends and indexes, gzip body) are a {@link SlotBuffers} set taken from the
 * ingestor's slots with the slot and given back when its last request settles, so batches reuse them instead of
 * allocating per batch; {@code peakBufferedBytes} counts the raw array a batch holds and its compressed body, as
 * before.
 *
 * <p>One class past 400 lines on purpose: filling, the sender's accounting and completion read and write the same
 * counters and lists under the job's one lock, and splitting them would split that lock.
 *
 * @param <T> the row type
 */
final class IngestJob<T> {

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
     * @param managed the ingestor's managed-mode state (cool-downs), shared by its calls
     */
    public record Context<T>(
            Vertx vertx,
            WorkerExecutor workers,
            KustoClient client,
            String database,
            String table,
            String mappingName,
            IngestOptions options,
            AsyncSlots slots,
            ThreadLocal<RowEncoder<T>> encoders,
            UnaryOperator<Throwable> hinter,
            ManagedState managed) {}

    private final Context<T> c;
    private final PieceSender sender;
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
    private final List<QueuedBatch> queuedBatches = new ArrayList<>();
    private final List<StatusTracker.Watched> tracked = new ArrayList<>();

    /**
     * @param context the ingestor's parts
     * @param source the rows, read lazily on worker threads
     * @param firstIndex the index of the first row (non-zero for write-stream flushes)
     * @param knownSize the number of rows in the input when known (a list), else -1
     */
    public IngestJob(Context<T> context, Iterator<? extends T> source, long firstIndex, long knownSize) {
        this.c = context;
        this.sender = new PieceSender(context, new JobTally());
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
        // Queued batches are blobs: larger (docs/managed-ingestion.md §5), under the same slots.
        boolean blob = o.getMode() == IngestMode.QUEUED
                || o.getMode() == IngestMode.MANAGED && c.managed().queuedNow();
        int rawLimit = blob ? o.getMaxRawBlobBytes() : o.getMaxRawBatchBytes();
        int rowLimit = blob ? o.getMaxBlobRows() : o.getMaxBatchRows();
        Batch b = new Batch(c.slots().takeBuffers(), rawLimit);
        RowEncoder<T> enc = c.encoders().get();
        while (b.rows < rowLimit) {
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
                    b.fail(
                            idx,
                            new RowTooLargeException(
                                    idx,
                                    "row " + idx + " is " + (len + 1) + " bytes of JSON, over "
                                            + (blob ? "maxRawBlobBytes=" : "maxRawBatchBytes=") + rawLimit
                                            + ": it can never be sent"));
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
        c.slots()
                .acquire()
                .onComplete(x -> c.workers().executeBlocking(this::fill, false).onComplete(this::onFilled));
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
            if (ar.succeeded()) {
                c.slots().giveBack(ar.result().buffers());
            }
            c.slots().release();
        } else {
            Batch batch = b;
            sender.process(new Piece(batch, 0, batch.rows, false)).onComplete(x -> batchDone(batch));
        }
        pump();
        maybeFinish();
    }

    private void batchDone(Batch b) {
        SlotBuffers buffers;
        synchronized (this) {
            active--;
            buffered(-b.raw.length);
            buffers = b.buffers();
            b.raw = null;
        }
        // Every request of the batch has settled: its arrays go back for the next batch, before its slot does.
        c.slots().giveBack(buffers);
        c.slots().release();
        pump();
        maybeFinish();
    }

    private synchronized void buffered(long delta) {
        c.slots().addBuffered(delta);
        bufferedBytes += delta;
        peakBufferedBytes = Math.max(peakBufferedBytes, bufferedBytes);
    }

    // ---------------------------------------------------------------- accounting for the sender

    /** What the {@link PieceSender} reports, under the job's lock like the rest of its state. */
    private final class JobTally implements PieceSender.Tally {
        @Override
        public void buffered(long delta) {
            IngestJob.this.buffered(delta);
        }

        @Override
        public void requestId(String baseId) {
            synchronized (IngestJob.this) {
                requestIds.add(baseId);
            }
        }

        @Override
        public void attempted(boolean retry) {
            synchronized (IngestJob.this) {
                requests++;
                if (retry) {
                    retries++;
                }
            }
        }

        @Override
        public void throttled() {
            synchronized (IngestJob.this) {
                throttled++;
            }
        }

        @Override
        public void ingested(Piece p, int compressedLength, boolean duplicated) {
            synchronized (IngestJob.this) {
                rowsIngested += p.rows();
                rawBytes += p.rawLength();
                compressedBytes += compressedLength;
                if (duplicated) {
                    possiblyDuplicated.addAll(p.ranges());
                }
            }
        }

        @Override
        public void queued(Piece p, QueuedBatch batch, QueuedIngest.Posted posted, boolean duplicated) {
            synchronized (IngestJob.this) {
                rowsIngested += p.rows();
                rawBytes += p.rawLength();
                compressedBytes += batch.blobBytes();
                queuedBatches.add(batch);
                if (posted.statusTable() != null) {
                    tracked.add(new StatusTracker.Watched(batch, posted));
                }
                if (duplicated) {
                    possiblyDuplicated.addAll(p.ranges());
                }
            }
        }

        @Override
        public void failed(Piece p, Throwable cause, boolean possiblyIngested) {
            synchronized (IngestJob.this) {
                failures.add(new FailedRows(p.ranges(), cause, possiblyIngested));
            }
        }

        @Override
        public void abort(Throwable cause) {
            if (abortCause == null) {
                abortCause = cause;
            }
        }
    }

    // ---------------------------------------------------------------- completion

    private void maybeFinish() {
        synchronized (this) {
            if (finished || !exhausted || producing || active > 0) {
                return;
            }
            finished = true;
        }
        if (tracked.isEmpty() || !(c.client() instanceof HttpKustoClient http)) {
            promise.complete(result());
            return;
        }
        IngestOptions o = c.options();
        StatusTracker.track(c.vertx(), http.queued(), o.getStatusPollInterval(), o.getQueuedStatusTimeout(), tracked)
                .onComplete(ar -> {
                    synchronized (this) {
                        for (StatusTracker.Watched w : tracked) {
                            queuedBatches.replaceAll(b -> b == w.batch ? b.withStatus(w.status) : b);
                            if (w.failure != null) {
                                // A failed or still pending batch: its rows did not (or may not yet) land.
                                rowsIngested -= w.batch.rowCount();
                                failures.add(new FailedRows(w.batch.ranges(), w.failure, w.failure.isPending()));
                            }
                        }
                    }
                    promise.complete(result());
                });
    }

    private synchronized IngestResult result() {
        Throwable stopped = stoppedEarly ? abortCause : null;
        if (stopped != null && knownSize > rowsRead) {
            // A list: the rows never read are known, report them by index like the others.
            failures.add(new FailedRows(
                    List.of(new RowRange(firstIndex + rowsRead, firstIndex + knownSize)), stopped, false));
        }
        failures.sort((a, b) ->
                Long.compare(a.ranges().get(0).from(), b.ranges().get(0).from()));
        queuedBatches.sort((a, b) ->
                Long.compare(a.ranges().get(0).from(), b.ranges().get(0).from()));
        return new IngestResult(
                rowsRead,
                rowsIngested,
                requests,
                retries,
                throttled,
                rawBytes,
                compressedBytes,
                Duration.ofNanos(System.nanoTime() - startNanos),
                failures,
                possiblyDuplicated,
                Optional.ofNullable(inputFailure),
                Optional.ofNullable(stopped),
                requestIds,
                peakBufferedBytes,
                queuedBatches);
    }
}
