package io.kustotyped.it.ingest;

import static io.kustotyped.it.ingest.IngestTestSupport.await;
import static io.kustotyped.it.ingest.IngestTestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.dm.AzuriteExtension;
import io.kustotyped.emulator.fault.FaultKind;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import io.kustotyped.runtime.FailedRows;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestMode;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.QueuedBatch;
import io.kustotyped.runtime.QueuedIngestionException;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end through the emulator's Data Management side on Azurite: the runtime's queued and managed modes land rows
 * in the emulator's table, and the emulator's status rows reach the client. The client gets the DM commands on the
 * cluster URL (loopback), as Microsoft's SDKs send them.
 */
class QueuedEndToEndTest {

    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    private static IngestOptions tracked(IngestMode mode) {
        return new IngestOptions()
                .setMode(mode)
                .setMaxRawBlobBytes(256 * 1024)
                .setQueuedStatusTimeout(Duration.ofSeconds(60))
                .setStatusPollInterval(Duration.ofMillis(100));
    }

    @Test
    void everyRowLandsInTheTableThroughQueued() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> b.queuedStorage(azurite.account()))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, tracked(IngestMode.QUEUED));
            await(ingestor.applySchema());
            int n = 20_000;
            long t0 = System.nanoTime();
            IngestResult r = await(ingestor.ingest(
                    LongStream.range(0, n).mapToObj(i -> LogEvent.of(i, 80)).toList()));
            long landedMillis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(n, r.rowsIngested());
            assertEquals(n, r.rowsQueued());
            assertTrue(r.queuedBatches().stream().allMatch(b -> b.status() == QueuedBatch.Status.SUCCEEDED));
            assertEquals(n, f.count("Logs | summarize dcount(seq)"));
            assertEquals(n, f.count("Logs | count"));
            System.out.printf(
                    "QUEUED end to end: %d rows in %d blobs (gzip %d..%d B) landed and reported in %d ms%n",
                    n,
                    r.queuedBatches().size(),
                    r.queuedBatches().stream()
                            .mapToLong(QueuedBatch::blobBytes)
                            .min()
                            .orElse(0),
                    r.queuedBatches().stream()
                            .mapToLong(QueuedBatch::blobBytes)
                            .max()
                            .orElse(0),
                    landedMillis);
        }
    }

    @Test
    void aBadMappingFailsTheBatchAndNamesItsRows() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> b.queuedStorage(azurite.account()))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, tracked(IngestMode.QUEUED));
            await(ingestor.applySchema());
            await(f.client.executeMgmt(
                    "Test",
                    ".drop table Logs ingestion json mapping \"" + LogEventKustoSchema.INSTANCE.mappingName() + "\""));
            IngestException e = assertInstanceOf(
                    IngestException.class,
                    awaitFailure(ingestor.ingest(LongStream.range(0, 500)
                            .mapToObj(i -> LogEvent.of(i, 20))
                            .toList())));
            FailedRows failed = e.result().failures().get(0);
            QueuedIngestionException q = assertInstanceOf(QueuedIngestionException.class, failed.cause());
            assertTrue(q.code().orElse("").contains("Mapping"), q.getMessage());
            assertEquals(0, failed.ranges().get(0).from());
            assertEquals(500, e.result().rowsFailed());
            assertEquals(0, f.count("Logs | count"));
        }
    }

    @Test
    void managedFallsBackWhenStreamingIsOffAndTheRowsLand() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> b.queuedStorage(azurite.account()))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, tracked(IngestMode.MANAGED));
            await(ingestor.applySchema());
            await(f.client.executeMgmt("Test", ".alter table Logs policy streamingingestion disable"));
            await(f.client.executeMgmt("Test", ".clear table Logs cache streamingingestion schema"));
            IngestResult r = await(ingestor.ingest(
                    LongStream.range(0, 3_000).mapToObj(i -> LogEvent.of(i, 40)).toList()));
            assertEquals(3_000, r.rowsQueued(), r.toString());
            assertEquals(
                    QueuedBatch.Reason.STREAMING_OFF, r.queuedBatches().get(0).reason());
            assertEquals(3_000, f.count("Logs | count"));
        }
    }

    @Test
    void managedFallsBackUnderPersistentThrottlingAndProbesStreamingAgainAfterTheCooldown() throws Exception {
        FaultOptions throttleAll = FaultOptions.builder()
                .seed(3)
                .retryAfter(Duration.ZERO)
                .fault(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 1.0)
                .build();
        // Every streaming request is throttled (the emulator's faults touch streaming requests only).
        try (EmulatorFixture f =
                new EmulatorFixture(b -> b.queuedStorage(azurite.account()).faults(throttleAll))) {
            IngestOptions o = tracked(IngestMode.MANAGED)
                    .setInitialBackoff(Duration.ofMillis(1))
                    .setMaxBackoff(Duration.ofMillis(5))
                    .setThrottleCooldown(Duration.ofMillis(700));
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, o);
            await(ingestor.applySchema());
            IngestResult throttled = await(ingestor.ingest(rows(0, 1_000)));
            IngestResult cooling = await(ingestor.ingest(rows(1_000, 2_000)));
            Thread.sleep(800);
            IngestResult after = await(ingestor.ingest(rows(2_000, 3_000)));
            assertEquals(
                    QueuedBatch.Reason.THROTTLED,
                    throttled.queuedBatches().get(0).reason());
            assertEquals(IngestOptions.DEFAULT_MANAGED_STREAMING_ATTEMPTS, throttled.throttled());
            assertEquals(
                    QueuedBatch.Reason.COOLDOWN, cooling.queuedBatches().get(0).reason());
            assertEquals(0, cooling.throttled(), "no streaming attempt while cooling down");
            // After the cool-down streaming is tried again (and, still throttled, falls back again).
            assertEquals(IngestOptions.DEFAULT_MANAGED_STREAMING_ATTEMPTS, after.throttled());
            assertEquals(
                    QueuedBatch.Reason.THROTTLED, after.queuedBatches().get(0).reason());
            assertEquals(3_000, f.count("Logs | summarize dcount(seq)"));
            assertEquals(3_000, f.count("Logs | count"));
        }
    }

    private static java.util.List<LogEvent> rows(long from, long to) {
        return LongStream.range(from, to).mapToObj(i -> LogEvent.of(i, 40)).toList();
    }
}
