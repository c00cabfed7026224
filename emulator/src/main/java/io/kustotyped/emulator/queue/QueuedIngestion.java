package io.kustotyped.emulator.queue;

import io.kustotyped.emulator.dm.Azurite;
import io.kustotyped.emulator.dm.QueuedIngestionOptions;
import io.kustotyped.emulator.dm.QueuedIngestionStats;
import io.kustotyped.emulator.dm.StorageAccount;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.fault.DmFaultOptions;
import io.kustotyped.emulator.store.Catalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.Map;

/**
 * The emulator's Data Management side: its storage (an Azurite it started, or an account it was given), the
 * resources it advertises ({@code .get/.show ingestion resources}, {@code .get kusto identity token}), and the
 * consumer of its ingestion queue. Created by {@code KustoEmulator} when queued ingestion is on; {@link #close()}
 * stops what it started.
 */
public final class QueuedIngestion implements AutoCloseable {
    private final QueuedIngestionOptions options;
    private final StorageRest storage;
    private final Azurite azurite;
    private final IngestionResources resources;
    private final QueueConsumer consumer;
    private final QueueConsumer.Counters counters;
    private final Thread thread;
    private final DmFaultOptions.Sampler resourceFaults;

    private QueuedIngestion(
            QueuedIngestionOptions options,
            StorageRest storage,
            Azurite azurite,
            IngestionResources resources,
            QueueConsumer consumer,
            QueueConsumer.Counters counters) {
        this.options = options;
        this.storage = storage;
        this.azurite = azurite;
        this.resources = resources;
        this.consumer = consumer;
        this.counters = counters;
        this.resourceFaults = options.faults().sampler();
        this.thread = new Thread(consumer, "kusto-emulator-dm");
        thread.setDaemon(true);
    }

    /**
     * Starts the DM side: starts Azurite when no account is given, creates the queues, container and tables it
     * advertises, and starts consuming the ingestion queue.
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
                    try {
                        StorageRest storage = new StorageRest(azurite != null ? azurite.account() : options.storage());
                        IngestionResources resources = new IngestionResources(storage);
                        resources.create();
                        QueueConsumer.Counters counters = new QueueConsumer.Counters();
                        QueueConsumer consumer = new QueueConsumer(storage, resources, catalog, options, counters);
                        QueuedIngestion q =
                                new QueuedIngestion(options, storage, azurite, resources, consumer, counters);
                        q.thread.start();
                        return q;
                    } catch (IOException | RuntimeException e) {
                        if (azurite != null) {
                            azurite.close();
                        }
                        throw new IllegalStateException(
                                "queued ingestion cannot use its storage: " + e.getMessage(), e);
                    }
                },
                false);
    }

    /** @return the storage account the queues, containers and status table live in */
    public StorageAccount account() {
        return storage.account();
    }

    /** @return the Azurite this emulator started, or null when it was given an account */
    public Azurite azurite() {
        return azurite;
    }

    /** @return the options it runs with */
    public QueuedIngestionOptions options() {
        return options;
    }

    /** @return the five resources it advertises: type name to URL with SAS */
    public Map<String, String> resources() {
        return resources.resources();
    }

    /** @return the identity token ingestion messages must carry */
    public String identityToken() {
        return resources.identityToken();
    }

    /** @return its counters */
    public QueuedIngestionStats stats() {
        QueueConsumer.Counters c = counters;
        return new QueuedIngestionStats(
                c.messages.get(),
                c.badMessages.get(),
                c.blobs.get(),
                c.rows.get(),
                c.failures.get(),
                c.blobReadFailures.get(),
                c.duplicateSources.get(),
                c.duplicateRows.get(),
                c.faultsInjected.get());
    }

    /**
     * Answers a management command if it is one of the DM's.
     *
     * @param csl the command
     * @return the v1 JSON body, or null when it is not a DM command
     * @throws KustoError 429 when fault injection throttles it
     */
    public String answer(String csl) {
        if (resourceFaults.throttleResourceCall()) {
            counters.faultsInjected.incrementAndGet();
            throw KustoErrors.throttled();
        }
        return resources.answer(csl);
    }

    /**
     * @param csl a management command
     * @return whether it is a DM command ({@code .get/.show ingestion resources}, {@code .get kusto identity token})
     */
    public static boolean isDmCommand(String csl) {
        return IngestionResources.isDmCommand(csl);
    }

    /** Stops the consumer and the Azurite it started. Blocks; not on an event loop. */
    @Override
    public void close() {
        consumer.stop();
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (azurite != null) {
            azurite.close();
        }
    }
}
