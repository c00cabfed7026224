package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.StreamingPolicy;
import io.kustotyped.emulator.store.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transport behaviour: chunked and Content-Length bodies, Expect: 100-continue, auth, metadata, routing. */
class HttpProtocolTest {
    static final String TOKEN = "s3cret-test-token";
    static KustoEmulator emu;
    static TestClient client;
    static Table table;

    @BeforeAll
    static void start() {
        emu = KustoEmulator.builder().token(TOKEN).database("Db").start();
        client = new TestClient(emu.uri(), TOKEN);
        table = emu.catalog().database("Db").createTable("T", List.of(new ColumnDef("a", ScalarType.LONG)), null, null);
        table.setStreamingPolicy(StreamingPolicy.ENABLED);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void chunkedBodyWithExpectContinue() {
        long before = table.rowCount();
        byte[] gz = TestClient.gzip("1\n2\n3\n");
        HttpRequest.Builder b = client.request("/v1/rest/ingest/Db/T?streamFormat=csv")
                .expectContinue(true)
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(gz))); // no length: chunked
        HttpResponse<String> r = client.send(b);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(before + 3, table.rowCount());
    }

    @Test
    void expectContinueIsRefusedBeforeTheBodyIsSent() throws IOException {
        try (Socket s = new Socket("127.0.0.1", emu.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/rest/ingest/Db/Missing?streamFormat=csv HTTP/1.1\r\nHost: x\r\n"
                            + "Authorization: Bearer " + TOKEN
                            + "\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 400"), head); // no "100 Continue": the body never had to be sent
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), head);
        }
    }

    @Test
    void expectContinueIsAcceptedOverARawSocket() throws IOException {
        try (Socket s = new Socket("127.0.0.1", emu.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/rest/ingest/Db/T?streamFormat=csv HTTP/1.1\r\nHost: x\r\n" + "Authorization: Bearer "
                            + TOKEN + "\r\nTransfer-Encoding: chunked\r\nExpect: 100-Continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String cont = readHead(in);
            assertTrue(cont.startsWith("HTTP/1.1 100"), cont);
            out.write("2\r\n7\n\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    @Test
    void tokenIsRequiredExceptForAuthMetadata() {
        TestClient anonymous = new TestClient(emu.uri());
        HttpResponse<String> denied =
                anonymous.ingest("Db", "T", "streamFormat=csv", "1", "x-ms-client-request-id", "Anon;1");
        assertEquals(401, denied.statusCode());
        assertEquals("{\"Message\":\"Authorization has been denied for this request.\"}", denied.body());
        assertEquals(
                "Anon;1", denied.headers().firstValue("x-ms-client-request-id").orElseThrow());
        assertTrue(denied.headers().firstValue("x-ms-activity-id").isPresent());
        assertEquals(
                401,
                new TestClient(emu.uri(), "wrong")
                        .post("/v1/rest/mgmt", "Db", ".show tables")
                        .statusCode());
        assertEquals(
                401, anonymous.send(anonymous.request("/emulator/stats").GET()).statusCode());

        HttpResponse<String> metadata =
                anonymous.send(anonymous.request("/v1/rest/auth/metadata").GET());
        assertEquals(200, metadata.statusCode());
        JsonNode aad = TestClient.parse(metadata.body()).get("AzureAD");
        assertEquals(
                "https://kusto.kusto.windows.net",
                aad.get("KustoServiceResourceId").asText());
        assertFalse(aad.get("LoginMfaRequired").asBoolean());
    }

    @Test
    void mgmtAndQueryBodiesAndRouting() {
        // properties as a JSON object (Go) as well as a JSON string (Java, Python)
        HttpResponse<String> r = client.send(client.request("/v1/rest/mgmt")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"db\":\"Db\",\"csl\":\".show tables\",\"properties\":{\"Options\":{}}}")));
        assertEquals(200, r.statusCode(), r.body());
        HttpResponse<String> get = client.send(
                client.request("/v1/rest/query?db=Db&csl=T%20%7C%20count").GET());
        assertEquals(200, get.statusCode(), get.body());
        assertTrue(TestClient.parse(get.body()).get("Tables").isArray());
        TestClient.assertError(
                client.send(client.request("/v1/rest/mgmt").POST(HttpRequest.BodyPublishers.ofString("{"))),
                400,
                "General_BadRequest");
        TestClient.assertError(client.send(client.request("/v1/rest/nowhere").GET()), 404, "NotFound");
        TestClient.assertError(
                client.send(
                        client.request("/v1/rest/ingest/Db/T?streamFormat=csv").GET()),
                405,
                "MethodNotAllowed");
        TestClient.assertError(
                client.post("/v1/rest/mgmt", "Db", ".show table Missing cslschema"), 400, "BadRequest_TableNotExist");
    }
}
