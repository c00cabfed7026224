package io.kustotyped.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.dm.AzuriteExtension;
import io.kustotyped.runtime.IngestMode;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queued batches are metered under {@code mode=queued}: their rows as {@code queued}, never as {@code ingested}. */
class QueuedMetricsTest {

    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void queuedRowsAndPostsAreCountedUnderTheQueuedMode() throws Exception {
        try (KustoEmulator emulator = KustoEmulator.builder()
                .database("Test")
                .enableStreaming()
                .queuedStorage(azurite.account())
                .start()) {
            Vertx vertx = Vertx.vertx();
            try {
                KustoClient client = KustoClient.create(
                        vertx,
                        new KustoClientOptions().setClusterUrl(emulator.uri().toString()));
                ReadingIngestor.create(client).applySchema().await(60, TimeUnit.SECONDS);
                KustoIngestMetrics metrics = KustoIngestMetrics.create(registry);
                ReadingIngestor ingestor = metrics.monitor(ReadingIngestor.create(
                        client,
                        metrics.instrument(new IngestOptions()
                                .setMode(IngestMode.QUEUED)
                                .setMaxRawBatchBytes(16 * 1024)
                                .setMaxRawBlobBytes(64 * 1024))));
                List<Reading> rows =
                        LongStream.range(0, 3_000).mapToObj(Reading::of).toList();

                IngestResult r = ingestor.ingest(rows).await(60, TimeUnit.SECONDS);

                assertEquals(rows.size(), r.rowsQueued());
                assertTrue(r.queuedBatches().size() > 1, "several blobs: " + r);
                assertEquals(r.queuedBatches().size(), requests("outcome", "queued"), "one timed post per blob");
                assertEquals(r.rowsQueued(), (long) count(KustoIngestMetrics.ROWS, "outcome", "queued"));
                assertEquals(0, count(KustoIngestMetrics.ROWS, "outcome", "ingested"), "not confirmed yet");
                assertEquals(r.rawBytes(), (long) count(KustoIngestMetrics.RAW_BYTES));
                for (Meter m : registry.getMeters()) {
                    assertEquals("queued", m.getId().getTag("mode"), m.getId().toString());
                }
                client.close().await(10, TimeUnit.SECONDS);
            } finally {
                vertx.close().await(10, TimeUnit.SECONDS);
            }
        }
    }

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private long requests(String... tags) {
        return registry.find(KustoIngestMetrics.REQUESTS).tags(tags).timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }
}
