package io.kustotyped.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoServiceException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.streams.ReadStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's examples do what the README says, against the emulator. */
class ReadmeExamplesRunTest {

    private KustoEmulator emulator;
    private Vertx vertx;

    @BeforeEach
    void start() {
        emulator = KustoEmulator.builder().database("Telemetry").start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(60, TimeUnit.SECONDS);
        emulator.close();
    }

    /** A feed that emits the list's elements as fast as the pipe asks, then ends. */
    private static final class ListReadStream<T> implements ReadStream<T> {
        private final Iterator<T> items;
        private Handler<T> handler;
        private Handler<Void> endHandler;
        private long demand = Long.MAX_VALUE;
        private boolean ended;

        ListReadStream(List<T> items) {
            this.items = items.iterator();
        }

        @Override
        public ReadStream<T> exceptionHandler(Handler<Throwable> h) {
            return this;
        }

        @Override
        public synchronized ReadStream<T> handler(Handler<T> h) {
            this.handler = h;
            if (h != null) {
                emit();
            }
            return this;
        }

        @Override
        public synchronized ReadStream<T> pause() {
            demand = 0;
            return this;
        }

        @Override
        public synchronized ReadStream<T> resume() {
            return fetch(Long.MAX_VALUE);
        }

        @Override
        public synchronized ReadStream<T> fetch(long amount) {
            demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
            emit();
            return this;
        }

        @Override
        public synchronized ReadStream<T> endHandler(Handler<Void> h) {
            this.endHandler = h;
            return this;
        }

        private void emit() {
            while (handler != null && demand > 0 && items.hasNext()) {
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
                handler.handle(items.next());
            }
            if (!items.hasNext() && !ended && endHandler != null) {
                ended = true;
                endHandler.handle(null);
            }
        }
    }

    private static List<Event> events(int n) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new Event(
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                    UUID.randomUUID(),
                    i % 2 == 0 ? "Info" : "Error",
                    Map.of("i", i)));
        }
        return events;
    }

    @Test
    void ingestExampleCreatesTheTableAndIngests() throws Exception {
        IngestResult r = IngestExample.ingestEvents(vertx, emulator.uri().toString(), events(25))
                .await(60, TimeUnit.SECONDS);
        assertEquals(25, r.rowsIngested());
        assertEquals(25, emulator.stats().rowsCommitted("Telemetry", "Events"));
    }

    @Test
    void queryExampleReadsTheRowsBackWithTheirTypes() throws Exception {
        List<Event> events = events(10);
        IngestExample.ingestEvents(vertx, emulator.uri().toString(), events).await(60, TimeUnit.SECONDS);
        KustoClient client = KustoClient.create(
                vertx, new KustoClientOptions().setClusterUrl(emulator.uri().toString()));
        assertEquals(10L, QueryExample.countEvents(client).await(60, TimeUnit.SECONDS));
        List<QueryExample.ErrorEvent> errors = QueryExample.latestErrors(client).await(60, TimeUnit.SECONDS);
        assertEquals(5, errors.size());
        Event latest = events.get(9); // odd indexes are errors; top 100 by Timestamp desc
        assertEquals(latest.timestamp(), errors.get(0).timestamp());
        assertEquals(latest.deviceId(), errors.get(0).deviceId());
        assertEquals(9, errors.get(0).payload().get("i").asInt());
    }

    @Test
    void readingBackExampleReadsEventRecords() throws Exception {
        List<Event> events = events(10);
        IngestExample.ingestEvents(vertx, emulator.uri().toString(), events).await(60, TimeUnit.SECONDS);
        KustoClient client = KustoClient.create(
                vertx, new KustoClientOptions().setClusterUrl(emulator.uri().toString()));
        List<Event> errors =
                ReadingBackExample.latestErrors(EventIngestor.create(client)).await(60, TimeUnit.SECONDS);
        // A number inside a Map<String, Object> comes back as the JSON number it is: Long (or Double).
        List<Event> expected = new ArrayList<>();
        for (int i = 9; i > 0; i -= 2) {
            Event e = events.get(i);
            expected.add(new Event(e.timestamp(), e.deviceId(), e.level(), Map.of("i", (long) i)));
        }
        assertEquals(expected, errors);

        Event third = events.get(2);
        List<Event> without = ReadingBackExample.withoutPayload(
                        client, third.deviceId().toString())
                .await(60, TimeUnit.SECONDS);
        assertEquals(List.of(new Event(third.timestamp(), third.deviceId(), third.level(), null)), without);
    }

    @Test
    void blockingExampleRunsAsAPlainMain() {
        BlockingExample.main(new String[] {emulator.uri().toString()});
        assertEquals(1, emulator.stats().rowsCommitted("Telemetry", "Events"));
    }

    @Test
    void writeStreamExamplePipesAFeedUntilItEnds() throws Exception {
        KustoClient client = KustoClient.create(
                vertx, new KustoClientOptions().setClusterUrl(emulator.uri().toString()));
        EventIngestor ingestor = EventIngestor.create(client);
        ingestor.applySchema().await(60, TimeUnit.SECONDS);
        IngestResult r = WriteStreamExample.pipe(new ListReadStream<>(events(1000)), ingestor)
                .await(60, TimeUnit.SECONDS);
        assertEquals(1000, r.rowsIngested());
        assertEquals(1000, emulator.stats().rowsCommitted("Telemetry", "Events"));
    }

    @Test
    void deadLetterExampleCollectsEveryRowThatDidNotLand() throws Exception {
        KustoClient client = KustoClient.create(
                vertx, new KustoClientOptions().setClusterUrl(emulator.uri().toString()));
        EventIngestor ingestor = OptionsExample.tunedIngestor(client, e -> {});
        // No applySchema(): the table and its mapping do not exist, a permanent error.
        List<Event> events = events(10);
        List<Event> deadLetters = new ArrayList<>();
        IngestResult r = DeadLetterExample.ingestOrDeadLetter(ingestor, events, deadLetters)
                .await(60, TimeUnit.SECONDS);
        assertFalse(r.isComplete());
        assertEquals(events, deadLetters);
        assertInstanceOf(KustoServiceException.class, r.failures().get(0).cause());
        assertEquals(0, r.retries(), "a permanent error is not retried");
    }
}
