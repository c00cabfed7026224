package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static io.kustotyped.runtime.TestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link IngestMode#MANAGED}: each row of the decision table (docs/managed-ingestion.md §3), and the cool-down. */
class ManagedIngestTest extends QueuedTestBase {

    static IngestOptions managed() {
        return new IngestOptions()
                .setMode(IngestMode.MANAGED)
                .setInitialBackoff(Duration.ofMillis(5))
                .setMaxBackoff(Duration.ofMillis(20));
    }

    private Event.Ingestor ingestor(IngestOptions o) {
        return new Event.Ingestor(client, "Db", o);
    }

    @Test
    void streamsWhenStreamingWorks() throws Exception {
        IngestResult r = await(ingestor(managed()).ingest(TestSupport.events(100, 10)));
        assertEquals(100, r.rowsIngested());
        assertEquals(0, r.rowsQueued());
        assertEquals(1, kusto.ingests().size());
        assertTrue(storage.requests.isEmpty());
    }

    @Test
    void aBatchOverTheCompressedLimitGoesQueuedWithoutAStreamingAttempt() throws Exception {
        // Random-looking messages compress badly: 300 rows of 200 letters are ~40 KiB of gzip, over the 8 KiB limit.
        IngestOptions o = managed().setMaxCompressedBatchBytes(8 * 1024);
        IngestResult r = await(ingestor(o).ingest(TestSupport.events(300, 200)));
        assertEquals(300, r.rowsIngested());
        assertEquals(300, r.rowsQueued());
        assertEquals(1, r.fallbacks());
        assertEquals(QueuedBatch.Reason.TOO_LARGE, r.queuedBatches().get(0).reason());
        assertTrue(kusto.ingests().isEmpty(), "not split, not streamed");
        assertEquals(1, storage.blobs.size());
    }

    @Test
    void aBatchTheServiceRefusesAsTooLargeGoesQueuedUnsplit() throws Exception {
        streaming = r -> FakeKusto.Reply.oneApi(413, "Stream_InputStreamTooLarge", true);
        IngestResult r = await(ingestor(managed()).ingest(TestSupport.events(50, 10)));
        assertEquals(50, r.rowsQueued());
        assertEquals(1, kusto.ingests().size(), "one streaming attempt, then queued (not halves)");
        assertEquals(QueuedBatch.Reason.TOO_LARGE, r.queuedBatches().get(0).reason());
    }

    @Test
    void streamingOffFallsBackAndTheTableStaysQueuedForTheCooldown() throws Exception {
        streaming = r -> FakeKusto.Reply.oneApi(400, "BadRequest_StreamingIngestionPolicyNotEnabled", true);
        Event.Ingestor ingestor = ingestor(managed().setStreamingOffCooldown(Duration.ofMillis(500)));
        IngestResult first = await(ingestor.ingest(TestSupport.events(20, 10)));
        assertEquals(20, first.rowsQueued());
        assertEquals(
                QueuedBatch.Reason.STREAMING_OFF, first.queuedBatches().get(0).reason());
        assertEquals(1, kusto.ingests().size(), "not retried: streaming off is not transient");

        IngestResult second = await(ingestor.ingest(TestSupport.events(20, 10)));
        assertEquals(QueuedBatch.Reason.COOLDOWN, second.queuedBatches().get(0).reason());
        assertEquals(1, kusto.ingests().size(), "cooling down: streaming not tried");

        Thread.sleep(600);
        streaming = r -> FakeKusto.Reply.ok(); // someone enabled the policy
        IngestResult third = await(ingestor.ingest(TestSupport.events(20, 10)));
        assertEquals(0, third.rowsQueued(), "after the cool-down, streaming is probed again and used");
        assertEquals(2, kusto.ingests().size());
    }

    @Test
    void persistentThrottlingFallsBackAfterTheAttemptsThenStreamingComesBackAfterTheCooldown() throws Exception {
        AtomicBoolean throttling = new AtomicBoolean(true);
        streaming =
                r -> throttling.get() ? FakeKusto.Reply.oneApi(429, "TooManyRequests", false) : FakeKusto.Reply.ok();
        Event.Ingestor ingestor = ingestor(managed().setThrottleCooldown(Duration.ofMillis(400)));
        IngestResult first = await(ingestor.ingest(TestSupport.events(30, 10)));
        assertEquals(30, first.rowsIngested());
        assertEquals(QueuedBatch.Reason.THROTTLED, first.queuedBatches().get(0).reason());
        assertEquals(
                IngestOptions.DEFAULT_MANAGED_STREAMING_ATTEMPTS,
                kusto.ingests().size());
        assertEquals(3, first.throttled());
        // Rows of a throttled request were not committed: no duplicates.
        assertTrue(first.possiblyDuplicated().isEmpty());

        IngestResult during = await(ingestor.ingest(TestSupport.events(30, 10)));
        assertEquals(QueuedBatch.Reason.COOLDOWN, during.queuedBatches().get(0).reason());
        assertEquals(3, kusto.ingests().size());

        throttling.set(false);
        Thread.sleep(500);
        IngestResult after = await(ingestor.ingest(TestSupport.events(30, 10)));
        assertEquals(0, after.rowsQueued());
        assertEquals(30, after.rowsIngested());
        assertEquals(4, kusto.ingests().size());
    }

    @Test
    void transientFailuresThatUseUpTheAttemptsFallBackAndMarkPossibleDuplicates() throws Exception {
        streaming = r -> FakeKusto.Reply.oneApi(503, "ServiceUnavailable", false);
        IngestResult r = await(ingestor(managed()).ingest(TestSupport.events(30, 10)));
        assertEquals(30, r.rowsQueued());
        assertEquals(
                QueuedBatch.Reason.TRANSIENT_EXHAUSTED, r.queuedBatches().get(0).reason());
        // A 503 does not prove the request was not committed: the rows may now be there twice.
        assertEquals(List.of(new RowRange(0, 30)), r.possiblyDuplicated());
    }

    @Test
    void permanentErrorsDoNotFallBack() throws Exception {
        streaming = r -> FakeKusto.Reply.oneApi(400, "BadRequest_MappingReferenceWasNotFound", true);
        IngestException e = assertInstanceOf(
                IngestException.class, awaitFailure(ingestor(managed()).ingest(TestSupport.events(10, 10))));
        assertEquals(0, e.result().rowsQueued());
        assertTrue(storage.requests.isEmpty());
        assertTrue(
                e.result().failures().get(0).cause().getMessage().contains("BadRequest_MappingReferenceWasNotFound"));
    }

    @Test
    void everyRowIsAccountedForAcrossModesUnderMixedFaults() throws Exception {
        // Bounded: 20 calls of 500 rows, streaming answers cycling through ok, 429, 503 and 413, storage 503s now and
        // then.
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        streaming = r -> switch (n.getAndIncrement() % 5) {
            case 1 -> FakeKusto.Reply.oneApi(429, "TooManyRequests", false);
            case 2 -> FakeKusto.Reply.oneApi(503, "ServiceUnavailable", false);
            case 3 -> FakeKusto.Reply.oneApi(413, "Stream_InputStreamTooLarge", true);
            default -> FakeKusto.Reply.ok();
        };
        java.util.concurrent.atomic.AtomicInteger s = new java.util.concurrent.atomic.AtomicInteger();
        storage.fault = k -> s.getAndIncrement() % 7 == 3 ? 503 : null;
        Event.Ingestor ingestor = ingestor(managed()
                .setMaxRawBatchBytes(8 * 1024)
                .setThrottleCooldown(Duration.ofMillis(20))
                .setMaxAttempts(8));
        long streamed = 0;
        long queued = 0;
        for (int call = 0; call < 20; call++) {
            IngestResult r = await(ingestor.ingest(TestSupport.events(500, 40)));
            assertEquals(500, r.rowsIngested(), r.toString());
            streamed += r.rowsIngested() - r.rowsQueued();
            queued += r.rowsQueued();
        }
        assertEquals(10_000, streamed + queued);
        assertTrue(queued > 0 && streamed > 0, "both paths taken: streamed " + streamed + ", queued " + queued);
        // Every queued row is in exactly one blob.
        List<Long> ids = new java.util.ArrayList<>();
        for (FakeStorage.Blob b : storage.blobs.values()) {
            for (String line : FakeKusto.gunzip(b.bytes()).split("\n")) {
                if (!line.isEmpty()) {
                    ids.add(Long.parseLong(line.substring(6, line.indexOf(','))));
                }
            }
        }
        assertEquals(queued, ids.size());
        assertEquals(
                storage.blobs.size(),
                new HashSet<>(storage.messages.stream()
                                .map(m -> m.json().getString("Id"))
                                .toList())
                        .size());
    }
}
