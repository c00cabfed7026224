package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.StreamingPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections that abuse the server: slow headers, slow bodies, idle keep-alives, more connections than the limit, and
 * bodies far over the size limits. After each, the server still answers a normal request. Every figure is printed
 * with the prefix {@code [abuse]}.
 */
class ConnectionAbuseTest {
    static final int MAX_CONNECTIONS = 32;
    /** Short timeouts and a small connection limit. */
    static KustoEmulator emu;
    /** The default limits, for the body size tests (a 600 MiB upload must not meet a timeout first). */
    static KustoEmulator defaults;

    /** A small connection limit and the default timeouts: only the limit closes connections within 10 s. */
    static KustoEmulator limited;

    static TestClient client;
    static TestClient defaultsClient;
    static TestClient limitedClient;

    @BeforeAll
    static void start() {
        emu = KustoEmulator.builder()
                .database("Db")
                .connectionLimits(new ConnectionLimits(
                        MAX_CONNECTIONS, Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofMillis(800)))
                .start();
        defaults = KustoEmulator.builder().database("Db").start();
        limited = KustoEmulator.builder()
                .connectionLimits(ConnectionLimits.DEFAULT.withMaxConnections(MAX_CONNECTIONS))
                .database("Db")
                .start();
        limitedClient = new TestClient(limited.uri());
        client = new TestClient(emu.uri());
        defaultsClient = new TestClient(defaults.uri());
        for (KustoEmulator e : List.of(emu, defaults)) {
            e.catalog()
                    .database("Db")
                    .createTable("T", List.of(new ColumnDef("a", ScalarType.LONG)), null, null)
                    .setStreamingPolicy(StreamingPolicy.ENABLED);
        }
    }

    @AfterAll
    static void stop() {
        emu.close();
        defaults.close();
        limited.close();
    }

    @AfterEach
    void servesNormally() {
        for (TestClient c : List.of(client, defaultsClient)) {
            assertEquals(200, c.post("/v1/rest/mgmt", "Db", ".show tables").statusCode());
            assertEquals(200, c.ingest("Db", "T", "streamFormat=csv", "1\n").statusCode());
        }
    }

    Socket connect() throws IOException {
        return connect(emu);
    }

    static Socket connect(KustoEmulator e) throws IOException {
        Socket s = new Socket("127.0.0.1", e.port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Reads until the server closes; returns what it sent. Fails the test if it does not close within 10 s. */
    static String readToClose(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within 10 s; it sent: " + sb, e);
        } catch (IOException reset) {
            // a reset after the answer is a close too
        }
        return sb.toString();
    }

    @Test
    void slowHeadersAreCutOffAtTheHeaderTimeout() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            long t0 = System.nanoTime();
            CompletableFuture<Integer> dripped = CompletableFuture.supplyAsync(() -> {
                byte[] header = "POST /v1/rest/mgmt HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                        .getBytes(StandardCharsets.US_ASCII);
                int sent = 0;
                try {
                    for (byte b : header) { // one byte every 100 ms: never idle, never done
                        out.write(b);
                        out.flush();
                        sent++;
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection
                }
                return sent;
            });
            readToClose(s);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("[abuse] slowloris: closed after " + millis + " ms (header timeout 800 ms), "
                    + dripped.get(10, TimeUnit.SECONDS) + " header bytes dripped");
            assertTrue(millis >= 700 && millis < 3000, "closed after " + millis + " ms");
        }
    }

    @Test
    void aSlowBodyGets408AndTheConnectionCloses() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream()
                    .write(("POST /v1/rest/mgmt HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"db\":")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = readToClose(s);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"code\":\"RequestTimeout\""), answer);
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosed() throws Exception {
        try (Socket s = connect()) {
            byte[] body = "{\"db\":\"Db\",\"csl\":\".show tables\"}".getBytes(StandardCharsets.UTF_8);
            s.getOutputStream()
                    .write(("POST /v1/rest/mgmt HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            long t0 = System.nanoTime();
            String answer = readToClose(s);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(millis >= 700 && millis < 3000, "closed after " + millis + " ms (idle timeout 800 ms)");
        }
    }

    @Test
    void pastTheConnectionLimitTheOldestIdleConnectionMakesRoom() throws Exception {
        int opened = MAX_CONNECTIONS * 4;
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < opened; i++) {
                Socket s = connect(limited);
                s.getOutputStream()
                        .write("POST /v1/rest/mgmt HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            // A real request gets through while the half-open ones are far within their header timeout (10 s).
            long t0 = System.nanoTime();
            assertEquals(
                    200,
                    limitedClient.post("/v1/rest/mgmt", "Db", ".show tables").statusCode());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            int closedByServer = 0;
            for (Socket s : held) {
                s.setSoTimeout(closedByServer >= opened - MAX_CONNECTIONS ? 1 : 2000);
                try {
                    if (s.getInputStream().read() < 0) {
                        closedByServer++;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // still held by the server
                } catch (IOException reset) {
                    closedByServer++;
                }
            }
            System.out.println("[abuse] connection limit " + MAX_CONNECTIONS + ": opened " + opened
                    + " half-open connections, " + closedByServer + " closed at once to make room; a request took "
                    + millis + " ms");
            assertTrue(closedByServer >= opened - MAX_CONNECTIONS, closedByServer + " closed");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void oversizeContentLengthIsRefusedWithoutReadingTheBody() throws Exception {
        for (String path : List.of(
                "/v1/rest/mgmt",
                "/v2/rest/query",
                "/v1/rest/ingest/Db/T?streamFormat=csv",
                "/v1/rest/ingest/Db/T?streamFormat=csv Expect")) {
            String expect = path.endsWith(" Expect") ? "Expect: 100-continue\r\n" : "";
            try (Socket s = connect(defaults)) {
                s.getOutputStream()
                        .write(("POST " + path.replace(" Expect", "") + " HTTP/1.1\r\nHost: x\r\n" + expect
                                        + "Content-Length: 629145600\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = readToClose(s); // no byte of the 600 MiB was sent
                // with Expect: 100-continue, no 100 comes first: the size is checked with the headers
                assertTrue(answer.startsWith("HTTP/1.1 413"), path + ": " + answer);
                assertTrue(answer.contains("Stream_InputStreamTooLarge"), answer);
            }
        }
    }

    @Test
    void oversizeChunkedBodyIsRefusedEarlyAndTheConnectionClosed() throws Exception {
        for (String path : List.of("/v1/rest/mgmt", "/v2/rest/query", "/v1/rest/ingest/Db/T?streamFormat=csv")) {
            try (Socket s = connect(defaults)) {
                OutputStream out = new java.io.BufferedOutputStream(s.getOutputStream(), 256 * 1024);
                out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                    try {
                        return readToClose(s);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                byte[] chunk = new byte[64 * 1024];
                byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                long sent = 0;
                long limit = 600L * 1024 * 1024;
                long t0 = System.nanoTime();
                try {
                    while (sent < limit) {
                        out.write(head);
                        out.write(chunk);
                        out.write('\r');
                        out.write('\n');
                        sent += chunk.length;
                    }
                } catch (IOException closed) {
                    // expected: the server closed the connection
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                String a = answer.get(10, TimeUnit.SECONDS);
                System.out.println("[abuse] chunked 600 MiB to " + path + ": 413 and closed after "
                        + (sent >> 20)
                        + " MiB sent, " + millis + " ms");
                assertTrue(a.startsWith("HTTP/1.1 413"), path + ": " + a);
                assertTrue(sent < 64L * 1024 * 1024, "the server read " + sent + " bytes before closing");
            }
        }
    }
}
