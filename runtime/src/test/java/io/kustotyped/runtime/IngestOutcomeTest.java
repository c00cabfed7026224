package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static io.kustotyped.runtime.TestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which answers prove that Kusto did not commit a request (docs/ingest-outcomes.md): after any other one, the rows a
 * retry lands are reported in {@code possiblyDuplicated()}, and rows that never land are failures marked
 * {@code possiblyIngested}.
 */
class IngestOutcomeTest {

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

    private static IngestOptions options() {
        return new IngestOptions()
                .setInitialBackoff(Duration.ofMillis(1))
                .setMaxBackoff(Duration.ofMillis(5))
                .setMaxAttempts(5);
    }

    /** Answers the replies in order, then 200. */
    private void answer(FakeKusto.Reply... replies) {
        Queue<FakeKusto.Reply> queue = new ConcurrentLinkedQueue<>(List.of(replies));
        server.respond(r -> {
            FakeKusto.Reply next = queue.poll();
            return next == null ? FakeKusto.Reply.ok() : next;
        });
    }

    static Stream<Arguments> transientAnswers() {
        return Stream.of(
                Arguments.of(
                        "500 with a Kusto error",
                        FakeKusto.Reply.oneApi(500, "General_InternalServerError", false),
                        true),
                Arguments.of("503 with a Kusto error", FakeKusto.Reply.oneApi(503, "ServiceUnavailable", false), true),
                Arguments.of("503 with no body", FakeKusto.Reply.json(503, ""), true),
                Arguments.of("504 gateway timeout", FakeKusto.Reply.json(504, ""), true),
                Arguments.of(
                        "a proxy's 502 page", FakeKusto.Reply.json(502, "<html><h1>502 Bad Gateway</h1></html>"), true),
                Arguments.of("408 from a proxy", FakeKusto.Reply.json(408, "Request Timeout"), true),
                Arguments.of("a connection closed after the request", FakeKusto.Reply.close(), true),
                Arguments.of("429 throttled", FakeKusto.Reply.oneApi(429, "TooManyRequests", false), false),
                Arguments.of("429 with a body that is not Kusto's", FakeKusto.Reply.json(429, "slow down"), false),
                Arguments.of(
                        "400 with a transient Kusto code",
                        FakeKusto.Reply.oneApi(400, "General_TransientSchemaMismatch", false),
                        false));
    }

    @ParameterizedTest(name = "{0}: duplicate reported = {2}")
    @MethodSource("transientAnswers")
    void aRetryThatLandsIsReportedAsPossibleDuplicateUnlessTheAnswerProvedNothingWasCommitted(
            String what, FakeKusto.Reply first, boolean possiblyCommitted) throws Exception {
        answer(first);
        IngestResult r = await(new Event.Ingestor(client, "db", options()).ingest(TestSupport.events(3, 5)));
        assertEquals(3, r.rowsIngested(), what);
        assertEquals(1, r.retries(), what);
        assertEquals(possiblyCommitted ? List.of(new RowRange(0, 3)) : List.of(), r.possiblyDuplicated(), what);
    }

    @Test
    void anAmbiguousAnswerIsRememberedAcrossLaterAnswersThatProveNothing() throws Exception {
        answer(
                FakeKusto.Reply.oneApi(500, "General_InternalServerError", false),
                FakeKusto.Reply.oneApi(429, "TooManyRequests", false));
        IngestResult r = await(new Event.Ingestor(client, "db", options()).ingest(TestSupport.events(3, 5)));
        assertEquals(List.of(new RowRange(0, 3)), r.possiblyDuplicated());
        assertEquals(2, r.retries());
    }

    @Test
    void theHalvesOfAPossiblyCommittedPieceArePossibleDuplicatesToo() throws Exception {
        answer(
                FakeKusto.Reply.oneApi(500, "General_InternalServerError", false),
                FakeKusto.Reply.oneApi(413, "Stream_InputStreamTooLarge", true));
        IngestResult r = await(new Event.Ingestor(client, "db", options()).ingest(TestSupport.events(4, 5)));
        assertEquals(4, r.rowsIngested());
        assertEquals(List.of(new RowRange(0, 2), new RowRange(2, 4)), r.possiblyDuplicated());
        assertEquals(4, server.ingests().size(), "500, 413, then one request per half");
    }

    @Test
    void whenEveryAttemptIsAmbiguousTheRowsFailAsPossiblyIngested() throws Exception {
        server.respond(r -> FakeKusto.Reply.json(502, "<html>Bad Gateway</html>"));
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", options().setMaxAttempts(2))
                        .ingest(TestSupport.events(3, 5))));
        FailedRows f = e.result().failures().get(0);
        assertTrue(f.possiblyIngested());
        assertTrue(e.getMessage().startsWith("3 of 3 rows did not land (3 possibly ingested)"), e.getMessage());
    }

    @Test
    void anAmbiguousAnswerFollowedByAPermanentOneStillFailsAsPossiblyIngested() throws Exception {
        answer(
                FakeKusto.Reply.oneApi(503, "ServiceUnavailable", false),
                FakeKusto.Reply.oneApi(400, "BadRequest_InvalidBlob", true));
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", options()).ingest(TestSupport.events(3, 5))));
        assertTrue(e.result().failures().get(0).possiblyIngested());
    }

    @Test
    void answersThatProveNothingWasCommittedFailWithoutPossiblyIngested() throws Exception {
        for (FakeKusto.Reply reply : List.of(
                FakeKusto.Reply.oneApi(400, "BadRequest_InvalidBlob", true),
                FakeKusto.Reply.json(401, "{\"Message\":\"Authorization has been denied for this request.\"}"),
                FakeKusto.Reply.oneApi(403, "Forbidden", true),
                FakeKusto.Reply.oneApi(400, "BadRequest_MappingReferenceWasNotFound", true),
                FakeKusto.Reply.json(404, ""))) {
            server.respond(r -> reply);
            IngestException e = assertInstanceOf(
                    IngestException.class,
                    awaitFailure(new Event.Ingestor(client, "db", options()).ingest(TestSupport.events(3, 5))));
            assertFalse(e.result().failures().get(0).possiblyIngested(), reply.toString());
            assertEquals(1, e.result().requests(), "not retried: " + reply);
        }
    }

    @Test
    void aRejectedTokenNamesTheTokenSourcesAndTheCountsAreRight() throws Exception {
        server.respond(
                r -> FakeKusto.Reply.json(401, "{\"Message\":\"Authorization has been denied for this request.\"}"));
        IngestOptions o = options().setMaxBatchRows(100).setMaxInFlight(1);
        IngestException e = assertInstanceOf(
                IngestException.class,
                awaitFailure(new Event.Ingestor(client, "db", o).ingest(TestSupport.events(1000, 5))));
        IngestResult r = e.result();
        assertEquals(1000, r.rowsFailed());
        assertTrue(r.rowsRead() < 1000, "reading stopped early: " + r.rowsRead());
        assertTrue(e.getMessage().startsWith("1000 of 1000 rows did not land"), e.getMessage());
        KustoServiceException k = assertInstanceOf(
                KustoServiceException.class, r.failures().get(0).cause());
        String hint = k.hint().orElseThrow();
        for (String source : List.of("KUSTO_ACCESS_TOKEN", "TokenProvider", "az login")) {
            assertTrue(hint.contains(source), hint);
        }
        // management requests name them too
        KustoServiceException mgmt =
                assertInstanceOf(KustoServiceException.class, awaitFailure(client.executeMgmt("db", ".show tables")));
        assertTrue(mgmt.getMessage().contains("KUSTO_ACCESS_TOKEN"), mgmt.getMessage());
    }
}
