package io.kustotyped.it.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.BlockingIngestor;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The blocking view as code without Vert.x uses it: a client that owns its Vertx, a generated ingestor's
 * {@code blocking()}, plain threads ingesting and querying at once against the in-process emulator.
 */
class BlockingViewTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 3;
    private static final int ROWS = 250;

    private KustoEmulator emulator;
    private KustoClient client;

    @BeforeEach
    void start() {
        emulator = KustoEmulator.builder().database("Test").start();
        client = KustoClient.create(
                new KustoClientOptions().setClusterUrl(emulator.uri().toString()));
    }

    @AfterEach
    void stop() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        emulator.close();
    }

    private static List<Reading> readings(String sensor, int round) {
        UUID batch = UUID.nameUUIDFromBytes((sensor + "/" + round).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Reading> out = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            long seq = (long) round * ROWS + i;
            out.add(new Reading(
                    sensor, seq, Instant.ofEpochSecond(1_700_000_000L + seq, 1234500), i * 0.25 - 3, batch));
        }
        return out;
    }

    @Test
    void severalPlainThreadsIngestAndQueryAtOnce() throws Exception {
        BlockingIngestor<Reading> readings = ReadingIngestor.create(client).blocking();
        readings.applySchema();
        assertEquals(List.of(), readings.checkSchema().drifts());

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String sensor = "sensor-" + t;
                done.add(pool.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        List<Reading> sent = readings(sensor, round);
                        IngestResult result = readings.ingest(sent);
                        assertEquals(ROWS, result.rowsIngested());
                        // Read back this round's rows (other threads write the same table meanwhile).
                        List<Reading> back = readings.query("| where sensor == '" + sensor + "' and batch == guid("
                                + sent.get(0).batch() + ") | order by seq asc");
                        assertEquals(sent, back);
                        checked += back.size();
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(ROUNDS * ROWS, f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                THREADS * ROUNDS * ROWS, emulator.stats().rowsCommitted("Test", "Readings"), "every row exactly once");
    }

    @Test
    void refusesOnTheClientsEventLoop() throws Exception {
        BlockingIngestor<Reading> readings = ReadingIngestor.create(client).blocking();
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        client.vertx().runOnContext(v -> {
            try {
                readings.query("| take 1");
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, thrown.get(10, TimeUnit.SECONDS));
        assertTrue(
                e.getMessage().contains("query(pipeline)") && e.getMessage().contains("returns a Future"),
                e.getMessage());
    }
}
