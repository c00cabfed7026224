package io.kustotyped.it.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP CONNECT proxy on 127.0.0.1 for tests: it records every CONNECT target and Proxy-Authorization header,
 * answers 407 when credentials are required and missing or wrong, and otherwise tunnels bytes both ways to the
 * target (loopback targets only).
 */
final class ConnectProxy implements AutoCloseable {

    /** One CONNECT request: its target ({@code host:port}) and Proxy-Authorization header (or null). */
    record Connect(String target, String proxyAuthorization) {}

    private final ServerSocket server;
    private final String requiredAuthorization;
    private final List<Connect> connects = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "connect-proxy");
        t.setDaemon(true);
        return t;
    });

    /** @param user the user required, or null for none @param password its password */
    ConnectProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.requiredAuthorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    List<Connect> connects() {
        return List.copyOf(connects);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setSoTimeout(30_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String authorization = null;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0
                        && lines[i].substring(0, colon)
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .equals("proxy-authorization")) {
                    authorization = lines[i].substring(colon + 1).trim();
                }
            }
            if (requestLine.length < 3 || !requestLine[0].equals("CONNECT")) {
                respond(out, "405 Method Not Allowed", "");
                return;
            }
            String target = requestLine[1];
            connects.add(new Connect(target, authorization));
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                respond(out, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"test\"\r\n");
                return;
            }
            int colon = target.lastIndexOf(':');
            String host = target.substring(0, colon);
            if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                respond(out, "403 Forbidden", ""); // tests talk to loopback only
                return;
            }
            Socket upstream = new Socket(host, Integer.parseInt(target.substring(colon + 1)));
            sockets.add(upstream);
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            threads.execute(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private static void respond(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the CONNECT head");
            }
            head.write(b);
            if (head.size() > 16 * 1024) {
                throw new IOException("CONNECT head too long");
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void pump(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try {
            from.setSoTimeout(0);
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(ConnectProxy::closeQuietly);
        threads.shutdownNow();
    }
}
