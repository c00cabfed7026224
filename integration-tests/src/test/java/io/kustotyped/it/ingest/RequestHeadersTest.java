package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.TokenProvider;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The exact URL and headers of an ingestion request, seen on the server side: a recording pass-through in front of
 * the emulator (which requires the token), so the request checked is one the emulator accepted.
 */
class RequestHeadersTest {

    record Seen(String uri, MultiMap headers, int bodyLength) {}

    @Test
    void ingestRequestCarriesEveryHeaderAndAnEncodedUrl() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (KustoEmulator emulator = KustoEmulator.builder()
                .database("Test")
                .enableStreaming()
                .token("tok")
                .start()) {
            List<Seen> seen = new CopyOnWriteArrayList<>();
            HttpClientAgent upstream = vertx.createHttpClient();
            HttpServer proxy = await(vertx.createHttpServer(
                            new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                    .requestHandler(req -> req.body().onSuccess(body -> {
                        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
                        seen.add(new Seen(req.uri(), headers, body.length()));
                        RequestOptions ro = new RequestOptions()
                                .setMethod(req.method())
                                .setAbsoluteURI(emulator.uri() + req.uri())
                                .setHeaders(headers);
                        upstream.request(ro)
                                .compose(r -> r.send(body))
                                .onSuccess(resp -> resp.body().onSuccess(b -> {
                                    req.response()
                                            .setStatusCode(resp.statusCode())
                                            .headers()
                                            .addAll(resp.headers());
                                    req.response().end(b == null ? Buffer.buffer() : b);
                                }))
                                .onFailure(
                                        e -> req.response().setStatusCode(599).end(e.toString()));
                    }))
                    .listen());
            KustoClient client = KustoClient.create(
                    vertx,
                    new KustoClientOptions()
                            .setClusterUrl("http://127.0.0.1:" + proxy.actualPort())
                            .setTokenProvider(TokenProvider.fixed("tok"))
                            .setApplication("HeadersIT")
                            .setUser("tester"));
            LogEventIngestor ingestor =
                    LogEventIngestor.create(client, new IngestOptions().setClientRequestIdPrefix("HeadersIT.Ingest"));
            await(ingestor.applySchema());
            IngestResult r = await(ingestor.ingest(
                    LongStream.range(0, 100).mapToObj(i -> LogEvent.of(i, 30)).toList()));
            assertEquals(100, r.rowsIngested());
            assertEquals(100, emulator.stats().rowsCommitted("Test", "Logs"));

            List<Seen> ingests = seen.stream()
                    .filter(s -> s.uri().startsWith("/v1/rest/ingest/"))
                    .toList();
            assertEquals(1, ingests.size());
            Seen s = ingests.get(0);
            assertEquals(
                    "/v1/rest/ingest/Test/Logs?streamFormat=MultiJson&mappingName=" + LogEventKustoSchema.MAPPING_NAME,
                    s.uri());
            MultiMap h = s.headers();
            assertEquals("Bearer tok", h.get("Authorization"));
            assertEquals("application/json", h.get("Accept"));
            assertEquals("gzip,deflate", h.get("Accept-Encoding"));
            assertEquals("Keep-Alive", h.get("Connection"));
            assertEquals("gzip", h.get("Content-Encoding"));
            assertEquals(String.valueOf(s.bodyLength()), h.get("Content-Length"));
            assertEquals("HeadersIT", h.get("x-ms-app"));
            assertEquals("tester", h.get("x-ms-user"));
            assertTrue(h.get("x-ms-client-version").startsWith("kusto-typed:{"), h.get("x-ms-client-version"));
            assertTrue(h.get("x-ms-client-request-id").matches("HeadersIT\\.Ingest;[0-9a-f-]{36}"));
            assertEquals(List.of(h.get("x-ms-client-request-id")), r.clientRequestIds());

            Seen mgmt = seen.get(0);
            assertEquals("/v1/rest/mgmt", mgmt.uri());
            assertEquals("application/json; charset=utf-8", mgmt.headers().get("Content-Type"));
            assertEquals("Bearer tok", mgmt.headers().get("Authorization"));
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void namesWithSpacesAndDotsArePercentEncodedAndLand() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (KustoEmulator emulator =
                KustoEmulator.builder().database("My Db").enableStreaming().start()) {
            KustoClient client = KustoClient.create(
                    vertx, new KustoClientOptions().setClusterUrl(emulator.uri().toString()));
            WebEventIngestor ingestor = WebEventIngestor.create(client, "My Db");
            await(ingestor.applySchema());
            await(ingestor.ingest(List.of(new WebEvent("https://x/?a=1&b=2", 200), new WebEvent("/é ü", 404))));
            assertEquals(2, emulator.stats().rowsCommitted("My Db", "Web Events-v1.0"));
            var t = await(client.executeQuery("My Db", "['Web Events-v1.0'] | order by status asc"));
            assertEquals("https://x/?a=1&b=2", t.string(0, "request url"));
            assertEquals("/é ü", t.string(1, "request url"));
        } finally {
            await(vertx.close());
        }
    }
}
