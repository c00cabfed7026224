package io.kustotyped.emulator.dm;

import io.kustotyped.emulator.store.Catalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The emulator's Data Management side: its storage (an Azurite it started, or an account it was given), the
 * resources it advertises, and the consumer of its ingestion queue. Created by {@code KustoEmulator} when queued
 * ingestion is on; {@link #close()} stops what it started.
 */
public final class QueuedIngestion implements AutoCloseable {
    private final QueuedIngestionOptions options;
    private final StorageAccount account;
    private final Azurite azurite;

    private QueuedIngestion(QueuedIngestionOptions options, StorageAccount account, Azurite azurite) {
        this.options = options;
        this.account = account;
        this.azurite = azurite;
    }

    /**
     * Starts the DM side: starts Azurite when no account is given.
     *
     * @param vertx the emulator's Vert.x
     * @param catalog the emulator's store
     * @param options the options
     * @return completes when the storage is ready
     */
    public static Future<QueuedIngestion> start(Vertx vertx, Catalog catalog, QueuedIngestionOptions options) {
        return vertx.executeBlocking(
                () -> {
                    Azurite azurite = null;
                    if (options.startsAzurite()) {
                        Azurite.Builder b = Azurite.builder();
                        if (options.azuriteLocation() != null) {
                            b.location(options.azuriteLocation());
                        }
                        azurite = b.start();
                    }
                    StorageAccount account = azurite != null ? azurite.account() : options.storage();
                    return new QueuedIngestion(options, account, azurite);
                },
                false);
    }

    /** @return the storage account the queues, containers and status table live in */
    public StorageAccount account() {
        return account;
    }

    /** @return the Azurite this emulator started, or null when it was given an account */
    public Azurite azurite() {
        return azurite;
    }

    /** @return the options it runs with */
    public QueuedIngestionOptions options() {
        return options;
    }

    /** Stops the consumer and the Azurite it started. Blocks; not on an event loop. */
    @Override
    public void close() {
        if (azurite != null) {
            azurite.close();
        }
    }
}
