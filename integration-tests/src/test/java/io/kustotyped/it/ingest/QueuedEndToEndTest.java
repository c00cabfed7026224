package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static io.kustotyped.it.support.Futures.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.dm.AzuriteExtension;
import io.kustotyped.emulator.fault.FaultKind;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.FailedRows;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestMode;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.QueuedBatch;
import io.kustotyped.runtime.QueuedIngestionException;
import io.kustotyped.runtime.RowRange;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The managed soak's duration; longer: {@code -Dmanaged.soak.seconds=120}. */
    static final long SOAK_SECONDS = Long.getLong("managed.soak.seconds", 8);

    @Test
    void managedSoakUnderStreamingFaultsAccountsForEveryRow() throws Exception {
        FaultOptions faults = FaultOptions.builder()
                .seed(11)
                .retryAfter(Duration.ZERO)
                .fault(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 0.25)
                .fault(FaultKind.SERVICE_UNAVAILABLE, FaultPhase.BEFORE_COMMIT, 0.05)
                .fault(FaultKind.INTERNAL_ERROR, FaultPhase.AFTER_COMMIT, 0.08)
                .fault(FaultKind.CONNECTION_CLOSE, FaultPhase.AFTER_COMMIT, 0.04)
                .build();
        try (EmulatorFixture f =
                new EmulatorFixture(b -> b.queuedStorage(azurite.account()).faults(faults))) {
            IngestOptions o = new IngestOptions()
                    .setMode(IngestMode.MANAGED)
                    .setMaxRawBatchBytes(16 * 1024)
                    .setMaxRawBlobBytes(256 * 1024)
                    .setInitialBackoff(Duration.ofMillis(1))
                    .setMaxBackoff(Duration.ofMillis(10))
                    .setThrottleCooldown(Duration.ofMillis(200))
                    .setQueuedStatusTimeout(Duration.ofSeconds(60))
                    .setStatusPollInterval(Duration.ofMillis(100));
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, o);
            await(ingestor.applySchema());

            int perCall = 2_000;
            long sent = 0;
            long streamed = 0;
            long queued = 0;
            long fallbacks = 0;
            long failed = 0;
            Map<QueuedBatch.Reason, Integer> reasons = new HashMap<>();
            BitSet duplicatedReported = new BitSet();
            BitSet failedRows = new BitSet();
            long blobs = 0;
            long minBlob = Long.MAX_VALUE;
            long maxBlob = 0;
            long started = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(SOAK_SECONDS).toNanos();
            while (System.nanoTime() < deadline && sent < 400_000) {
                long first = sent;
                sent += perCall;
                IngestResult r = await(ingestor.ingest(LongStream.range(first, first + perCall)
                                .mapToObj(i -> LogEvent.of(i, 60))
                                .toList())
                        .recover(e -> e instanceof IngestException ie
                                ? Future.succeededFuture(ie.result())
                                : Future.failedFuture(e)));
                assertEquals(perCall, r.rowsIngested() + r.rowsFailed(), r.toString());
                streamed += r.rowsIngested() - r.rowsQueued();
                queued += r.rowsQueued();
                fallbacks += r.fallbacks();
                failed += r.rowsFailed();
                for (QueuedBatch b : r.queuedBatches()) {
                    reasons.merge(b.reason(), 1, Integer::sum);
                    blobs++;
                    minBlob = Math.min(minBlob, b.blobBytes());
                    maxBlob = Math.max(maxBlob, b.blobBytes());
                }
                for (RowRange d : r.possiblyDuplicated()) {
                    duplicatedReported.set((int) (first + d.from()), (int) (first + d.to()));
                }
                for (FailedRows fr : r.failures()) {
                    for (RowRange x : fr.ranges()) {
                        failedRows.set((int) (first + x.from()), (int) (first + x.to()));
                    }
                }
            }
            KustoResultTable t = await(f.client.executeQuery("Test", "Logs | summarize n = count() by seq"));
            Map<Long, Integer> copies = new HashMap<>();
            for (List<Object> row : t.rows()) {
                copies.merge(((Number) row.get(0)).longValue(), ((Number) row.get(1)).intValue(), Integer::sum);
            }
            List<String> problems = new ArrayList<>();
            long duplicates = 0;
            for (long seq = 0; seq < sent; seq++) {
                int n = copies.getOrDefault(seq, 0);
                boolean fail = failedRows.get((int) seq);
                if (n == 0 && !fail && problems.size() < 10) {
                    problems.add("row " + seq + " acknowledged but not in the table");
                }
                if (n > 1) {
                    duplicates++;
                    if (!duplicatedReported.get((int) seq) && !fail && problems.size() < 10) {
                        problems.add("row " + seq + " is there " + n + " times, not reported");
                    }
                }
            }
            System.out.printf(
                    "MANAGED soak (%d s): %d rows sent, %d streamed, %d queued in %d blobs (%d fallbacks %s), %d failed;"
                            + " %d rows found twice (all reported); blob sizes %d..%d B; emulator faults %s; %d s%n",
                    SOAK_SECONDS,
                    sent,
                    streamed,
                    queued,
                    blobs,
                    fallbacks,
                    reasons,
                    failed,
                    duplicates,
                    minBlob == Long.MAX_VALUE ? 0 : minBlob,
                    maxBlob,
                    f.emulator.stats().faultsInjected(),
                    (System.nanoTime() - started) / 1_000_000_000);
            assertEquals(List.of(), problems);
            assertEquals(
                    sent - failed,
                    copies.keySet().stream()
                            .filter(seq -> !failedRows.get((int) (long) seq))
                            .count(),
                    "every acknowledged row is in the table, and no other");
            assertTrue(streamed > 0 && queued > 0, "both paths taken");
            assertTrue(reasons.containsKey(QueuedBatch.Reason.THROTTLED), reasons.toString());
        }
    }
}
