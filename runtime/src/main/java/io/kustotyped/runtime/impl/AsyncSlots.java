package io.kustotyped.runtime.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;

/** An asynchronous semaphore: {@link #acquire()} completes when a slot is free. First come, first served. Internal. */
public final class AsyncSlots {

    private final ArrayDeque<Promise<Void>> waiters = new ArrayDeque<>();
    private int available;

    /** @param slots the number of slots */
    public AsyncSlots(int slots) {
        this.available = slots;
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
}
