package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A lazy input far larger than what may be held is read only as batch slots free up. */
class BoundedMemoryTest extends FakeKustoTestBase {

    @Test
    void lazyInputIsPulledOnlyAsSlotsFreeUp() throws Exception {
        int rawLimit = 16 * 1024;
        int compressedLimit = 16 * 1024;
        int maxInFlight = 2;
        int rowCount = 100_000; // ~ 10 MB of JSON, 150 times what may be held
        AtomicLong pulled = new AtomicLong();
        AtomicLong landed = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        server.respond(r -> {
            landed.addAndGet(r.lines().size());
            return FakeKusto.Reply.ok();
        });
        Iterator<Event> lazy = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pulled.get() < rowCount;
            }

            @Override
            public Event next() {
                long i = pulled.getAndIncrement();
                maxAhead.accumulateAndGet(i - landed.get(), Math::max);
                return new Event(i, TestSupport.message((int) i, 80));
            }
        };
        IngestResult r = await(new Event.Ingestor(
                        client,
                        "db",
                        new IngestOptions()
                                .setMaxRawBatchBytes(rawLimit)
                                .setMaxCompressedBatchBytes(compressedLimit)
                                .setMaxInFlight(maxInFlight))
                .ingest(lazy));

        assertEquals(rowCount, r.rowsIngested());
        assertEquals(rowCount, landed.get());
        long rawTotal = r.rawBytes();
        assertTrue(rawTotal > 400L * rawLimit, "input must dwarf the limit, was " + rawTotal);
        long bound = (long) maxInFlight * (rawLimit + compressedLimit);
        assertTrue(r.peakBufferedBytes() <= bound, "peak " + r.peakBufferedBytes() + " over " + bound);
        assertTrue(r.peakBufferedBytes() > 0);
        // rows read ahead of the server: at most the batches in flight plus the one carried row
        long rowsPerBatch = rawLimit / 100 + 1;
        assertTrue(
                maxAhead.get() <= (maxInFlight + 1) * rowsPerBatch,
                "read " + maxAhead.get() + " rows ahead of the server, allowed " + (maxInFlight + 1) * rowsPerBatch);
    }

    @Test
    void theIngestorReportsItsLiveBatchesAndBytesForGauges() throws Exception {
        int rawLimit = 8 * 1024;
        int maxInFlight = 3;
        IngestOptions options = new IngestOptions()
                .setMaxRawBatchBytes(rawLimit)
                .setMaxCompressedBatchBytes(rawLimit)
                .setMaxInFlight(maxInFlight);
        Event.Ingestor ingestor = new Event.Ingestor(client, "db", options);
        AtomicLong maxBatches = new AtomicLong();
        AtomicLong maxBytes = new AtomicLong();
        server.respond(r -> {
            // a request is in flight: its batch holds a slot and its bytes
            maxBatches.accumulateAndGet(ingestor.batchesInFlight(), Math::max);
            maxBytes.accumulateAndGet(ingestor.bufferedBytes(), Math::max);
            return FakeKusto.Reply.ok();
        });
        assertEquals(0, ingestor.batchesInFlight());
        IngestResult r = await(ingestor.ingest(Stream.iterate(0L, i -> i + 1)
                .limit(20_000)
                .map(i -> new Event(i, TestSupport.message((int) (long) i, 60)))
                .toList()));

        assertEquals(20_000, r.rowsIngested());
        assertTrue(maxBatches.get() >= 1 && maxBatches.get() <= maxInFlight, "batches seen: " + maxBatches.get());
        assertTrue(
                maxBytes.get() > 0 && maxBytes.get() <= (long) maxInFlight * 2 * rawLimit,
                "bytes seen: " + maxBytes.get());
        assertEquals(0, ingestor.batchesInFlight(), "every slot is given back");
        assertEquals(0, ingestor.bufferedBytes(), "every byte is let go");
    }

    @Test
    void streamInputIsConsumedLazilyAndClosed() throws Exception {
        AtomicLong closed = new AtomicLong();
        Stream<Event> s = Stream.iterate(0L, i -> i + 1)
                .limit(5000)
                .map(i -> new Event(i, "m" + i))
                .onClose(closed::incrementAndGet);
        IngestResult r =
                await(new Event.Ingestor(client, "db", new IngestOptions().setMaxRawBatchBytes(4096)).ingest(s));
        assertEquals(5000, r.rowsIngested());
        assertEquals(1, closed.get());
    }
}
