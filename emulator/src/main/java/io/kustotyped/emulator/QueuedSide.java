package io.kustotyped.emulator;

import io.kustotyped.emulator.queue.QueuedIngestion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The Data Management (queued ingestion) side of a running {@link KustoEmulator}: absent until the launcher starts it,
 * required by the emulator's queued-ingestion accessors, and closed off the event loop when the emulator stops.
 */
final class QueuedSide {
    private final Vertx vertx;
    private volatile QueuedIngestion queued;

    QueuedSide(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Called once the DM side runs. */
    void set(QueuedIngestion q) {
        this.queued = q;
    }

    /** @return the running DM side @throws IllegalStateException when queued ingestion is off */
    QueuedIngestion require() {
        QueuedIngestion q = queued;
        if (q == null) {
            throw new IllegalStateException("queued ingestion is off: use KustoEmulator.builder().queuedStorage()");
        }
        return q;
    }

    /** Stops the DM side, if it runs, on a worker thread; a second call does nothing. */
    Future<Void> close() {
        QueuedIngestion q = queued;
        queued = null;
        if (q == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(
                () -> {
                    q.close();
                    return null;
                },
                false);
    }
}
