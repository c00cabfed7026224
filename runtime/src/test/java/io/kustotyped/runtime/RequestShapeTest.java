package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static io.kustotyped.runtime.TestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact URL and headers of requests, checked on the server side. */
class RequestShapeTest {

    private Vertx vertx;
    private FakeKusto server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new FakeKusto(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        await(vertx.close());
    }

    @Test
    void ingestRequestHasEncodedUrlAndEveryRecommendedHeader() throws Exception {
        KustoClient client = KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl(server.url() + "/")
                        .setTokenProvider(TokenProvider.fixed("secret-token"))
                        .setApplication("MyApp")
                        .setUser("alice"));
        Event.Ingestor ingestor =
                new Event.Ingestor(client, "My Db/1", new IngestOptions().setClientRequestIdPrefix("MyApp.Ingest"));
        IngestResult result = await(ingestor.ingest(TestSupport.events(3, 10)));

        assertEquals(3, result.rowsIngested());
        List<FakeKusto.Received> reqs = server.ingests();
        assertEquals(1, reqs.size());
        FakeKusto.Received r = reqs.get(0);
        assertEquals("POST", r.method());
        assertEquals(
                "/v1/rest/ingest/My%20Db%2F1/My%20Events?streamFormat=MultiJson&mappingName=My%20Events_mapping",
                r.rawUri());
        assertEquals("MultiJson", r.query().get("streamFormat"));
        assertEquals("My Events_mapping", r.query().get("mappingName"));
        assertEquals("Bearer secret-token", r.header("Authorization"));
        assertEquals("application/json", r.header("Accept"));
        assertEquals("gzip,deflate", r.header("Accept-Encoding"));
        assertEquals("Keep-Alive", r.header("Connection"));
        assertEquals("gzip", r.header("Content-Encoding"));
        assertEquals(String.valueOf(r.rawBody().length), r.header("Content-Length"));
        assertEquals("MyApp", r.header("x-ms-app"));
        assertEquals("alice", r.header("x-ms-user"));
        assertTrue(
                r.header("x-ms-client-version").matches("kusto-typed:\\{[^}]+\\}\\|Runtime\\.\\{[^} ]+\\}:\\{[^}]+\\}"),
                r.header("x-ms-client-version"));
        String id = r.header("x-ms-client-request-id");
        assertTrue(id.matches("MyApp\\.Ingest;[0-9a-f-]{36}"), id);
        assertEquals(List.of(id), result.clientRequestIds());
        assertEquals(
                List.of(
                        "{\"Id\":0,\"Message\":\"" + TestSupport.message(0, 10) + "\"}",
                        "{\"Id\":1,\"Message\":\"" + TestSupport.message(1, 10) + "\"}",
                        "{\"Id\":2,\"Message\":\"" + TestSupport.message(2, 10) + "\"}"),
                r.lines());
        assertEquals(r.text().length(), result.rawBytes());
        assertEquals(r.rawBody().length, result.compressedBytes());
    }

    @Test
    void jsonFormatCanBeChosen() throws Exception {
        KustoClient client = KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(server.url()));
        await(new Event.Ingestor(client, "db", new IngestOptions().setStreamFormat(StreamFormat.JSON))
                .ingest(TestSupport.events(1, 5)));
        assertEquals("Json", server.ingests().get(0).query().get("streamFormat"));
    }

    @Test
    void noTokenProviderMeansNoAuthorizationHeader() throws Exception {
        KustoClient client = KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(server.url()));
        await(new Event.Ingestor(client, "db", new IngestOptions()).ingest(TestSupport.events(1, 5)));
        assertNull(server.ingests().get(0).header("Authorization"));
    }

    @Test
    void refusesToSendATokenOverPlainHttpToANonLoopbackHost() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        KustoClient client = KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl("http://kusto.example.invalid")
                        .setTokenProvider(() -> {
                            fetched.incrementAndGet();
                            return Future.succeededFuture(new AccessToken("very-secret", Instant.MAX));
                        }));
        Throwable t = awaitFailure(client.executeMgmt("db", ".show tables"));
        assertTrue(t instanceof IllegalStateException, t.toString());
        assertTrue(
                t.getMessage().contains("plain HTTP") && t.getMessage().contains("kusto.example.invalid"),
                t.getMessage());
        assertFalse(t.getMessage().contains("very-secret"));
        assertEquals(0, fetched.get(), "the token must not even be fetched");
    }

    @Test
    void tokenIsCachedUntilShortlyBeforeExpiry() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        KustoClient client = KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl(server.url())
                        .setTokenProvider(() -> Future.succeededFuture(new AccessToken(
                                "t" + fetched.incrementAndGet(), Instant.now().plusSeconds(3600)))));
        await(client.executeMgmt("db", ".show version"));
        await(client.executeMgmt("db", ".show version"));
        assertEquals(1, fetched.get());
        assertEquals("Bearer t1", server.received().get(1).header("Authorization"));

        AtomicInteger fetched2 = new AtomicInteger();
        KustoClient shortLived = KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl(server.url())
                        .setTokenProvider(() -> Future.succeededFuture(new AccessToken(
                                "s" + fetched2.incrementAndGet(), Instant.now().plusMillis(1)))));
        await(shortLived.executeMgmt("db", ".show version"));
        Thread.sleep(5);
        await(shortLived.executeMgmt("db", ".show version"));
        assertEquals(2, fetched2.get(), "an expired token is fetched again");
    }

    @Test
    void mgmtRequestBodyAndHeaders() throws Exception {
        server.respond(r -> FakeKusto.Reply.json(
                200,
                "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":["
                        + "{\"ColumnName\":\"TableName\",\"DataType\":\"String\",\"ColumnType\":\"string\"},"
                        + "{\"ColumnName\":\"N\",\"DataType\":\"Int64\"}],\"Rows\":[[\"T\",5]]}]}"));
        KustoClient client = KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(server.url()));
        KustoResultTable t = await(client.executeMgmt("My Db", ".show tables"));
        FakeKusto.Received r = server.received().get(0);
        assertEquals("/v1/rest/mgmt", r.rawUri());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        assertEquals("{\"db\":\"My Db\",\"csl\":\".show tables\"}", r.text());
        assertTrue(r.header("x-ms-client-request-id").startsWith("kusto-typed.mgmt;"));
        assertEquals("T", t.string(0, "TableName"));
        assertEquals(5, ((Number) t.value(0, "N")).intValue());
        assertEquals("Int64", t.columns().get(1).type(), "falls back to DataType without ColumnType");
    }

    @Test
    void queryParsesV2PrimaryResult() throws Exception {
        server.respond(r -> FakeKusto.Reply.json(
                200,
                "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false},"
                        + "{\"FrameType\":\"DataTable\",\"TableKind\":\"QueryProperties\",\"TableName\":\"@ExtendedProperties\","
                        + "\"Columns\":[{\"ColumnName\":\"Value\",\"ColumnType\":\"dynamic\"}],\"Rows\":[[{}]]},"
                        + "{\"FrameType\":\"DataTable\",\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\","
                        + "\"Columns\":[{\"ColumnName\":\"x\",\"ColumnType\":\"long\"},{\"ColumnName\":\"d\",\"ColumnType\":\"dynamic\"}],"
                        + "\"Rows\":[[1,{\"a\":[1,2]}]]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false}]"));
        KustoClient client = KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(server.url()));
        KustoResultTable t = await(client.executeQuery("db", "T | take 1"));
        assertEquals("/v2/rest/query", server.received().get(0).rawUri());
        assertEquals("PrimaryResult", t.name());
        assertEquals(1, ((Number) t.value(0, "x")).intValue());
        assertEquals(
                2,
                ((io.vertx.core.json.JsonObject) t.value(0, "d"))
                        .getJsonArray("a")
                        .getInteger(1));
    }
}
