package io.kustotyped.emulator.queue;

import io.kustotyped.emulator.dm.StorageAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The few Azure Storage REST calls the emulator's Data Management side makes, over plain HTTP, authorized with an
 * account SAS it signs itself with the account key (no Azure SDK): create the containers, queues and status table it
 * advertises; read, delete and post queue messages; read and delete blobs; write status-table rows.
 *
 * <p>Account SAS (Microsoft Learn, "Create an account SAS",
 * https://learn.microsoft.com/rest/api/storageservices/create-account-sas): for {@code sv} 2020-12-06 and later the
 * string to sign is {@code account\nsp\nss\nsrt\nst\nse\nsip\nspr\nsv\nses\n}, signed with HMAC-SHA256 under the
 * base64-decoded key.
 */
final class StorageRest {
    /** The storage service version of the requests and of the SAS (the newest Azurite 3.35.0 supports). */
    static final String VERSION = "2025-11-05";

    private static final Pattern MESSAGE = Pattern.compile("<QueueMessage>(.*?)</QueueMessage>", Pattern.DOTALL);

    private final StorageAccount account;
    private final HttpClient http;
    private final String sas;

    StorageRest(StorageAccount account) {
        for (URI endpoint : List.of(account.blobEndpoint(), account.queueEndpoint(), account.tableEndpoint())) {
            if (endpoint.getScheme().equalsIgnoreCase("http") && !isLoopback(endpoint.getHost())) {
                // every call carries a SAS signed with the account key
                throw new IllegalArgumentException("the storage endpoint " + endpoint + " is plain HTTP to a host "
                        + "that is not loopback; use https, or a local Azurite");
            }
        }
        this.account = account;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.sas = accountSas(account, Instant.now().plus(365, ChronoUnit.DAYS));
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** @return the account SAS query (without {@code ?}): every service and permission, valid for a year */
    String sas() {
        return sas;
    }

    StorageAccount account() {
        return account;
    }

    static String accountSas(StorageAccount account, Instant expiry) {
        String sp = "rwdlacup";
        String ss = "bqt";
        String srt = "sco";
        String se = expiry.truncatedTo(ChronoUnit.SECONDS).toString();
        String spr = "https,http";
        String toSign = account.accountName() + "\n" + sp + "\n" + ss + "\n" + srt + "\n" + "\n" + se + "\n" + "\n"
                + spr + "\n" + VERSION + "\n" + "\n";
        String sig;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(account.accountKey()), "HmacSHA256"));
            sig = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the storage account key is not a base64 HMAC key", e);
        }
        return "sv=" + VERSION + "&ss=" + ss + "&srt=" + srt + "&sp=" + sp + "&se=" + enc(se) + "&spr=" + enc(spr)
                + "&sig=" + enc(sig);
    }

    /** A storage answer that is not the expected status. */
    static final class StorageException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        StorageException(String what, int status, String body) {
            super(what + ": HTTP " + status + (body == null || body.isBlank() ? "" : " " + abbreviate(body)));
            this.status = status;
        }
    }

    URI container(String name) {
        return URI.create(account.blobEndpoint() + "/" + name);
    }

    URI queue(String name) {
        return URI.create(account.queueEndpoint() + "/" + name);
    }

    URI table(String name) {
        return URI.create(account.tableEndpoint() + "/" + name);
    }

    void createContainer(String name) throws IOException {
        expect(
                "create container " + name,
                send(req(URI.create(container(name) + "?restype=container&" + sas))
                        .PUT(HttpRequest.BodyPublishers.noBody())),
                201,
                409);
    }

    void createQueue(String name) throws IOException {
        expect(
                "create queue " + name,
                send(req(URI.create(queue(name) + "?" + sas)).PUT(HttpRequest.BodyPublishers.noBody())),
                201,
                204,
                409);
    }

    void createTable(String name) throws IOException {
        HttpRequest.Builder b = req(URI.create(account.tableEndpoint() + "/Tables?" + sas))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json;odata=nometadata")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"" + name + "\"}"));
        expect("create table " + name, send(b), 201, 204, 409);
    }

    /** A message read from a queue. */
    record QueueMessage(String id, String popReceipt, String text, int dequeueCount, Instant insertionTime) {}

    List<QueueMessage> getMessages(String queue, int max, Duration visibility) throws IOException {
        HttpResponse<byte[]> r = send(req(URI.create(queue(queue) + "/messages?numofmessages=" + max
                        + "&visibilitytimeout=" + Math.max(1, visibility.toSeconds()) + "&" + sas))
                .GET());
        expect("get messages from " + queue, r, 200);
        List<QueueMessage> out = new ArrayList<>();
        Matcher m = MESSAGE.matcher(new String(r.body(), StandardCharsets.UTF_8));
        while (m.find()) {
            String xml = m.group(1);
            out.add(new QueueMessage(
                    xmlUnescape(element(xml, "MessageId")),
                    xmlUnescape(element(xml, "PopReceipt")),
                    xmlUnescape(element(xml, "MessageText")),
                    Integer.parseInt(element(xml, "DequeueCount").trim()),
                    insertionTime(element(xml, "InsertionTime"))));
        }
        return out;
    }

    void deleteMessage(String queue, QueueMessage message) throws IOException {
        expect(
                "delete message from " + queue,
                send(req(URI.create(queue(queue) + "/messages/" + message.id() + "?popreceipt="
                                + enc(message.popReceipt()) + "&" + sas))
                        .DELETE()),
                204);
    }

    void putMessage(String queue, String text) throws IOException {
        String body = "<QueueMessage><MessageText>" + xmlEscape(text) + "</MessageText></QueueMessage>";
        expect(
                "post message to " + queue,
                send(req(URI.create(queue(queue) + "/messages?" + sas))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(body))),
                201);
    }

    /** A downloaded blob. */
    record Blob(byte[] bytes, String contentEncoding) {}

    /** Reads a blob through the URL a message names (it carries its own SAS). */
    Blob getBlob(URI url) throws IOException {
        HttpResponse<byte[]> r = send(req(url).GET());
        expect("read blob " + withoutQuery(url), r, 200);
        return new Blob(r.body(), r.headers().firstValue("Content-Encoding").orElse(null));
    }

    void deleteBlob(URI url) throws IOException {
        expect("delete blob " + withoutQuery(url), send(req(url).DELETE()), 202, 404);
    }

    /** Insert-or-replace of a status-table row (PUT without If-Match). */
    void upsertEntity(URI tableUrlWithoutQuery, String tableSas, String partitionKey, String rowKey, String json)
            throws IOException {
        URI uri = URI.create(tableUrlWithoutQuery + "(PartitionKey='" + odataKey(partitionKey) + "',RowKey='"
                + odataKey(rowKey) + "')?" + tableSas);
        expect(
                "write status row " + rowKey,
                send(req(uri).header("Content-Type", "application/json")
                        .header("Accept", "application/json;odata=nometadata")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))),
                204);
    }

    private HttpRequest.Builder req(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("x-ms-version", VERSION)
                .header(
                        "x-ms-date",
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b) throws IOException {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void expect(String what, HttpResponse<byte[]> r, int... ok) throws StorageException {
        for (int s : ok) {
            if (r.statusCode() == s) {
                return;
            }
        }
        throw new StorageException(what, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }

    static String withoutQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        if (start < 0 || end < start) {
            return "0";
        }
        return xml.substring(start + name.length() + 2, end);
    }

    private static Instant insertionTime(String rfc1123) {
        try {
            return java.time.ZonedDateTime.parse(rfc1123.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** Makes a message invisible for {@code delay} (Update Message with a new visibility timeout). */
    QueueMessage hide(String queue, QueueMessage message, Duration delay) throws IOException {
        HttpResponse<byte[]> r = send(req(URI.create(queue(queue) + "/messages/" + message.id() + "?popreceipt="
                        + enc(message.popReceipt()) + "&visibilitytimeout=" + Math.max(1, delay.toSeconds()) + "&"
                        + sas))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        expect("hide message in " + queue, r, 204);
        String receipt = r.headers().firstValue("x-ms-popreceipt").orElse(message.popReceipt());
        return new QueueMessage(message.id(), receipt, message.text(), message.dequeueCount(), message.insertionTime());
    }

    /** @return the JSON of a table row, or null when it does not exist */
    String getEntity(String table, String partitionKey, String rowKey) throws IOException {
        URI uri = URI.create(table(table) + "(PartitionKey='" + odataKey(partitionKey) + "',RowKey='" + odataKey(rowKey)
                + "')?" + sas);
        HttpResponse<byte[]> r = send(
                req(uri).header("Accept", "application/json;odata=nometadata").GET());
        if (r.statusCode() == 404) {
            return null;
        }
        expect("read row " + rowKey + " of " + table, r, 200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    URI tableUri(String table) {
        return table(table);
    }

    private static String odataKey(String key) {
        return enc(key.replace("'", "''")).replace("+", "%20");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String xmlUnescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
