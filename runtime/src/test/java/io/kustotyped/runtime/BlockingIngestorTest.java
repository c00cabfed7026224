package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BlockingIngestor}: results and failures as they are, refusal on Vert.x threads, timeouts, interrupts. */
class BlockingIngestorTest {

    private Vertx vertx;
    private FakeKusto server;
    private KustoClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new FakeKusto(vertx);
        client = KustoClient.create(new KustoClientOptions().setClusterUrl(server.url()));
    }

    @AfterEach
    void stop() throws Exception {
        await(client.close());
        server.close();
        await(vertx.close());
    }

    private BlockingIngestor<Event> blocking() {
        return new Event.Ingestor(client, "db", new IngestOptions()).blocking();
    }

    @Test
    void callsReturnTheirResults() {
        BlockingIngestor<Event> events = blocking();
        assertEquals(BlockingIngestor.DEFAULT_TIMEOUT, events.timeout());
        events.applySchema();
        assertEquals(4, server.received().size(), "three schema commands and the schema-cache clear");

        IngestResult result = events.ingest(TestSupport.events(25, 10));
        assertEquals(25, result.rowsIngested());
        assertEquals(25, TestSupport.ids(server.ingests()).size());

        // Any Iterable, not only a List.
        Iterable<Event> lazy = () -> TestSupport.events(3, 10).iterator();
        assertEquals(3, events.ingest(lazy, Duration.ofSeconds(30)).rowsIngested());
    }

    @Test
    void failuresAreThrownAsTheFutureFailed() {
        server.respond(r -> FakeKusto.Reply.oneApi(400, "BadRequest_Test", true));
        BlockingIngestor<Event> events = blocking();
        IngestException ingest = assertThrows(IngestException.class, () -> events.ingest(TestSupport.events(2, 10)));
        assertEquals(2, ingest.result().rowsFailed());
        KustoServiceException mgmt = assertThrows(KustoServiceException.class, events::applySchema);
        assertEquals("BadRequest_Test", mgmt.code().orElseThrow());
        assertThrows(KustoServiceException.class, events::checkSchema);
    }

    @Test
    void queryWithoutAReaderSaysWhy() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> blocking().query("| take 1"));
        assertTrue(e.getMessage().contains("no generated reader"), e.getMessage());
        assertEquals(0, server.received().size(), "nothing is sent");
    }

    /** Runs {@code call} on {@code thread} and returns what it threw. */
    private static Throwable thrownOn(Supplier<CompletableFuture<Throwable>> thread) throws Exception {
        return thread.get().get(10, TimeUnit.SECONDS);
    }

    @Test
    void refusesOnAnEventLoopAndOnAWorkerOfAnyVertx() throws Exception {
        BlockingIngestor<Event> events = blocking();
        Throwable onLoop = thrownOn(() -> {
            CompletableFuture<Throwable> f = new CompletableFuture<>();
            vertx.runOnContext(v -> f.complete(catching(() -> events.ingest(TestSupport.events(1, 10)))));
            return f;
        });
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, onLoop);
        assertTrue(
                e.getMessage().contains("ingest(rows)") && e.getMessage().contains("vert.x-eventloop-thread"),
                e.getMessage());
        assertTrue(e.getMessage().contains("returns a Future"), e.getMessage());

        // A worker thread of another Vertx (the server's, not the client's own): refused as well.
        Throwable onWorker = thrownOn(() -> vertx.executeBlocking(() -> catching(events::checkSchema))
                .toCompletionStage()
                .toCompletableFuture());
        assertInstanceOf(IllegalStateException.class, onWorker);
        // And on the client's own event loop.
        Throwable onOwnLoop = thrownOn(() -> {
            CompletableFuture<Throwable> f = new CompletableFuture<>();
            client.vertx().runOnContext(v -> f.complete(catching(events::applySchema)));
            return f;
        });
        assertInstanceOf(IllegalStateException.class, onOwnLoop);
        assertEquals(0, server.received().size(), "refused before anything was sent");
    }

    private static Throwable catching(Runnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** A server that accepts requests and never answers. */
    private String silentServer() throws Exception {
        HttpServer silent = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> {})
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return "http://127.0.0.1:" + silent.actualPort();
    }

    @Test
    void aTimeoutNamesTheCallAndTheTimeout() throws Exception {
        KustoClient slow = KustoClient.create(new KustoClientOptions().setClusterUrl(silentServer()));
        try {
            BlockingIngestor<Event> events =
                    new Event.Ingestor(slow, "db", new IngestOptions()).blocking(Duration.ofMillis(300));
            long start = System.nanoTime();
            BlockingTimeoutException e = assertThrows(BlockingTimeoutException.class, events::applySchema);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
            assertEquals(Duration.ofMillis(300), e.timeout());
            assertEquals("applySchema of table 'My Events' of database 'db'", e.operation());
            assertTrue(e.getMessage().contains("PT0.3S") && e.getMessage().contains("not cancelled"), e.getMessage());

            BlockingTimeoutException perCall = assertThrows(
                    BlockingTimeoutException.class,
                    () -> events.ingest(TestSupport.events(1, 10), Duration.ofMillis(100)));
            assertTrue(perCall.getMessage().startsWith("ingest into table 'My Events'"), perCall.getMessage());
        } finally {
            await(slow.close());
        }
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptFlag() throws Exception {
        KustoClient slow = KustoClient.create(new KustoClientOptions().setClusterUrl(silentServer()));
        try {
            BlockingIngestor<Event> events = new Event.Ingestor(slow, "db", new IngestOptions()).blocking();
            Thread.currentThread().interrupt();
            CancellationException e = assertThrows(CancellationException.class, events::checkSchema);
            assertTrue(Thread.interrupted(), "the interrupt flag is set again (and cleared here)");
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(e.getMessage().contains("checkSchema of table 'My Events'"), e.getMessage());
        } finally {
            Thread.interrupted();
            await(slow.close());
        }
    }

    @Test
    void timeoutsMustBePositive() {
        TableIngestor<Event> ingestor = new Event.Ingestor(client, "db", new IngestOptions());
        assertThrows(IllegalArgumentException.class, () -> ingestor.blocking(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ingestor.blocking().applySchema(Duration.ofSeconds(-1)));
        assertSame(ingestor, ingestor.blocking().async());
        assertEquals(List.of(), server.received());
    }
}
