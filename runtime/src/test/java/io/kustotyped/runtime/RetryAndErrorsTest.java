package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static io.kustotyped.runtime.TestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Typed errors, retries of transient failures only, ambiguous failures, pitfall hints and the listener. */
class RetryAndErrorsTest {

    private Vertx vertx;
    private FakeKusto server;
    private KustoClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new FakeKusto(vertx);
        client = KustoClient.create(
                vertx, new KustoClientOptions().setClusterUrl(server.url()).setRequestTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        await(vertx.close());
    }

    private static IngestOptions fastRetries() {
        return new IngestOptions()
                .setInitialBackoff(Duration.ofMillis(5))
                .setMaxBackoff(Duration.ofMillis(20))
                .setMaxAttempts(6);
    }

    @Test
    void oneApiErrorIsParsedIntoEveryField() throws Exception {
        server.respond(r -> FakeKusto.Reply.oneApi(400, "BadRequest_InvalidMapping", true));
        KustoServiceException e =
                assertInstanceOf(KustoServiceException.class, awaitFailure(client.executeMgmt("db", ".bad")));
        assertEquals(400, e.status());
        assertEquals("BadRequest_InvalidMapping", e.code().orElseThrow());
        assertEquals("msg of BadRequest_InvalidMapping", e.errorMessage().orElseThrow());
        assertEquals("Kusto.Test.BadRequest_InvalidMappingException", e.type().orElseThrow());
        assertEquals("detail of BadRequest_InvalidMapping", e.detail().orElseThrow());
        assertEquals(true, e.permanent().orElseThrow());
        assertEquals("act-1", e.activityId().orElseThrow());
        assertTrue(e.clientRequestId().startsWith("kusto-typed.mgmt;"));
        assertFalse(e.isTransient());
        assertTrue(
                e.getMessage().contains("BadRequest_InvalidMapping")
                        && e.getMessage().contains(e.clientRequestId()),
                e.getMessage());
    }

    @Test
    void nonOneApiBodiesAreKeptAsText() throws Exception {
        server.respond(
                r -> FakeKusto.Reply.json(401, "{\"Message\":\"Authorization has been denied for this request.\"}"));
        KustoServiceException e =
                assertInstanceOf(KustoServiceException.class, awaitFailure(client.executeMgmt("db", ".x")));
        assertEquals(401, e.status());
        assertTrue(e.code().isEmpty());
        assertTrue(e.rawBody().orElseThrow().contains("Authorization has been denied"));
        assertFalse(e.isTransient());

        server.respond(r -> FakeKusto.Reply.json(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"));
        KustoServiceException proxy =
                assertInstanceOf(KustoServiceException.class, awaitFailure(client.executeMgmt("db", ".x")));
        assertTrue(proxy.rawBody().orElseThrow().contains("502 Bad Gateway"));
        assertTrue(proxy.isTransient());
    }

    @Test
    void throttlingIsRetriedHonouringRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Long> times = new CopyOnWriteArrayList<>();
        server.respond(r -> {
            times.add(System.nanoTime());
            return calls.incrementAndGet() == 1
                    ? FakeKusto.Reply.oneApi(429, "TooManyRequests", false).withHeader("Retry-After", "1")
                    : FakeKusto.Reply.ok();
        });
        List<IngestListener.RequestEvent> events = new CopyOnWriteArrayList<>();
        IngestResult r = await(new Event.Ingestor(client, "db", fastRetries().setListener(events::add))
                .ingest(TestSupport.events(5, 5)));
        assertEquals(5, r.rowsIngested());
        assertEquals(2, r.requests());
        assertEquals(1, r.retries());
        assertEquals(1, r.throttled());
        assertTrue(times.get(1) - times.get(0) >= 950_000_000L, "Retry-After: 1 must be honoured");
        String first = server.ingests().get(0).header("x-ms-client-request-id");
        assertEquals(
                first + ";1",
                server.ingests().get(1).header("x-ms-client-request-id"),
                "a retry keeps the uuid and appends the attempt");
        assertEquals(2, events.size());
        assertEquals(IngestListener.Outcome.RETRYING, events.get(0).outcome());
        assertTrue(events.get(0).throttled());
        assertEquals(429, events.get(0).status());
        assertEquals(IngestListener.Outcome.SUCCEEDED, events.get(1).outcome());
        assertEquals(5, events.get(1).rows());
        assertEquals(1, events.get(1).attempt());
    }

    @Test
    void transientFaultsOnMostRequestsStillLandEveryRowExactlyOnce() throws Exception {
        Map<String, Integer> attemptsPerBatch = new ConcurrentHashMap<>();
        List<Long> landed = new CopyOnWriteArrayList<>();
        AtomicInteger n = new AtomicInteger();
        server.respond(r -> {
            int i = n.incrementAndGet();
            String base = r.header("x-ms-client-request-id").split(";")[1];
            attemptsPerBatch.merge(base, 1, Integer::sum);
            if (i % 3 != 0) { // two requests out of three fail transiently
                return i % 2 == 0
                        ? FakeKusto.Reply.oneApi(503, "General_InternalServerError", false)
                        : FakeKusto.Reply.oneApi(429, "TooManyRequests", false);
            }
            landed.addAll(TestSupport.ids(List.of(r)));
            return FakeKusto.Reply.ok();
        });
        IngestResult r = await(new Event.Ingestor(
                        client, "db", fastRetries().setMaxAttempts(20).setMaxRawBatchBytes(2048))
                .ingest(TestSupport.events(1000, 30)));
        assertEquals(1000, r.rowsIngested());
        List<Long> sorted = new ArrayList<>(landed);
        sorted.sort(null);
        assertEquals(LongStream.range(0, 1000).boxed().toList(), sorted, "every row landed exactly once");
        assertEquals(server.ingests().size(), r.requests());
        assertEquals(r.requests() - r.clientRequestIds().size(), r.retries());
        assertTrue(r.retries() > r.clientRequestIds().size(), "most requests failed at least once");
    }

    @Test
    void permanentErrorsAreNotRetriedAndNameTheRows() throws Exception {
        server.respond(r -> r.lines().get(0).startsWith("{\"Id\":5,")
                ? FakeKusto.Reply.oneApi(400, "BadRequest_InvalidBlob", true)
                : FakeKusto.Reply.ok());
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", fastRetries().setMaxBatchRows(5))
                        .ingest(TestSupport.events(20, 5))));
        IngestResult r = e.result();
        assertEquals(15, r.rowsIngested());
        assertEquals(4, r.requests(), "no retry of a permanent error");
        assertEquals(List.of(new RowRange(5, 10)), r.failures().get(0).ranges());
        KustoServiceException k = assertInstanceOf(
                KustoServiceException.class, r.failures().get(0).cause());
        assertEquals("BadRequest_InvalidBlob", k.code().orElseThrow());
        assertTrue(
                e.getMessage().contains("rows 5..9") && e.getMessage().contains("BadRequest_InvalidBlob"),
                e.getMessage());
    }

    @Test
    void aTargetErrorStopsReadingAndReportsTheUnreadRows() throws Exception {
        server.respond(r -> FakeKusto.Reply.oneApi(400, "BadRequest_MappingReferenceWasNotFound", true));
        IngestOptions o = fastRetries().setMaxBatchRows(10).setMaxInFlight(1);
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", o).ingest(TestSupport.events(1000, 5))));
        IngestResult r = e.result();
        assertEquals(1, r.requests(), "after the first answer no more requests are sent");
        assertTrue(r.stoppedReading().isPresent());
        assertEquals(1000, r.rowsFailed(), "a list's unread rows are listed too: " + r.failures());
        assertEquals(new RowRange(0, 10), r.failures().get(0).ranges().get(0));
        assertEquals(
                new RowRange(r.rowsRead(), 1000),
                r.failures().get(r.failures().size() - 1).ranges().get(0));
        assertTrue(e.getMessage().contains("reading stopped"), e.getMessage());
        assertTrue(
                e.getMessage().startsWith("1000 of 1000 rows did not land (" + (1000 - r.rowsRead()) + " never read)"),
                e.getMessage());

        // a lazy input of unknown size: says where reading stopped
        java.util.Iterator<Event> lazy = TestSupport.events(1000, 5).iterator();
        e = assertInstanceOf(IngestException.class, awaitFailure(new Event.Ingestor(client, "db", o).ingest(lazy)));
        assertTrue(e.result().rowsRead() < 1000);
        assertEquals(e.result().rowsRead(), e.result().rowsFailed());
        assertTrue(lazy.hasNext(), "the rest of the input was left unread");
    }

    @Test
    void transientErrorsGiveUpAfterMaxAttemptsAndReportTheRows() throws Exception {
        server.respond(r -> FakeKusto.Reply.oneApi(503, "General_InternalServerError", false));
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", fastRetries().setMaxAttempts(3))
                        .ingest(TestSupport.events(4, 5))));
        assertEquals(3, e.result().requests());
        assertEquals(List.of(new RowRange(0, 4)), e.result().failures().get(0).ranges());
    }

    @Test
    void pitfallErrorsSayWhatToRun() throws Exception {
        server.respond(r -> FakeKusto.Reply.oneApi(400, "BadRequest_StreamingIngestionPolicyNotEnabled", true));
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", fastRetries()).ingest(TestSupport.events(2, 5))));
        assertTrue(
                e.getMessage().contains(".alter table ['My Events'] policy streamingingestion enable"), e.getMessage());

        server.respond(r -> FakeKusto.Reply.oneApi(400, "BadRequest_MappingReferenceWasNotFound", true));
        e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", fastRetries()).ingest(TestSupport.events(2, 5))));
        assertTrue(
                e.getMessage().contains("mapping 'My Events_mapping' of table 'My Events' is missing")
                        && e.getMessage().contains("applySchema()"),
                e.getMessage());
        assertFalse(
                e.getMessage().contains("\"Properties\""), "the mapping JSON is named, not quoted: " + e.getMessage());

        server.respond(r -> FakeKusto.Reply.json(404, ""));
        e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", fastRetries()).ingest(TestSupport.events(2, 5))));
        assertTrue(e.getMessage().contains("Streaming ingestion: On"), e.getMessage());
    }

    @Test
    void aConnectionLostAfterTheRequestWasSentIsReportedAsPossibleDuplicate() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.respond(r -> n.incrementAndGet() == 1 ? FakeKusto.Reply.close() : FakeKusto.Reply.ok());
        IngestResult r = await(new Event.Ingestor(client, "db", fastRetries()).ingest(TestSupport.events(3, 5)));
        assertEquals(3, r.rowsIngested());
        assertEquals(List.of(new RowRange(0, 3)), r.possiblyDuplicated());
        assertEquals(1, r.retries());
    }

    @Test
    void aConnectionLostEveryTimeFailsAsPossiblyIngested() throws Exception {
        server.respond(r -> FakeKusto.Reply.close());
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", fastRetries().setMaxAttempts(2))
                        .ingest(TestSupport.events(3, 5))));
        FailedRows f = e.result().failures().get(0);
        assertTrue(f.possiblyIngested());
        KustoTransportException t = assertInstanceOf(KustoTransportException.class, f.cause());
        assertTrue(t.requestSent());
        assertTrue(e.getMessage().contains("possibly ingested"), e.getMessage());
    }

    @Test
    void connectionRefusedIsTransientAndNotAmbiguous() throws Exception {
        server.close();
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", fastRetries().setMaxAttempts(2))
                        .ingest(TestSupport.events(3, 5))));
        FailedRows f = e.result().failures().get(0);
        assertFalse(f.possiblyIngested());
        assertInstanceOf(KustoTransportException.class, f.cause());
        assertEquals(2, e.result().requests());
        assertTrue(
                e.getMessage()
                        .matches("(?s)3 of 3 rows did not land; \\[rows 0\\.\\.2\\]: Gave up after 2 attempts over "
                                + "\\d+\\.\\d s \\(IngestOptions maxAttempts=2\\): Could not connect to .*"),
                e.getMessage());
        server = new FakeKusto(vertx); // for @AfterEach
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.parse("2026-11-28T10:00:00Z");
        assertEquals(Duration.ofSeconds(7), io.kustotyped.runtime.impl.Http.parseRetryAfter("7", now));
        assertEquals(
                Duration.ofSeconds(30),
                io.kustotyped.runtime.impl.Http.parseRetryAfter("Sat, 28 Nov 2026 10:00:30 GMT", now));
        assertEquals(null, io.kustotyped.runtime.impl.Http.parseRetryAfter("soon", now));
    }
}
