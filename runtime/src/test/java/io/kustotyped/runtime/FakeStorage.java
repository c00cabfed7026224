package io.kustotyped.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory stand-in for the three Azure Storage calls queued ingestion makes, IP-style like Azurite
 * ({@code /{account}/{container}/{blob}}, {@code /{account}/{queue}/messages}, {@code /{account}/{table}}), on
 * 127.0.0.1 (ephemeral port). It checks that every request carries the SAS, records blobs, messages and status rows,
 * and answers what a test's fault function says. The real-storage tests run against Azurite in integration-tests.
 */
final class FakeStorage implements AutoCloseable {

    static final String SAS = "sv=2021-12-02&ss=bqt&srt=sco&sp=rwdlacup&se=2099-01-01T00:00:00Z&sig=c2VjcmV0";
    private static final Pattern ENTITY =
            Pattern.compile("/([^/]+)/([^/(]+)\\(PartitionKey='([^']*)',RowKey='([^']*)'\\)");
    private static final Pattern MESSAGE_TEXT = Pattern.compile("<MessageText>([^<]*)</MessageText>");

    /** A blob as uploaded. */
    record Blob(String path, byte[] bytes, Map<String, String> headers) {}

    /** A queue message, decoded from base64 JSON. */
    record Message(String queue, JsonObject json) {}

    private final HttpServer server;
    final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    final List<Message> messages = new CopyOnWriteArrayList<>();
    final Map<String, JsonObject> entities = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** A status for a request (method + " " + path), or null to serve it. */
    volatile Function<String, Integer> fault = r -> null;
    /** Called with each message posted (e.g. to play the Data Management service and write its status). */
    volatile java.util.function.Consumer<Message> onMessage = m -> {};

    FakeStorage(Vertx vertx) throws Exception {
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle)
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    String base() {
        return "http://127.0.0.1:" + server.actualPort() + "/devstoreaccount1";
    }

    /** The five resource rows the DM lists, with SAS. */
    List<List<Object>> resourceRows() {
        return List.of(
                List.of("SecuredReadyForAggregationQueue", base() + "/readyforaggregation-0?" + SAS),
                List.of("SecuredReadyForAggregationQueue", base() + "/readyforaggregation-1?" + SAS),
                List.of("TempStorage", base() + "/tempstorage-0?" + SAS),
                List.of("TempStorage", base() + "/tempstorage-1?" + SAS),
                List.of("FailedIngestionsQueue", base() + "/failedingestions?" + SAS),
                List.of("SuccessfulIngestionsQueue", base() + "/successfulingestions?" + SAS),
                List.of("IngestionsStatusTable", base() + "/ingestionsstatus?" + SAS));
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            String path = req.path();
            String key = req.method().name() + " " + path;
            requests.add(key);
            if (req.query() == null || !req.query().contains("sig=")) {
                req.response()
                        .setStatusCode(403)
                        .putHeader("x-ms-error-code", "AuthenticationFailed")
                        .end();
                return;
            }
            Integer status = fault.apply(key);
            if (status != null) {
                req.response()
                        .setStatusCode(status)
                        .putHeader("x-ms-error-code", status == 403 ? "AuthenticationFailed" : "ServerBusy")
                        .end("<?xml version=\"1.0\"?><Error><Code>Fault</Code></Error>");
                return;
            }
            String[] parts = path.split("/");
            Matcher entity = ENTITY.matcher(path);
            if (req.method().name().equals("PUT") && parts.length == 4) {
                Map<String, String> headers = new ConcurrentHashMap<>();
                req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                blobs.put(path, new Blob(path, body.getBytes(), headers));
                req.response().setStatusCode(201).end();
            } else if (req.method().name().equals("POST") && path.endsWith("/messages")) {
                Matcher m = MESSAGE_TEXT.matcher(body.toString(StandardCharsets.UTF_8));
                if (!m.find()) {
                    req.response().setStatusCode(400).end();
                    return;
                }
                Message msg = new Message(
                        parts[2],
                        new JsonObject(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8)));
                messages.add(msg);
                req.response()
                        .setStatusCode(201)
                        .putHeader("Content-Type", "application/xml")
                        .end("<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage><MessageId>"
                                + messages.size() + "</MessageId></QueueMessage></QueueMessagesList>");
                onMessage.accept(msg);
            } else if (req.method().name().equals("POST") && parts.length == 3) {
                JsonObject e = body.toJsonObject();
                entities.put(e.getString("PartitionKey") + "/" + e.getString("RowKey"), e);
                req.response().setStatusCode(204).end();
            } else if (req.method().name().equals("GET") && entity.matches()) {
                JsonObject e = entities.get(entity.group(3) + "/" + entity.group(4));
                if (e == null) {
                    req.response()
                            .setStatusCode(404)
                            .putHeader("x-ms-error-code", "ResourceNotFound")
                            .end();
                } else {
                    req.response().putHeader("Content-Type", "application/json").end(e.toBuffer());
                }
            } else {
                req.response().setStatusCode(400).end(Buffer.buffer("unexpected " + key));
            }
        });
    }

    /** Plays the DM: marks a tracked message's status row as {@code status}. */
    void setStatus(Message m, String status, String errorCode) {
        String id = m.json().getString("Id");
        JsonObject row = entities.getOrDefault(
                id + "/" + id, new JsonObject().put("PartitionKey", id).put("RowKey", id));
        row.put("Status", status);
        if (errorCode != null) {
            row.put("ErrorCode", errorCode).put("FailureStatus", "Permanent").put("Details", "mapping not found");
        }
        entities.put(id + "/" + id, row);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
