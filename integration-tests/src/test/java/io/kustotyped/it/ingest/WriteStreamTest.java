package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoWriteStream;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A continuous feed through the write stream, honouring backpressure, end to end. */
class WriteStreamTest {

    @Test
    void continuousFeedWithBackpressureLandsEveryRow() throws Exception {
        int total = 50_000;
        try (EmulatorFixture f = new EmulatorFixture(b -> {})) {
            LogEventIngestor ingestor = LogEventIngestor.create(
                    f.client,
                    new IngestOptions()
                            .setMaxBatchRows(2_000)
                            .setWriteQueueMaxRows(5_000)
                            .setLingerTime(Duration.ofMillis(50)));
            await(ingestor.applySchema());
            KustoWriteStream<LogEvent> ws = ingestor.writeStream();
            AtomicLong next = new AtomicLong();
            AtomicInteger pauses = new AtomicInteger();
            Promise<Void> fed = Promise.promise();
            // a producer that stops when the queue is full and resumes on drain, as ReadStream.pipeTo does
            Runnable[] feed = new Runnable[1];
            feed[0] = () -> {
                while (next.get() < total) {
                    if (ws.writeQueueFull()) {
                        pauses.incrementAndGet();
                        ws.drainHandler(v -> f.vertx.runOnContext(x -> feed[0].run()));
                        return;
                    }
                    ws.write(LogEvent.of(next.getAndIncrement(), 40));
                }
                fed.tryComplete();
            };
            f.vertx.runOnContext(v -> feed[0].run());
            await(fed.future());
            await(ws.end());
            IngestResult r = await(ws.completion());
            assertEquals(total, r.rowsIngested());
            assertTrue(pauses.get() > 0, "the producer was paused by backpressure");
            assertEquals(total, f.emulator.stats().rowsCommitted("Test", "Logs"));
            assertEquals(total, f.count("Logs | distinct seq | count"));
        }
    }
}
