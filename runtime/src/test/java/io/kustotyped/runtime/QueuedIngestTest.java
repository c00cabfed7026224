package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static io.kustotyped.runtime.TestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Queued ingestion against a loopback DM ({@link FakeKusto} answering the two DM commands, as the same URL serves both
 * on loopback) and an in-memory storage ({@link FakeStorage}): the blob, the message, the resource cache, the status
 * table. The same paths against Azurite and the emulator's DM are in integration-tests.
 */
class QueuedIngestTest extends QueuedTestBase {

    /** The Ids of every JSON line of every blob, from the blobs' gzip bytes. */
    private List<Long> idsInBlobs() {
        List<FakeKusto.Received> asRequests = new ArrayList<>();
        for (FakeStorage.Blob b : storage.blobs.values()) {
            String text = FakeKusto.gunzip(b.bytes());
            asRequests.add(
                    new FakeKusto.Received("PUT", b.path(), b.path(), java.util.Map.of(), null, b.bytes(), text));
        }
        return TestSupport.ids(asRequests);
    }

    @Test
    void everyRowLandsInBlobsWithTheMessageTheDmExpects() throws Exception {
        List<Event> rows = TestSupport.events(5_000, 120);
        Event.Ingestor ingestor = new Event.Ingestor(client, "Db", queued().setMaxRawBlobBytes(128 * 1024));
        IngestResult r = await(ingestor.ingest(rows));

        assertEquals(5_000, r.rowsIngested());
        assertEquals(5_000, r.rowsQueued());
        assertTrue(
                r.queuedBatches().size() > 1,
                "several blobs: " + r.queuedBatches().size());
        assertEquals(0, r.fallbacks());
        assertTrue(kusto.ingests().isEmpty(), "no streaming request in QUEUED mode");
        // Every row exactly once, across the blobs.
        List<Long> ids = idsInBlobs();
        assertEquals(5_000, ids.size());
        assertEquals(5_000, new HashSet<>(ids).size());
        assertEquals(r.queuedBatches().size(), storage.blobs.size());
        assertEquals(r.queuedBatches().size(), storage.messages.size());

        Set<String> sourceIds = new HashSet<>();
        for (FakeStorage.Message m : storage.messages) {
            JsonObject j = m.json();
            assertTrue(m.queue().startsWith("readyforaggregation-"), m.queue());
            String id = j.getString("Id");
            sourceIds.add(id);
            String blobPath = j.getString("BlobPath");
            String name = "Db__My Events__StreamUpload__" + id + ".multijson.gz";
            assertTrue(blobPath.contains("/tempstorage-"), blobPath);
            assertTrue(
                    blobPath.endsWith(
                            "/" + io.kustotyped.runtime.impl.Http.percentEncode(name) + "?" + FakeStorage.SAS),
                    blobPath);
            FakeStorage.Blob blob =
                    storage.blobs.get(java.net.URI.create(blobPath).getRawPath());
            assertEquals("BlockBlob", blob.headers().get("x-ms-blob-type"));
            assertEquals(String.valueOf(blob.bytes().length), blob.headers().get("content-length"));
            // RawDataSize is the uncompressed size, not the blob's.
            assertEquals(
                    FakeKusto.gunzip(blob.bytes()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    j.getLong("RawDataSize"));
            assertTrue(j.getLong("RawDataSize") > blob.bytes().length);
            assertEquals("Db", j.getString("DatabaseName"));
            assertEquals("My Events", j.getString("TableName"));
            assertEquals(0, j.getInteger("ReportLevel"));
            assertEquals(0, j.getInteger("ReportMethod"));
            JsonObject props = j.getJsonObject("AdditionalProperties");
            assertEquals(IDENTITY_TOKEN, props.getString("authorizationContext"));
            assertEquals("multijson", props.getString("format"));
            assertEquals("My Events_mapping", props.getString("ingestionMappingReference"));
            assertEquals("Json", props.getString("ingestionMappingType"));
        }
        Set<String> reported = new HashSet<>();
        for (QueuedBatch b : r.queuedBatches()) {
            reported.add(b.sourceId());
            assertEquals(QueuedBatch.Reason.QUEUED_MODE, b.reason());
            assertEquals(QueuedBatch.Status.QUEUED, b.status());
            assertTrue(b.rawBytes() <= 128 * 1024);
        }
        assertEquals(sourceIds, reported);
    }

    @Test
    void blobsStayWithinTheSlotsMemoryBound() throws Exception {
        int blob = 256 * 1024;
        IngestOptions o = queued().setMaxRawBlobBytes(blob).setMaxInFlight(2);
        // About 12 MiB of JSON, read lazily: at most 2 blobs (raw and gzip) are held at once.
        IngestResult r = await(new Event.Ingestor(client, "Db", o)
                .ingest(java.util.stream.LongStream.range(0, 60_000)
                        .mapToObj(i -> new Event(i, TestSupport.message((int) i, 180)))));
        assertEquals(60_000, r.rowsQueued());
        assertTrue(
                r.queuedBatches().size() >= 40,
                "blobs of at most 256 KiB: " + r.queuedBatches().size());
        assertTrue(r.queuedBatches().stream().allMatch(b -> b.rawBytes() <= blob));
        assertTrue(r.peakBufferedBytes() <= 2L * (blob + blob), "peak " + r.peakBufferedBytes());
    }

    @Test
    void resourcesAreCachedAndRefreshed() throws Exception {
        Event.Ingestor ingestor = new Event.Ingestor(client, "Db", queued());
        await(ingestor.ingest(TestSupport.events(10, 10)));
        await(ingestor.ingest(TestSupport.events(10, 10)));
        assertEquals(1, resourceFetches.get(), "cached for the refresh interval");

        KustoClient shortLived = client(Duration.ofMillis(200));
        Event.Ingestor refreshing = new Event.Ingestor(shortLived, "Db", queued());
        await(refreshing.ingest(TestSupport.events(10, 10)));
        assertEquals(2, resourceFetches.get());
        Thread.sleep(300);
        await(refreshing.ingest(TestSupport.events(10, 10)));
        assertEquals(3, resourceFetches.get(), "fetched again once older than the refresh interval");

        // A refused SAS (403) makes the next attempt fetch fresh resources, and the batch still lands.
        AtomicInteger refusals = new AtomicInteger();
        storage.fault = k -> k.startsWith("PUT") && refusals.getAndIncrement() < 3 ? 403 : null;
        IngestResult r = await(ingestor.ingest(TestSupport.events(10, 10)));
        assertEquals(10, r.rowsIngested());
        assertEquals(2, r.requests(), "three containers refused, then a second attempt with fresh resources");
        assertEquals(4, resourceFetches.get());
    }

    @Test
    void tracksStatusAndReportsAFailedBatchByItsRows() throws Exception {
        // Play the DM: the first blob fails (bad mapping), the others succeed, a little later.
        AtomicInteger n = new AtomicInteger();
        storage.onMessage = m -> vertx.setTimer(50, t -> {
            if (n.getAndIncrement() == 0) {
                storage.setStatus(m, "Failed", "BadRequest_MappingReferenceWasNotFound");
            } else {
                storage.setStatus(m, "Succeeded", null);
            }
        });
        IngestOptions o = queued().setMaxRawBlobBytes(16 * 1024)
                .setMaxInFlight(1)
                .setQueuedStatusTimeout(Duration.ofSeconds(20))
                .setStatusPollInterval(Duration.ofMillis(20));
        List<Event> rows = TestSupport.events(1_000, 100);
        IngestException e =
                assertInstanceOf(IngestException.class, awaitFailure(new Event.Ingestor(client, "Db", o).ingest(rows)));
        IngestResult r = e.result();
        assertEquals(1, r.failures().size(), r.toString());
        FailedRows failed = r.failures().get(0);
        QueuedBatch first = r.queuedBatches().get(0);
        assertEquals(first.ranges(), failed.ranges(), "the failed blob's rows, by index");
        assertEquals(0, failed.ranges().get(0).from());
        QueuedIngestionException q = assertInstanceOf(QueuedIngestionException.class, failed.cause());
        assertEquals("BadRequest_MappingReferenceWasNotFound", q.code().orElseThrow());
        assertEquals(first.sourceId(), q.sourceId());
        assertTrue(q.getMessage().contains(failed.ranges().get(0).toString()), q.getMessage());
        assertEquals(QueuedBatch.Status.FAILED, first.status());
        assertTrue(r.queuedBatches().subList(1, r.queuedBatches().size()).stream()
                .allMatch(b -> b.status() == QueuedBatch.Status.SUCCEEDED));
        assertEquals(1_000 - first.rowCount(), r.rowsIngested());
        // Tracked messages ask for table reports and name the row the client wrote first.
        JsonObject m = storage.messages.get(0).json();
        assertEquals(2, m.getInteger("ReportLevel"));
        assertEquals(1, m.getInteger("ReportMethod"));
        assertEquals(
                m.getString("Id"), m.getJsonObject("IngestionStatusInTable").getString("PartitionKey"));
    }

    @Test
    void aBatchStillPendingAtTheTimeoutIsPossiblyIngested() throws Exception {
        IngestOptions o =
                queued().setQueuedStatusTimeout(Duration.ofMillis(300)).setStatusPollInterval(Duration.ofMillis(50));
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "Db", o).ingest(TestSupport.events(10, 10))));
        FailedRows f = e.result().failures().get(0);
        assertTrue(f.possiblyIngested());
        assertTrue(assertInstanceOf(QueuedIngestionException.class, f.cause()).isPending());
        assertEquals(
                QueuedBatch.Status.PENDING, e.result().queuedBatches().get(0).status());
    }

    @Test
    void aSasIsNeverSentOverPlainHttpToAnotherHostNorLogged() throws Exception {
        List<LogRecord> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger("io.kustotyped.runtime.ingest");
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logs.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(h);
        Level before = log.getLevel();
        log.setLevel(Level.ALL);
        try {
            kusto.respond(r -> {
                String csl = new JsonObject(r.text()).getString("csl");
                if (csl.equals(".get ingestion resources")) {
                    return v1Table(
                            "ResourceTypeName",
                            "StorageRoot",
                            List.of(
                                    List.of(
                                            "SecuredReadyForAggregationQueue",
                                            "http://storage.example.com/q?" + FakeStorage.SAS),
                                    List.of("TempStorage", "http://storage.example.com/c?" + FakeStorage.SAS)));
                }
                return v1Table("AuthorizationContext", null, List.of(List.of(IDENTITY_TOKEN)));
            });
            IngestException e = assertInstanceOf(
                    IngestException.class,
                    awaitFailure(new Event.Ingestor(client, "Db", queued().setMaxAttempts(1))
                            .ingest(TestSupport.events(3, 10))));
            Throwable cause = e.result().failures().get(0).cause();
            assertTrue(cause.getMessage().contains("Refusing to send a SAS over plain HTTP"), cause.getMessage());
            assertFalse(cause.getMessage().contains("sig="), cause.getMessage());
            assertFalse(e.getMessage().contains("sig="));
            for (LogRecord l : logs) {
                assertFalse(String.valueOf(l.getMessage()).contains("sig="), l.getMessage());
            }
            assertTrue(storage.requests.isEmpty());
        } finally {
            log.removeHandler(h);
            log.setLevel(before);
        }
    }

    @Test
    void ingestionEndpointIsDerivedAsTheSdksDo() {
        assertEquals(
                "https://ingest-c.westeurope.kusto.windows.net",
                IngestionEndpoints.derive("https://c.westeurope.kusto.windows.net"));
        assertEquals(
                "https://ingest-c.kusto.windows.net", IngestionEndpoints.derive("https://ingest-c.kusto.windows.net"));
        assertEquals("http://localhost:8080", IngestionEndpoints.derive("http://localhost:8080"));
        assertEquals("http://127.0.0.1:8080", IngestionEndpoints.derive("http://127.0.0.1:8080"));
        assertEquals("https://10.0.0.4", IngestionEndpoints.derive("https://10.0.0.4"));
        assertEquals(kusto.url(), client.ingestionEndpoint());
        assertNull(new KustoClientOptions().getIngestionEndpoint());
    }

    @Test
    void storageAccountsAreRankedAndInterleaved() {
        StorageRanking ranking = new StorageRanking();
        String a1 = "https://a.queue.core.windows.net/q1?s";
        String a2 = "https://a.queue.core.windows.net/q2?s";
        String b1 = "https://b.queue.core.windows.net/q1?s";
        String b2 = "https://b.queue.core.windows.net/q2?s";
        List<String> order = ranking.order(List.of(a1, a2, b1, b2));
        // Interleaved: one of each account, then the second of each.
        assertTrue(
                Set.of(a1, b1).containsAll(order.subList(0, 2))
                        || Set.of(a2, b2).containsAll(order.subList(0, 2))
                        || !StorageRanking.account(order.get(0)).equals(StorageRanking.account(order.get(1))),
                order.toString());
        assertEquals("devstoreaccount1", StorageRanking.account("http://127.0.0.1:10000/devstoreaccount1/c?s"));
        // An account that keeps failing drops below the healthy one.
        for (int i = 0; i < 10; i++) {
            ranking.report(a1, false);
            ranking.report(b1, true);
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    "b",
                    StorageRanking.account(
                            ranking.order(List.of(a1, a2, b1, b2)).get(0)));
        }
    }
}
