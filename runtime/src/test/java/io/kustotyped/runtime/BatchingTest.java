package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static io.kustotyped.runtime.TestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Batch cutting at the raw and compressed limits, rows too large alone, 413 splits, per-row writer failures. */
class BatchingTest extends FakeKustoTestBase {

    private static List<Long> range(long n) {
        return LongStream.range(0, n).boxed().toList();
    }

    @Test
    void cutsAtRowBoundariesWithinTheRawLimitAndLosesNothing() throws Exception {
        int limit = 8 * 1024;
        IngestResult r = await(new Event.Ingestor(client, "db", new IngestOptions().setMaxRawBatchBytes(limit))
                .ingest(TestSupport.events(2000, 100)));
        assertEquals(2000, r.rowsIngested());
        assertTrue(
                server.ingests().size() > 20,
                "expected many requests, got " + server.ingests().size());
        for (FakeKusto.Received req : server.ingests()) {
            assertTrue(req.text().length() <= limit, "raw body " + req.text().length() + " over " + limit);
            assertTrue(req.text().endsWith("\n"));
        }
        List<Long> ids = new ArrayList<>(TestSupport.ids(server.ingests()));
        ids.sort(null);
        assertEquals(range(2000), ids, "every row exactly once");
        assertEquals(server.ingests().size(), r.requests());
        assertEquals(server.ingests().stream().mapToLong(q -> q.text().length()).sum(), r.rawBytes());
        assertEquals(
                server.ingests().stream().mapToLong(q -> q.rawBody().length).sum(), r.compressedBytes());
    }

    @Test
    void worksWhenCalledFromAnEventLoopAndNeverSerializesOnIt() throws Exception {
        java.util.Set<String> serializingThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Iterator<Event> rows = new java.util.Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 3000;
            }

            @Override
            public Event next() {
                serializingThreads.add(Thread.currentThread().getName());
                return new Event(i++, "m");
            }
        };
        io.vertx.core.Promise<IngestResult> done = io.vertx.core.Promise.promise();
        Event.Ingestor ingestor = new Event.Ingestor(client, "db", new IngestOptions().setMaxRawBatchBytes(4096));
        vertx.runOnContext(v -> ingestor.ingest(rows).onComplete(done));
        assertEquals(3000, await(done.future()).rowsIngested());
        assertTrue(serializingThreads.stream().noneMatch(t -> t.contains("eventloop")), serializingThreads.toString());
        assertTrue(
                serializingThreads.stream().allMatch(t -> t.startsWith("kusto-typed-encoder")),
                serializingThreads.toString());
    }

    @Test
    void cutsByRowCount() throws Exception {
        await(new Event.Ingestor(client, "db", new IngestOptions().setMaxBatchRows(7))
                .ingest(TestSupport.events(50, 5)));
        assertEquals(8, server.ingests().size());
        assertTrue(server.ingests().stream().allMatch(q -> q.lines().size() <= 7));
    }

    @Test
    void aRowTooLargeAloneFailsWithItsIndexAndTheRestLand() throws Exception {
        List<Event> rows = new ArrayList<>(TestSupport.events(100, 20));
        rows.set(42, new Event(42, "x".repeat(5000)));
        Throwable t = awaitFailure(
                new Event.Ingestor(client, "db", new IngestOptions().setMaxRawBatchBytes(4096)).ingest(rows));
        IngestException e = assertInstanceOf(IngestException.class, t);
        IngestResult r = e.result();
        assertEquals(99, r.rowsIngested());
        assertEquals(1, r.failures().size());
        assertEquals(List.of(new RowRange(42, 43)), r.failures().get(0).ranges());
        RowTooLargeException cause =
                assertInstanceOf(RowTooLargeException.class, r.failures().get(0).cause());
        assertEquals(42, cause.rowIndex());
        assertTrue(e.getMessage().contains("row 42"), e.getMessage());
        List<Long> ids = new ArrayList<>(TestSupport.ids(server.ingests()));
        ids.sort(null);
        List<Long> expected = new ArrayList<>(range(100));
        expected.remove(Long.valueOf(42));
        assertEquals(expected, ids);
    }

    @Test
    void aCompressedBodyOverItsLimitIsSplit() throws Exception {
        // random letters compress about 1.6x: 4 KiB raw gives ~2.5 KiB gzip, over a 1 KiB compressed limit
        IngestResult r = await(new Event.Ingestor(
                        client,
                        "db",
                        new IngestOptions().setMaxRawBatchBytes(4096).setMaxCompressedBatchBytes(1024))
                .ingest(TestSupport.events(200, 60)));
        assertEquals(200, r.rowsIngested());
        assertTrue(server.ingests().stream().allMatch(q -> q.rawBody().length <= 1024));
        List<Long> ids = new ArrayList<>(TestSupport.ids(server.ingests()));
        ids.sort(null);
        assertEquals(range(200), ids);
    }

    @Test
    void a413SplitsTheBatchInHalvesAndResends() throws Exception {
        // the server refuses any body holding more than 10 rows, like a service with a smaller limit
        server.respond(req -> req.lines().size() > 10
                ? FakeKusto.Reply.oneApi(413, "Stream_InputStreamTooLarge", true)
                : FakeKusto.Reply.ok());
        IngestResult r = await(new Event.Ingestor(client, "db", new IngestOptions().setMaxBatchRows(64))
                .ingest(TestSupport.events(64, 10)));
        assertEquals(64, r.rowsIngested());
        List<FakeKusto.Received> accepted =
                server.ingests().stream().filter(q -> q.lines().size() <= 10).toList();
        List<Long> ids = new ArrayList<>(TestSupport.ids(accepted));
        ids.sort(null);
        assertEquals(range(64), ids);
        // 64 -> 32 -> 16 -> 8: 1 + 2 + 4 refused, 8 accepted
        assertEquals(15, r.requests());
    }

    @Test
    void aRowTheWriterCannotSerializeFailsAloneWithItsIndex() throws Exception {
        List<Event> rows = new ArrayList<>(TestSupport.events(10, 5));
        rows.set(3, new Event(3, "boom"));
        rows.set(7, null);
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", new IngestOptions()).ingest(rows)));
        assertEquals(8, e.result().rowsIngested());
        assertEquals(List.of(new RowRange(3, 4)), e.result().failures().get(0).ranges());
        assertInstanceOf(
                RowSerializationException.class, e.result().failures().get(0).cause());
        assertEquals(List.of(new RowRange(7, 8)), e.result().failures().get(1).ranges());
        assertEquals(10, e.result().rowsRead());
    }

    @Test
    void aFailingInputIsReportedWithWhereItStopped() throws Exception {
        java.util.Iterator<Event> it = new java.util.Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Event next() {
                if (i == 25) {
                    throw new IllegalStateException("disk on fire");
                }
                return new Event(i++, "m");
            }
        };
        IngestException e = assertInstanceOf(
                IngestException.class, awaitFailure(new Event.Ingestor(client, "db", new IngestOptions()).ingest(it)));
        assertEquals(25, e.result().rowsIngested());
        assertEquals(25, e.result().rowsRead());
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
    }
}
