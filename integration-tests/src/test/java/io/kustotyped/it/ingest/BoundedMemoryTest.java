package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A lazy input far larger than what the ingestor may hold: memory stays bounded by the batch slots. */
class BoundedMemoryTest {

    @Test
    void largeLazyStreamIsIngestedWithBoundedBuffers() throws Exception {
        int raw = 64 * 1024;
        int compressed = 64 * 1024;
        int inFlight = 3;
        long rows = 150_000; // ~ 21 MB of JSON, over 50 times what may be held
        try (EmulatorFixture f = new EmulatorFixture(b -> {})) {
            LogEventIngestor ingestor = LogEventIngestor.create(
                    f.client,
                    new IngestOptions()
                            .setMaxRawBatchBytes(raw)
                            .setMaxCompressedBatchBytes(compressed)
                            .setMaxInFlight(inFlight));
            await(ingestor.applySchema());
            AtomicLong produced = new AtomicLong();
            AtomicLong maxAhead = new AtomicLong();
            AtomicLong committed = new AtomicLong();
            int sampleEvery = 256; // the stats snapshot is not free: refresh it every few rows
            Stream<LogEvent> lazy = Stream.iterate(0L, i -> i + 1).limit(rows).map(i -> {
                produced.incrementAndGet();
                if (i % sampleEvery == 0) {
                    committed.set(f.emulator.stats().rowsCommitted("Test", "Logs"));
                }
                maxAhead.accumulateAndGet(i - committed.get(), Math::max);
                return LogEvent.of(i, 80);
            });
            IngestResult r = await(ingestor.ingest(lazy));

            assertEquals(rows, r.rowsIngested());
            assertEquals(rows, f.emulator.stats().rowsCommitted("Test", "Logs"));
            assertTrue(r.rawBytes() > 50L * (raw + compressed) * inFlight, "input dwarfs the bound");
            long bound = (long) inFlight * (raw + compressed);
            assertTrue(r.peakBufferedBytes() <= bound, "held " + r.peakBufferedBytes() + " bytes, bound " + bound);
            long rowsPerBatch = raw / 140 + 1;
            long allowed = (inFlight + 1) * rowsPerBatch + sampleEvery;
            assertTrue(
                    maxAhead.get() <= allowed,
                    "read " + maxAhead.get() + " rows ahead of the server; at most " + allowed);
            assertEquals(rows, produced.get());
        }
    }
}
