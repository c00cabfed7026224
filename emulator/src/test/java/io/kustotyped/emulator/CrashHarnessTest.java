package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness: the standalone emulator (its own JVM, {@code --data-dir}) takes ingests from several
 * concurrent clients and {@code .create table} commands from another, and is killed with {@code kill -9}
 * ({@link Process#destroyForcibly()}) at a seeded random moment, round after round on the same directory. After
 * every restart each acknowledged row is there exactly once and each acknowledged table exists. No client
 * retries, so a row may be missing only if it was not acknowledged, and no row may appear twice.
 *
 * <p>Longer runs: {@code -Dcrash.rounds=200 -Dcrash.seed=N}.
 */
class CrashHarnessTest {
    private static final long SEED = Long.getLong("crash.seed", 20_261_202L);
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 20);
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    private final Set<Long> acked = ConcurrentHashMap.newKeySet();
    private final Set<String> ackedTables = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId = new AtomicLong();

    @Test
    void killNineAtRandomMomentsNeverLosesOrDuplicatesAnAcknowledgedRow() throws Exception {
        Random random = new Random(SEED);
        long rowsChecked = 0;
        long unackedPresent = 0;
        long requestsAcked = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            Process process = startListening();
            try {
                TestClient c = new TestClient(uriOf(process));
                if (round == 0) {
                    c.mgmt("D", ".create table T (id:long, client:int, pad:string)");
                    ackedTables.add("T");
                }
                // 1. everything acknowledged before the kill is there, once
                Map<Long, Integer> counts = ids(c);
                for (Long id : acked) {
                    assertEquals(1, counts.getOrDefault(id, 0), "round " + round + ": acknowledged row " + id);
                }
                for (Map.Entry<Long, Integer> e : counts.entrySet()) {
                    assertEquals(1, e.getValue(), "round " + round + ": row " + e.getKey() + " appears twice");
                }
                rowsChecked += acked.size();
                unackedPresent = counts.size() - acked.size();
                Set<String> tables = tables(c);
                assertTrue(
                        tables.containsAll(ackedTables),
                        "round " + round + ": acknowledged tables " + ackedTables + " all in " + tables);
                if (round == ROUNDS) {
                    break;
                }
                // 2. load, then kill -9 at a seeded moment
                requestsAcked += loadAndKill(process, c, round, random.nextInt(600));
            } finally {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        System.out.println("Crash harness: " + ROUNDS + " kill -9 rounds (seed " + SEED + "), " + acked.size()
                + " acknowledged rows in " + requestsAcked + " requests, " + rowsChecked
                + " row checks after restarts, " + ackedTables.size() + " acknowledged tables; "
                + unackedPresent + " unacknowledged rows present at the end, none twice");
        assertTrue(acked.size() > ROUNDS, "the clients got rows acknowledged: " + acked.size());
    }

    private long loadAndKill(Process process, TestClient c, int round, long killAfterMillis)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requests = new AtomicLong();
        CountDownLatch done = new CountDownLatch(CLIENTS + 1);
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            Random r = new Random(SEED * 31 + round * 7L + client);
            int clientNo = client;
            threads.add(new Thread(() -> {
                try {
                    while (!stop.get()) {
                        List<Long> ids = new ArrayList<>();
                        StringBuilder body = new StringBuilder();
                        int n = 1 + r.nextInt(40);
                        for (int i = 0; i < n; i++) {
                            long id = nextId.getAndIncrement();
                            ids.add(id);
                            body.append(id)
                                    .append(',')
                                    .append(clientNo)
                                    .append(",\"é€ ")
                                    .append("x".repeat(r.nextInt(200)))
                                    .append("\"\n");
                        }
                        HttpResponse<String> resp = c.ingest("D", "T", "streamFormat=csv", body.toString());
                        if (resp.statusCode() == 200) {
                            acked.addAll(ids);
                            requests.incrementAndGet();
                        } else {
                            fail("an ingest failed without a crash: " + resp.statusCode() + " " + resp.body());
                        }
                    }
                } catch (UncheckedIOException | IllegalStateException killed) {
                    // the emulator died under this request: not acknowledged
                } finally {
                    done.countDown();
                }
            }));
        }
        threads.add(new Thread(() -> {
            try {
                for (int n = 0; !stop.get(); n++) {
                    String table = "C_" + round + "_" + n;
                    HttpResponse<String> resp = c.post("/v1/rest/mgmt", "D", ".create table " + table + " (a:long)");
                    if (resp.statusCode() == 200) {
                        ackedTables.add(table);
                    }
                    Thread.sleep(20);
                }
            } catch (UncheckedIOException | IllegalStateException | InterruptedException killed) {
                // died mid-command
            } finally {
                done.countDown();
            }
        }));
        threads.forEach(Thread::start);
        // the kill lands at a seeded moment after the emulator has acknowledged its first request
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (requests.get() == 0 && System.nanoTime() < deadline && done.getCount() > 0) {
            Thread.sleep(5);
        }
        Thread.sleep(killAfterMillis);
        process.destroyForcibly(); // SIGKILL
        process.waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        assertTrue(done.await(60, TimeUnit.SECONDS), "the clients stopped after the kill");
        return requests.get();
    }

    private static Map<Long, Integer> ids(TestClient c) {
        Map<Long, Integer> counts = new HashMap<>();
        for (JsonNode row : c.query("D", "T | project id")) {
            counts.merge(row.get(0).asLong(), 1, Integer::sum);
        }
        return counts;
    }

    private static Set<String> tables(TestClient c) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        for (JsonNode t : c.mgmt("D", ".show tables").get("Tables").get(0).get("Rows")) {
            names.add(t.get(0).asText());
        }
        return names;
    }

    private final Map<Process, URI> uris = new ConcurrentHashMap<>();

    private URI uriOf(Process p) {
        return uris.get(p);
    }

    @Test
    void theStandaloneEmulatorRefusesADataDirectoryHoldingAForeignFileAndNamesIt() throws Exception {
        Path mine = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "mine");
        Process p = command().start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.startsWith("error: ") && out.contains(mine.toString()), out);
        assertEquals("mine", java.nio.file.Files.readString(mine));
    }

    /** The standalone emulator in its own JVM, on this test's classpath. */
    private ProcessBuilder command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                EmulatorMain.class.getName(),
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--database",
                "D",
                "--enable-streaming");
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    /** Starts the standalone emulator and waits until it listens. */
    private Process startListening() throws IOException, InterruptedException {
        Process p = command().start();
        CountDownLatch listening = new CountDownLatch(1);
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    int at = line.indexOf("listening on http://");
                    if (at >= 0) {
                        String uri =
                                line.substring(at + "listening on ".length()).split(" ")[0];
                        uris.put(p, URI.create(uri));
                        listening.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!listening.await(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            synchronized (output) {
                fail("the emulator did not start: " + output);
            }
        }
        return p;
    }
}
