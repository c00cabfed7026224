package io.kustotyped.samples.readme;

import io.kustotyped.runtime.IngestMode;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.QueuedBatch;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/** The README's managed-ingestion example. */
public final class ManagedExample {

    private ManagedExample() {}

    /**
     * Streams, falling back to queued ingestion per batch, and waits for the queued batches' outcome.
     *
     * @param client the client
     * @param events the rows
     * @return the result, once every queued batch succeeded or failed
     */
    public static Future<IngestResult> backfill(KustoClient client, List<Event> events) {
        EventIngestor ingestor = EventIngestor.create(
                client,
                new IngestOptions()
                        .setMode(IngestMode.MANAGED) // stream first; queued when too large, off, or throttled
                        .setQueuedStatusTimeout(Duration.ofMinutes(15))); // wait for Kusto's verdict on queued batches
        return ingestor.ingest(events).onSuccess(r -> {
            for (QueuedBatch b : r.queuedBatches()) {
                System.out.println(b.rowCount() + " rows went queued (" + b.reason() + "), source id " + b.sourceId());
            }
        });
    }
}
