package io.kustotyped.runtime;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A tiny scriptable Kusto stand-in on 127.0.0.1 (ephemeral port) for runtime tests: records every request with its
 * raw headers and decompressed body, and answers what the test's responder says.
 */
final class FakeKusto implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(
            String method,
            String rawUri,
            String path,
            Map<String, String> query,
            MultiMap headers,
            byte[] rawBody,
            String text) {

        List<String> lines() {
            List<String> out = new ArrayList<>();
            for (String l : text.split("\n")) {
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
            return out;
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /** What to answer. */
    record Reply(int status, String body, Map<String, String> headers, boolean closeConnection) {
        static Reply ok() {
            return new Reply(
                    200,
                    "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":[{\"ColumnName\":"
                            + "\"ConsumedRecordsCount\",\"DataType\":\"Int64\"}],\"Rows\":[[0]]}]}",
                    Map.of(),
                    false);
        }

        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), false);
        }

        static Reply oneApi(int status, String code, boolean permanent) {
            return json(
                    status,
                    "{\"error\":{\"code\":\"" + code + "\",\"message\":\"msg of " + code
                            + "\",\"@type\":\"Kusto.Test." + code + "Exception\",\"@message\":\"detail of " + code
                            + "\",\"@context\":{\"activityId\":\"act-ctx\"},\"@permanent\":" + permanent + "}}");
        }

        static Reply close() {
            return new Reply(0, null, Map.of(), true);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, closeConnection);
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> responder = r -> Reply.ok();

    FakeKusto(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle)
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    void respond(Function<Received, Reply> responder) {
        this.responder = responder;
    }

    List<Received> received() {
        return Collections.unmodifiableList(received);
    }

    List<Received> ingests() {
        return received.stream()
                .filter(r -> r.path().startsWith("/v1/rest/ingest/"))
                .toList();
    }

    private void handle(HttpServerRequest req) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
        req.body().onSuccess(body -> {
            byte[] raw = body.getBytes();
            String text;
            if ("gzip".equalsIgnoreCase(headers.get("Content-Encoding"))) {
                text = gunzip(raw);
            } else {
                text = new String(raw, StandardCharsets.UTF_8);
            }
            String uri = req.uri();
            int q = uri.indexOf('?');
            Map<String, String> query = new LinkedHashMap<>();
            if (q >= 0) {
                for (String kv : uri.substring(q + 1).split("&")) {
                    int eq = kv.indexOf('=');
                    query.put(decode(kv.substring(0, eq)), decode(kv.substring(eq + 1)));
                }
            }
            Received r = new Received(
                    req.method().name(), uri, q >= 0 ? uri.substring(0, q) : uri, query, headers, raw, text);
            received.add(r);
            Reply reply;
            try {
                reply = responder.apply(r);
            } catch (RuntimeException e) {
                reply = Reply.json(500, "{\"error\":{\"code\":\"TestResponderFailed\",\"message\":\"" + e + "\"}}");
            }
            if (reply.closeConnection()) {
                req.connection().close();
                return;
            }
            var resp = req.response().setStatusCode(reply.status());
            resp.putHeader("x-ms-activity-id", "act-" + received.size());
            resp.putHeader("x-ms-client-request-id", String.valueOf(headers.get("x-ms-client-request-id")));
            resp.putHeader("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach(resp::putHeader);
            resp.end(Buffer.buffer(reply.body() == null ? "" : reply.body()));
        });
    }

    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String gunzip(byte[] raw) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the fake server", e);
        }
    }
}
