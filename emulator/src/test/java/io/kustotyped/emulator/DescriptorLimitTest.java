package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standalone emulator in a child JVM limited to 256 file descriptors ({@code ulimit -n 256}), flooded with
 * half-open connections. With the default connection limit (half the descriptors) it keeps serving; with the limit
 * lifted, descriptors run out (EMFILE), and it accepts again once they are freed. Either way it stops on SIGTERM.
 */
class DescriptorLimitTest {
    static final int DESCRIPTORS = 256;
    static final int FLOOD = 300;

    @Test
    void withTheDefaultLimitAFloodOfHalfOpenConnectionsDoesNotStopService() throws Exception {
        runFlood(List.of());
    }

    @Test
    void afterDescriptorExhaustionItAcceptsAgain() throws Exception {
        runFlood(List.of("--max-connections", "100000"));
    }

    private void runFlood(List<String> extra) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmulatorMain.class.getName(),
                "--port",
                "0",
                "--database",
                "Db",
                "--header-timeout",
                "2"));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(prepend(
                        List.of("/bin/bash", "-c", "ulimit -n " + DESCRIPTORS + " && exec \"$@\"", "emulator"), cmd))
                .redirectErrorStream(true)
                .start();
        List<Socket> held = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            URI uri = null;
            String line;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("Kusto emulator listening on ")) {
                    uri = URI.create(line.substring("Kusto emulator listening on ".length())
                            .split(" ")[0]);
                    break;
                }
            }
            assertTrue(uri != null, "the emulator did not start:\n" + output);
            Thread drain = new Thread(() -> r.lines().forEach(l -> {
                synchronized (output) {
                    output.append(l).append('\n');
                }
            }));
            drain.setDaemon(true);
            drain.start();
            TestClient c = new TestClient(uri);
            c.mgmt("Db", ".show tables"); // warm: the classes a request needs are loaded before descriptors run out

            long t0 = System.nanoTime();
            for (int i = 0; i < FLOOD; i++) {
                Socket s = new Socket();
                s.connect(new java.net.InetSocketAddress("127.0.0.1", uri.getPort()), 2000);
                s.getOutputStream()
                        .write("POST /v1/rest/mgmt HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            long floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            // A normal request gets an answer within the header timeout plus Netty's one-second accept back-off.
            long t1 = System.nanoTime();
            assertEquals(200, c.post("/v1/rest/mgmt", "Db", ".show tables").statusCode());
            long answerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
            for (Socket s : held) {
                s.close();
            }
            held.clear();
            assertEquals(200, c.post("/v1/rest/mgmt", "Db", ".show tables").statusCode());
            boolean exhausted;
            synchronized (output) {
                exhausted = output.toString().contains("Too many open files");
            }
            System.out.println("[abuse] ulimit -n " + DESCRIPTORS + " " + extra + ": " + FLOOD
                    + " half-open connections opened in " + floodMillis + " ms; descriptors exhausted: " + exhausted
                    + "; a request during the flood answered in " + answerMillis + " ms");
            if (!extra.isEmpty()) {
                assertTrue(exhausted, "the flood was meant to exhaust descriptors:\n" + output);
            }
            assertTrue(!output.toString().contains("NoClassDefFoundError"), output::toString);
        } finally {
            for (Socket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            p.destroy(); // SIGTERM
            boolean stopped = p.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                p.destroyForcibly();
            }
            assertTrue(stopped, "the emulator did not stop on SIGTERM:\n" + output);
        }
    }

    private static List<String> prepend(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }
}
