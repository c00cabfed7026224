package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static io.kustotyped.runtime.TestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The long-lived write stream: flush by count, linger and end; backpressure; failures. */
class WriteStreamTest extends FakeKustoTestBase {

    @Test
    void flushesByRowCountAndAtEnd() throws Exception {
        KustoWriteStream<Event> ws = new Event.Ingestor(
                        client, "db", new IngestOptions().setMaxBatchRows(10).setLingerTime(Duration.ofHours(1)))
                .writeStream();
        for (Event e : TestSupport.events(25, 5)) {
            ws.write(e);
        }
        await(ws.end());
        IngestResult r = await(ws.completion());
        assertEquals(25, r.rowsIngested());
        assertEquals(
                List.of(10, 10, 5),
                server.ingests().stream()
                        .map(q -> q.lines().size())
                        .sorted((a, b) -> b - a)
                        .toList());
        List<Long> ids = new ArrayList<>(TestSupport.ids(server.ingests()));
        ids.sort(null);
        assertEquals(LongStream.range(0, 25).boxed().toList(), ids);
    }

    @Test
    void flushesAfterTheLingerTime() throws Exception {
        KustoWriteStream<Event> ws = new Event.Ingestor(
                        client, "db", new IngestOptions().setLingerTime(Duration.ofMillis(100)))
                .writeStream();
        long t0 = System.nanoTime();
        await(ws.write(new Event(1, "a")));
        long waited = System.nanoTime() - t0;
        assertEquals(1, server.ingests().size());
        assertTrue(waited >= 90_000_000L, "flushed after " + waited / 1_000_000 + " ms");
        await(ws.end());
    }

    @Test
    void backpressureWithWriteQueueFullAndDrain() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        // writes are synchronous and flushes asynchronous: the queue fills before the first answer comes back
        server.respond(r -> {
            requests.incrementAndGet();
            firstArrived.countDown();
            return FakeKusto.Reply.ok();
        });
        KustoWriteStream<Event> ws = new Event.Ingestor(
                        client,
                        "db",
                        new IngestOptions()
                                .setMaxBatchRows(5)
                                .setWriteQueueMaxRows(20)
                                .setLingerTime(Duration.ofHours(1)))
                .writeStream();
        AtomicInteger drained = new AtomicInteger();
        ws.drainHandler(v -> drained.incrementAndGet());
        int written = 0;
        while (!ws.writeQueueFull()) {
            ws.write(new Event(written, "m"));
            written++;
            assertTrue(written <= 20, "the queue must report full at 20 rows");
        }
        assertEquals(20, written);
        assertTrue(firstArrived.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (drained.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, drained.get(), "drain handler called once the queue fell to half");
        assertFalse(ws.writeQueueFull());
        await(ws.end());
        assertEquals(20, ws.completion().result().rowsIngested());
    }

    @Test
    void failuresReachTheExceptionHandlerAndTheEnd() throws Exception {
        server.respond(r -> r.lines().get(0).startsWith("{\"Id\":0,")
                ? FakeKusto.Reply.oneApi(400, "BadRequest_InvalidBlob", true)
                : FakeKusto.Reply.ok());
        List<Throwable> seen = new CopyOnWriteArrayList<>();
        KustoWriteStream<Event> ws = new Event.Ingestor(
                        client, "db", new IngestOptions().setMaxBatchRows(3).setLingerTime(Duration.ofHours(1)))
                .writeStream();
        ws.exceptionHandler(seen::add);
        for (Event e : TestSupport.events(9, 5)) {
            ws.write(e);
        }
        Throwable t = awaitFailure(ws.end());
        IngestException e = assertInstanceOf(IngestException.class, t);
        assertEquals(6, e.result().rowsIngested());
        assertEquals(List.of(new RowRange(0, 3)), e.result().failures().get(0).ranges());
        assertEquals(1, seen.size());
        assertTrue(awaitFailure(ws.write(new Event(99, "late"))) instanceof IllegalStateException);
    }
}
