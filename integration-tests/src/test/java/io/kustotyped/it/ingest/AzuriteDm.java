package io.kustotyped.it.ingest;

import io.kustotyped.emulator.dm.StorageAccount;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A loopback stand-in for a Kusto Data Management endpoint in front of a real Azurite: it creates two ingestion queues,
 * two temporary containers, the status and report queues and the status table in Azurite, answers
 * {@code .get ingestion resources} and {@code .get kusto identity token} with account-SAS URLs to them, and lets a test
 * read back what the client wrote (messages, blobs) and write a status row as the DM would, all through Azure
 * Storage's REST API.
 */
final class AzuriteDm implements AutoCloseable {

    static final String VERSION = "2021-12-02";
    static final String IDENTITY_TOKEN = "kusto-identity-token-for-tests";
    private static final Pattern MESSAGE = Pattern.compile(
            "<MessageId>([^<]*)</MessageId>.*?<PopReceipt>([^<]*)</PopReceipt>.*?<MessageText>([^<]*)</MessageText>",
            Pattern.DOTALL);

    final StorageAccount account;
    final String sas;
    final List<String> queues = List.of("readyforaggregation-0", "readyforaggregation-1");
    final List<String> containers = List.of("tempstorage-0", "tempstorage-1");
    final AtomicInteger resourceFetches = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpServer server;

    AzuriteDm(Vertx vertx, StorageAccount account) throws Exception {
        this.account = account;
        this.sas = accountSas(account);
        for (String c : containers) {
            send("PUT", account.blobEndpoint() + "/" + c + "?restype=container&" + sas, null, "", 201, 409);
        }
        for (String q : List.of(queues.get(0), queues.get(1), "successfulingestions", "failedingestions")) {
            send("PUT", account.queueEndpoint() + "/" + q + "?" + sas, null, "", 201, 204);
        }
        send(
                "POST",
                account.tableEndpoint() + "/Tables?" + sas,
                "application/json",
                new JsonObject().put("TableName", "ingestionsstatus").encode(),
                201,
                204,
                409);
        server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> req.body().onSuccess(body -> {
                    String csl = body.toJsonObject().getString("csl");
                    JsonObject answer;
                    if (csl.equals(".get ingestion resources") || csl.equals(".show ingestion resources")) {
                        resourceFetches.incrementAndGet();
                        answer = table(List.of("ResourceTypeName", "StorageRoot"), resources());
                    } else if (csl.equals(".get kusto identity token")) {
                        answer = table(List.of("AuthorizationContext"), List.of(List.of(IDENTITY_TOKEN)));
                    } else {
                        req.response().setStatusCode(400).end("{\"error\":{\"code\":\"BadRequest_SyntaxError\"}}");
                        return;
                    }
                    req.response().putHeader("Content-Type", "application/json").end(answer.encode());
                }))
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    /** The DM URL to give the client ({@code KustoClientOptions.setIngestionEndpoint}). */
    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private List<List<Object>> resources() {
        List<List<Object>> rows = new ArrayList<>();
        for (String q : queues) {
            rows.add(List.of("SecuredReadyForAggregationQueue", account.queueEndpoint() + "/" + q + "?" + sas));
        }
        for (String c : containers) {
            rows.add(List.of("TempStorage", account.blobEndpoint() + "/" + c + "?" + sas));
        }
        rows.add(List.of("FailedIngestionsQueue", account.queueEndpoint() + "/failedingestions?" + sas));
        rows.add(List.of("SuccessfulIngestionsQueue", account.queueEndpoint() + "/successfulingestions?" + sas));
        rows.add(List.of("IngestionsStatusTable", account.tableEndpoint() + "/ingestionsstatus?" + sas));
        return rows;
    }

    private static JsonObject table(List<String> columns, List<List<Object>> rows) {
        JsonArray cols = new JsonArray();
        columns.forEach(c -> cols.add(new JsonObject().put("ColumnName", c).put("DataType", "String")));
        JsonArray rs = new JsonArray();
        rows.forEach(r -> rs.add(new JsonArray(new ArrayList<>(r))));
        return new JsonObject()
                .put(
                        "Tables",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("TableName", "Table_0")
                                        .put("Columns", cols)
                                        .put("Rows", rs)));
    }

    /** Takes every message from the ingestion queues (Get Messages, then Delete Message), decoded. */
    List<JsonObject> takeMessages() throws Exception {
        List<JsonObject> out = new ArrayList<>();
        for (String q : queues) {
            while (true) {
                String xml = send(
                        "GET",
                        account.queueEndpoint() + "/" + q + "/messages?numofmessages=32&visibilitytimeout=60&" + sas,
                        null,
                        null,
                        200);
                Matcher m = MESSAGE.matcher(xml);
                int n = 0;
                while (m.find()) {
                    n++;
                    out.add(new JsonObject(new String(Base64.getDecoder().decode(m.group(3)), StandardCharsets.UTF_8)));
                    send(
                            "DELETE",
                            account.queueEndpoint() + "/" + q + "/messages/" + m.group(1) + "?popreceipt="
                                    + URLEncoder.encode(m.group(2), StandardCharsets.UTF_8) + "&" + sas,
                            null,
                            null,
                            204);
                }
                if (n == 0) {
                    break;
                }
            }
        }
        return out;
    }

    /** Get Blob of a message's {@code BlobPath} (which carries its SAS). */
    byte[] download(String blobUrl) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(blobUrl))
                        .header("x-ms-version", VERSION)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Get Blob answered " + r.statusCode());
        }
        return r.body();
    }

    /** Writes the status row of {@code sourceId} as Kusto's DM does when it is done (Insert Or Replace Entity). */
    void setStatus(String sourceId, String status, String errorCode, String details) throws Exception {
        JsonObject row = new JsonObject().put("Status", status).put("IngestionSourceId", sourceId);
        if (errorCode != null) {
            row.put("ErrorCode", errorCode).put("FailureStatus", "Permanent").put("Details", details);
        }
        send(
                "PUT",
                account.tableEndpoint() + "/ingestionsstatus(PartitionKey='" + sourceId + "',RowKey='" + sourceId
                        + "')?" + sas,
                "application/json",
                row.encode(),
                204);
    }

    /** Reads the status row of {@code sourceId}. */
    JsonObject status(String sourceId) throws Exception {
        return new JsonObject(send(
                "GET",
                account.tableEndpoint() + "/ingestionsstatus(PartitionKey='" + sourceId + "',RowKey='" + sourceId
                        + "')?" + sas,
                null,
                null,
                200));
    }

    static String gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(String method, String url, String contentType, String body, int... ok) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("x-ms-version", VERSION)
                .header("Accept", "application/json;odata=nometadata")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (int s : ok) {
            if (r.statusCode() == s) {
                return r.body();
            }
        }
        throw new IllegalStateException(
                method + " " + url.substring(0, url.indexOf('?')) + " answered " + r.statusCode() + ": " + r.body());
    }

    /** An account SAS (https://learn.microsoft.com/rest/api/storageservices/create-account-sas) for blob, queue, table. */
    static String accountSas(StorageAccount a) throws GeneralSecurityException {
        String sp = "rwdlacup";
        String ss = "bqt";
        String srt = "sco";
        String se = "2099-01-01T00:00:00Z";
        String spr = "https,http";
        String toSign = a.accountName() + "\n" + sp + "\n" + ss + "\n" + srt + "\n\n" + se + "\n\n" + spr + "\n"
                + VERSION + "\n\n";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(a.accountKey()), "HmacSHA256"));
        String sig = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        return "sv=" + VERSION + "&ss=" + ss + "&srt=" + srt + "&sp=" + sp + "&se=" + enc(se) + "&spr=" + enc(spr)
                + "&sig=" + enc(sig);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
