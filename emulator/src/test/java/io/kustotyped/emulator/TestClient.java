package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/** A small raw-HTTP client for tests: mgmt commands, v2 queries and ingest requests over 127.0.0.1. */
public final class TestClient {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final URI base;
    private final String token;

    public TestClient(URI base) {
        this(base, null);
    }

    public TestClient(URI base, String token) {
        this(base, token, null);
    }

    /** A client whose TLS trusts what {@code ssl} trusts (null: the JDK default). */
    public TestClient(URI base, String token, SSLContext ssl) {
        this.base = base;
        this.token = token;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.http = b.build();
    }

    public HttpResponse<String> send(HttpRequest.Builder b) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), TestClient::decodingHandler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the body as UTF-8, gunzipping it when the server compressed it (Content-Encoding: gzip). */
    static HttpResponse.BodySubscriber<String> decodingHandler(HttpResponse.ResponseInfo info) {
        boolean gzip = info.headers()
                .firstValue("Content-Encoding")
                .map("gzip"::equalsIgnoreCase)
                .orElse(false);
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
            if (!gzip) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery));
    }

    public HttpResponse<String> post(String path, String db, String csl) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("db", db)
                .put("csl", csl)
                .put("properties", "{\"Options\":{\"servertimeout\":\"00:04:00\"},\"Parameters\":{}}");
        return send(request(path)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Runs a management command and asserts it succeeded; returns the v1 body. */
    public JsonNode mgmt(String db, String csl) {
        HttpResponse<String> r = post("/v1/rest/mgmt", db, csl);
        if (r.statusCode() != 200) {
            fail("mgmt '" + csl + "' failed: " + r.statusCode() + " " + r.body());
        }
        return parse(r.body());
    }

    /** Runs a v2 query and returns the PrimaryResult rows. */
    public List<JsonNode> query(String db, String csl) {
        HttpResponse<String> r = post("/v2/rest/query", db, csl);
        assertEquals(200, r.statusCode(), () -> "query '" + csl + "' failed: " + r.body());
        for (JsonNode frame : parse(r.body())) {
            if ("DataTable".equals(frame.path("FrameType").asText())
                    && "PrimaryResult".equals(frame.path("TableKind").asText())) {
                List<JsonNode> rows = new ArrayList<>();
                frame.get("Rows").forEach(rows::add);
                return rows;
            }
        }
        throw new AssertionError("no PrimaryResult in " + r.body());
    }

    public long count(String db, String table) {
        return query(db, "['" + table + "'] | count").get(0).get(0).asLong();
    }

    public HttpResponse<String> ingest(String db, String table, String query, byte[] body, String... headers) {
        HttpRequest.Builder b = request("/v1/rest/ingest/" + db + "/" + table + "?" + query)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public HttpResponse<String> ingest(String db, String table, String query, String body, String... headers) {
        return ingest(db, table, query, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(String text) {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Asserts a OneApi error response: status, code and @permanent, with the correlation fields. */
    public static JsonNode assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r::body);
        JsonNode error = parse(r.body()).get("error");
        assertEquals(code, error.path("code").asText(), r::body);
        assertEquals(
                r.headers().firstValue("x-ms-activity-id").orElseThrow(),
                error.path("@context").path("activityId").asText());
        assertEquals(
                r.headers().firstValue("x-ms-client-request-id").orElseThrow(),
                error.path("@context").path("clientRequestId").asText());
        return error;
    }
}
