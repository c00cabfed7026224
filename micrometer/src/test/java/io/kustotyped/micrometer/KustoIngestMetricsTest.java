package io.kustotyped.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.fault.FaultKind;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestListener;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Meters recorded through the emulator's faults match what {@code IngestResult} says, exactly. */
class KustoIngestMetricsTest {

    private static final int ROWS = 6_000;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Vertx vertx;
    private KustoEmulator emulator;
    private KustoClient client;

    private void start(Consumer<KustoEmulator.Builder> config) throws Exception {
        KustoEmulator.Builder b = KustoEmulator.builder().database("Test").enableStreaming();
        config.accept(b);
        emulator = b.start();
        vertx = Vertx.vertx();
        client = KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl(emulator.uri().toString())
                        .setRequestTimeout(Duration.ofSeconds(10)));
        await(ReadingIngestor.create(client).applySchema());
    }

    @AfterEach
    void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static IngestOptions options(int maxAttempts) {
        return new IngestOptions()
                .setMaxRawBatchBytes(16 * 1024)
                .setMaxAttempts(maxAttempts)
                .setInitialBackoff(Duration.ofMillis(1))
                .setMaxBackoff(Duration.ofMillis(10));
    }

    private static List<Reading> rows() {
        return LongStream.range(0, ROWS).mapToObj(Reading::of).toList();
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private long requests(String... tags) {
        return registry.find(KustoIngestMetrics.REQUESTS).tags(tags).timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }

    @Test
    void transientFaultsAreCountedExactlyAsTheResultCountsThem() throws Exception {
        start(b -> b.faults(FaultOptions.builder()
                .seed(5)
                .retryAfter(Duration.ZERO)
                .fault(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 0.2)
                .fault(FaultKind.SERVICE_UNAVAILABLE, FaultPhase.BEFORE_COMMIT, 0.15)
                .fault(FaultKind.CONNECTION_CLOSE, FaultPhase.BEFORE_COMMIT, 0.1)
                .build()));
        KustoIngestMetrics metrics = KustoIngestMetrics.create(registry);
        ReadingIngestor ingestor = metrics.monitor(ReadingIngestor.create(client, metrics.instrument(options(40))));

        IngestResult r = await(ingestor.ingest(rows()));

        assertEquals(ROWS, r.rowsIngested());
        assertTrue(r.retries() > 0 && r.throttled() > 0, "the faults struck: " + r);
        assertEquals(r.requests(), requests(), "every attempt is timed");
        assertEquals(r.requests() - r.retries(), requests("outcome", "succeeded"), "one success per batch");
        assertEquals(r.retries(), requests("outcome", "retrying"));
        assertEquals(r.throttled(), requests("status", "429"));
        assertEquals(r.retries(), (long) count(KustoIngestMetrics.RETRIES));
        assertEquals(r.throttled(), (long) count(KustoIngestMetrics.THROTTLES));
        assertEquals(r.rowsIngested(), (long) count(KustoIngestMetrics.ROWS, "outcome", "ingested"));
        assertEquals(0, count(KustoIngestMetrics.ROWS, "outcome", "failed"));
        assertEquals(r.rawBytes(), (long) count(KustoIngestMetrics.RAW_BYTES));
        assertEquals(r.compressedBytes(), (long) count(KustoIngestMetrics.COMPRESSED_BYTES));
        assertEquals(0, count(KustoIngestMetrics.FAILURES));
        for (Meter m : registry.getMeters()) {
            assertEquals("Test", m.getId().getTag("database"), m.getId().toString());
            assertEquals("Readings", m.getId().getTag("table"));
            assertEquals("streaming", m.getId().getTag("mode"));
        }
        assertEquals(
                0, registry.get(KustoIngestMetrics.BATCHES_IN_FLIGHT).gauge().value());
        assertEquals(0, registry.get(KustoIngestMetrics.BUFFERED_BYTES).gauge().value());
        assertEquals(
                "bytes",
                registry.get(KustoIngestMetrics.RAW_BYTES).counter().getId().getBaseUnit());
    }

    @Test
    void failuresAreCountedByKustoErrorCodeWithTheirRows() throws Exception {
        start(b -> b.faults(FaultOptions.builder()
                .seed(9)
                .fault(FaultKind.SERVICE_UNAVAILABLE, FaultPhase.BEFORE_COMMIT, 0.3)
                .fault(FaultKind.INTERNAL_ERROR, FaultPhase.BEFORE_COMMIT, 0.2)
                .build()));
        KustoIngestMetrics metrics = KustoIngestMetrics.create(registry);
        ReadingIngestor ingestor = ReadingIngestor.create(client, metrics.instrument(options(1))); // no retry

        Throwable e = failure(ingestor.ingest(rows()));
        IngestResult r = assertInstanceOf(IngestException.class, e).result();

        assertTrue(r.rowsFailed() > 0 && r.rowsIngested() > 0, r.toString());
        assertEquals(r.rowsIngested(), (long) count(KustoIngestMetrics.ROWS, "outcome", "ingested"));
        assertEquals(r.rowsFailed(), (long) count(KustoIngestMetrics.ROWS, "outcome", "failed"));
        assertEquals(r.failures().size(), (long) count(KustoIngestMetrics.FAILURES), "one failure per failed batch");
        assertEquals(
                requests("status", "503"), (long) count(KustoIngestMetrics.FAILURES, "code", "ServiceUnavailable"));
        assertEquals(requests("status", "500"), (long)
                count(KustoIngestMetrics.FAILURES, "code", "General_InternalServerError"));
        assertEquals(r.requests(), requests());
        assertEquals(0, count(KustoIngestMetrics.RETRIES));
        assertEquals(r.rawBytes(), (long) count(KustoIngestMetrics.RAW_BYTES));
    }

    @Test
    void gaugesShowBatchesInFlightWhileTheyAreAndNothingAfter() throws Exception {
        start(b -> b.faults(FaultOptions.builder()
                .seed(1)
                .slowDelay(Duration.ofMillis(300))
                .fault(FaultKind.SLOW, FaultPhase.BEFORE_COMMIT, 1.0)
                .build()));
        KustoIngestMetrics metrics = KustoIngestMetrics.create(registry);
        ReadingIngestor ingestor = metrics.monitor(ReadingIngestor.create(client, metrics.instrument(options(3))));
        ReadingIngestor second = metrics.monitor(ReadingIngestor.create(client, metrics.instrument(options(3))));

        Future<IngestResult> running = ingestor.ingest(rows().subList(0, 600));
        double batches = 0;
        double bytes = 0;
        for (int i = 0; i < 300 && (batches == 0 || bytes == 0); i++) {
            Thread.sleep(10);
            batches = registry.get(KustoIngestMetrics.BATCHES_IN_FLIGHT).gauge().value();
            bytes = registry.get(KustoIngestMetrics.BUFFERED_BYTES).gauge().value();
        }
        assertTrue(batches >= 1 && batches <= ingestor.options().getMaxInFlight(), "batches in flight: " + batches);
        assertTrue(bytes > 0, "buffered bytes: " + bytes);
        assertEquals(
                1, registry.find(KustoIngestMetrics.BATCHES_IN_FLIGHT).gauges().size(), "one gauge per table");
        await(running);
        assertEquals(
                0, registry.get(KustoIngestMetrics.BATCHES_IN_FLIGHT).gauge().value());
        assertEquals(0, registry.get(KustoIngestMetrics.BUFFERED_BYTES).gauge().value());
        assertEquals(0, second.batchesInFlight());
    }

    @Test
    void percentilesTagsAndAnEarlierListenerAreKept() throws Exception {
        start(b -> {});
        AtomicLong seenByEarlierListener = new AtomicLong();
        IngestListener earlier = e -> seenByEarlierListener.incrementAndGet();
        KustoIngestMetrics metrics = KustoIngestMetrics.create(
                registry,
                new KustoMetricsOptions()
                        .setPercentiles(0.5, 0.99)
                        .setExtraTags(List.of(Tag.of("application", "billing"))));
        ReadingIngestor ingestor =
                ReadingIngestor.create(client, metrics.instrument(options(3).setListener(earlier)));

        IngestResult r = await(ingestor.ingest(rows()));

        assertEquals(r.requests(), seenByEarlierListener.get());
        Timer timer = registry.get(KustoIngestMetrics.REQUESTS)
                .tags("application", "billing", "outcome", "succeeded", "status", "200")
                .timer();
        assertEquals(r.requests(), timer.count());
        assertEquals(2, timer.takeSnapshot().percentileValues().length);
    }

    private static Throwable failure(Future<?> f) throws Exception {
        try {
            await(f);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }
}
