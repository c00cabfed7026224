package io.kustotyped.runtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a {@link Future} on a thread that may block: the one place the blocking view blocks. Internal. */
final class Blocking {

    private Blocking() {}

    /**
     * Fails at once, before anything is started, when the current thread belongs to a Vert.x instance (an event loop
     * or a worker of any {@code Vertx}): blocking there stalls every other task of that thread and deadlocks when the
     * awaited work needs the same thread. A virtual-thread context may block, so it is allowed.
     *
     * @param operation what the caller wanted to do, for the message
     * @param alternative what to call instead, for the message
     */
    static void checkMayBlock(String operation, String alternative) {
        Context context = Vertx.currentContext();
        boolean virtual = context != null && context.threadingModel() == ThreadingModel.VIRTUAL_THREAD;
        if (!virtual && (Context.isOnVertxThread() || context != null)) {
            throw new IllegalStateException("BlockingIngestor: " + operation + " was called on the Vert.x thread '"
                    + Thread.currentThread().getName() + "', which must never block (it would stall, and can "
                    + "deadlock, the very work it waits for). Use " + alternative + " (it returns a Future) on Vert.x "
                    + "threads, or call the blocking view from a thread of your own.");
        }
    }

    /**
     * Waits for {@code future}. A failure is thrown as it is when unchecked ({@link IngestException}, every
     * {@link KustoException}, {@link IllegalArgumentException}...), wrapped in a {@link CompletionException} when
     * checked.
     *
     * @param future the future, already started
     * @param timeout how long to wait
     * @param operation what is waited for, for messages
     * @return the result
     * @throws BlockingTimeoutException when it did not complete in time
     * @throws CancellationException when the thread was interrupted (the interrupt flag is set again)
     */
    static <T> T await(Future<T> future, Duration timeout, String operation) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return future.toCompletionStage().toCompletableFuture().get(nanos(timeout), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new BlockingTimeoutException(operation, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException c = new CancellationException("Interrupted while waiting for " + operation
                    + "; it was not cancelled and may still complete in the background");
            c.initCause(e);
            throw c;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new CompletionException(operation + " failed: " + cause, cause);
        }
    }

    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE; // about 292 years
        }
    }

    /** A positive timeout, or an exception naming it. */
    static Duration checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return timeout;
    }
}
