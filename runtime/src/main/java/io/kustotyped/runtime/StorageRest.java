package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.Http;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four Azure Storage REST calls queued ingestion needs, over the client's Vert.x Web Client with the SAS URLs the
 * Data Management service hands out (so nothing is signed here): Put Blob, Put Message, and insert and read of a
 * status-table entity. No Azure SDK. Internal.
 *
 * <p>A SAS is a secret: URLs in errors and logs are cut at the {@code ?}. Like a token, a SAS (and the identity token
 * inside a queue message) is never sent over plain HTTP to a host that is not loopback.
 */
final class StorageRest {

    /** A version Azure Storage and Azurite 3.35 both accept, for every call below. */
    static final String VERSION = "2021-12-02";

    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");

    private final WebClient web;
    private final Duration timeout;

    StorageRest(WebClient web, Duration timeout) {
        this.web = web;
        this.timeout = timeout;
    }

    /** The URL without its query (the SAS). */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** {@code base/segment?query} for a SAS URL {@code base?query}. */
    static String child(String sasUrl, String segment) {
        int q = sasUrl.indexOf('?');
        String base = q < 0 ? sasUrl : sasUrl.substring(0, q);
        String query = q < 0 ? "" : sasUrl.substring(q);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + segment + query;
    }

    /**
     * Put Blob (https://learn.microsoft.com/rest/api/storageservices/put-blob): one request with the exact length,
     * {@code x-ms-blob-type: BlockBlob}, the body as it is.
     *
     * @return the blob's URL with the container's SAS
     */
    Future<String> putBlob(String containerSasUrl, String blobName, Buffer body, String requestId) {
        String url = child(containerSasUrl, "/" + Http.percentEncode(blobName));
        return send(HttpMethod.PUT, url, requestId, body, "application/octet-stream", "x-ms-blob-type", "BlockBlob")
                .map(r -> url);
    }

    /**
     * Put Message (https://learn.microsoft.com/rest/api/storageservices/put-message): the text, already base64, in
     * {@code <QueueMessage><MessageText>}.
     */
    Future<Void> putMessage(String queueSasUrl, String base64Text, String requestId) {
        Buffer xml = Buffer.buffer("<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessage><MessageText>" + base64Text
                + "</MessageText></QueueMessage>");
        return send(HttpMethod.POST, child(queueSasUrl, "/messages"), requestId, xml, "application/xml")
                .mapEmpty();
    }

    /** Insert Entity (https://learn.microsoft.com/rest/api/storageservices/insert-entity), JSON, no echo. */
    Future<Void> insertEntity(String tableSasUrl, JsonObject entity, String requestId) {
        return send(
                        HttpMethod.POST,
                        tableSasUrl,
                        requestId,
                        entity.toBuffer(),
                        "application/json",
                        "Accept",
                        "application/json;odata=nometadata",
                        "Prefer",
                        "return-no-content")
                .mapEmpty();
    }

    /**
     * Query Entity by its keys (https://learn.microsoft.com/rest/api/storageservices/query-entities); null when the
     * entity does not exist.
     */
    Future<JsonObject> getEntity(String tableSasUrl, String partitionKey, String rowKey, String requestId) {
        String url = child(
                tableSasUrl,
                "(PartitionKey='" + Http.percentEncode(partitionKey) + "',RowKey='" + Http.percentEncode(rowKey)
                        + "')");
        return send(HttpMethod.GET, url, requestId, null, null, "Accept", "application/json;odata=nometadata")
                .map(r -> r.bodyAsJsonObject())
                .recover(e -> e instanceof KustoStorageException s && s.status() == 404
                        ? Future.succeededFuture(null)
                        : Future.failedFuture(e));
    }

    private Future<HttpResponse<Buffer>> send(
            HttpMethod method, String url, String requestId, Buffer body, String contentType, String... headers) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Future.failedFuture(new IllegalArgumentException("the storage URL is not a URL: " + redact(url)));
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !Http.isLoopback(uri.getHost())) {
            return Future.failedFuture(new IllegalStateException("Refusing to send a SAS over plain HTTP to the "
                    + "non-loopback host '" + uri.getHost() + "': the Data Management service listed "
                    + redact(url)));
        }
        HttpRequest<Buffer> request = web.requestAbs(method, url)
                .idleTimeout(timeout.toMillis())
                .putHeader("x-ms-version", VERSION)
                .putHeader("x-ms-client-request-id", requestId);
        for (int i = 0; i < headers.length; i += 2) {
            request.putHeader(headers[i], headers[i + 1]);
        }
        Future<HttpResponse<Buffer>> sent;
        if (body != null) {
            request.putHeader("Content-Type", contentType).putHeader("Content-Length", Integer.toString(body.length()));
            sent = request.sendBuffer(body);
        } else {
            sent = request.send();
        }
        return sent.recover(cause -> Future.failedFuture(transportFailure(method, url, cause, requestId)))
                .compose(r -> r.statusCode() >= 200 && r.statusCode() < 300
                        ? Future.succeededFuture(r)
                        : Future.failedFuture(error(method, url, r, requestId)));
    }

    private static KustoStorageException error(
            HttpMethod method, String url, HttpResponse<Buffer> r, String requestId) {
        String code = r.getHeader("x-ms-error-code");
        String text = r.body() == null ? "" : r.bodyAsString();
        if (code == null) {
            Matcher m = XML_CODE.matcher(text);
            code = m.find() ? m.group(1) : null;
        }
        int status = r.statusCode();
        String message = "Azure Storage answered HTTP " + status + (code == null ? "" : " " + code) + " to " + method
                + " " + redact(url) + " (request " + requestId + ")"
                + (status == 403 ? ": the SAS may have expired; the ingestion resources are fetched again" : "");
        return new KustoStorageException(message, status, code, requestId, ErrorRules.storageTransient(status));
    }

    private static KustoTransportException transportFailure(
            HttpMethod method, String url, Throwable cause, String requestId) {
        boolean sent = !(cause instanceof ConnectException || cause instanceof UnknownHostException);
        return new KustoTransportException(
                method + " " + redact(url) + " failed" + (sent ? " after the connection was made" : "") + ": " + cause,
                cause,
                requestId,
                sent);
    }
}
