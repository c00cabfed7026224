package io.kustotyped.runtime.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An asynchronous semaphore: {@link #acquire()} completes when a slot is free. First come, first served. It also keeps
 * the {@link SlotBuffers} of the slots not in use, so that batches reuse their arrays instead of allocating new ones.
 * Internal.
 */
public final class AsyncSlots {

    private final ArrayDeque<Promise<Void>> waiters = new ArrayDeque<>();
    private final ArrayDeque<SlotBuffers> idleBuffers = new ArrayDeque<>();
    private final int slots;
    private final AtomicLong bufferedBytes = new AtomicLong();
    private int available;

    /** @param slots the number of slots */
    public AsyncSlots(int slots) {
        this.slots = slots;
        this.available = slots;
    }

    /** The slots held right now: the ingestor's batches being filled, compressed or sent. */
    public synchronized int inUse() {
        return slots - available;
    }

    /** The bytes (raw and compressed batches) the holders of the slots hold right now. */
    public long bufferedBytes() {
        return bufferedBytes.get();
    }

    /** A holder's batch bytes grew (or shrank, when negative). */
    void addBuffered(long delta) {
        bufferedBytes.addAndGet(delta);
    }

    /** Completes once a slot is held by the caller, who must {@link #release()} it. */
    public Future<Void> acquire() {
        Promise<Void> p;
        synchronized (this) {
            if (available > 0) {
                available--;
                return Future.succeededFuture();
            }
            p = Promise.promise();
            waiters.add(p);
        }
        return p.future();
    }

    /** Gives a slot back, to the longest waiter if any. */
    public void release() {
        Promise<Void> next;
        synchronized (this) {
            next = waiters.poll();
            if (next == null) {
                available++;
                return;
            }
        }
        next.complete();
    }

    /**
     * The arrays for a batch, for a caller that holds a slot: a set given back earlier, or a new one. Since each slot
     * holder takes at most one set and gives it back before releasing its slot, there are never more sets than slots.
     */
    SlotBuffers takeBuffers() {
        synchronized (this) {
            SlotBuffers b = idleBuffers.poll();
            if (b != null) {
                return b;
            }
        }
        return new SlotBuffers();
    }

    /** Gives back a set taken with {@link #takeBuffers()}, once nothing reads it any more. */
    synchronized void giveBack(SlotBuffers buffers) {
        idleBuffers.push(buffers);
    }
}
