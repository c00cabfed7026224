package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static io.kustotyped.it.support.Futures.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.IngestLimits;
import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestListener;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.RowRange;
import io.kustotyped.runtime.RowTooLargeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Batch cutting at the emulator's real limits, 413 splits and rows too large on their own. */
class BatchLimitsTest {

    @Test
    void defaultLimitsFitTheServiceLimits() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> {})) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client);
            await(ingestor.applySchema());
            // ~ 14 MB of JSON: several full 4 MiB batches at the default limits
            List<LogEvent> rows = LongStream.range(0, 60_000)
                    .mapToObj(i -> LogEvent.of(i, 200))
                    .toList();
            IngestResult r = await(ingestor.ingest(rows));
            assertEquals(60_000, r.rowsIngested());
            assertTrue(r.requests() >= 4, "cut into several requests: " + r);
            assertEquals(r.clientRequestIds().size(), r.requests(), "no request was refused as too large");
            assertEquals(60_000, f.emulator.stats().rowsCommitted("Test", "Logs"));
        }
    }

    @Test
    void aServiceWithSmallerLimitsAnswers413AndTheBatchIsSplit() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> b.limits(new IngestLimits(10L << 20, 64 * 1024)))) {
            List<IngestListener.RequestEvent> events = new CopyOnWriteArrayList<>();
            LogEventIngestor ingestor = LogEventIngestor.create(
                    f.client,
                    new IngestOptions().setMaxRawBatchBytes(256 * 1024).setListener(events::add));
            await(ingestor.applySchema());
            List<LogEvent> rows = LongStream.range(0, 5_000)
                    .mapToObj(i -> LogEvent.of(i, 100))
                    .toList();
            IngestResult r = await(ingestor.ingest(rows));
            assertEquals(5_000, r.rowsIngested());
            assertEquals(5_000, f.emulator.stats().rowsCommitted("Test", "Logs"));
            assertEquals(5_000, f.count("Logs | distinct seq | count"));
            long splits = events.stream()
                    .filter(e -> e.outcome() == IngestListener.Outcome.SPLIT)
                    .count();
            assertTrue(splits > 0, "the emulator refused the 256 KiB batches");
            assertTrue(events.stream()
                    .filter(e -> e.outcome() == IngestListener.Outcome.SPLIT)
                    .allMatch(e -> e.status() == 413));
            assertTrue(events.stream()
                    .filter(e -> e.outcome() == IngestListener.Outcome.SUCCEEDED)
                    .allMatch(e -> e.rawBytes() <= 64 * 1024));
        }
    }

    @Test
    void aRowTooLargeOnItsOwnFailsAloneAndTheRestLand() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> {})) {
            LogEventIngestor ingestor =
                    LogEventIngestor.create(f.client, new IngestOptions().setMaxRawBatchBytes(64 * 1024));
            await(ingestor.applySchema());
            List<LogEvent> rows = new ArrayList<>(
                    LongStream.range(0, 2_000).mapToObj(i -> LogEvent.of(i, 50)).toList());
            rows.set(1234, LogEvent.of(1234, 100_000));
            IngestException e = assertInstanceOf(IngestException.class, awaitFailure(ingestor.ingest(rows)));
            assertEquals(1_999, e.result().rowsIngested());
            assertEquals(
                    List.of(new RowRange(1234, 1235)),
                    e.result().failures().get(0).ranges());
            assertEquals(
                    1234,
                    assertInstanceOf(
                                    RowTooLargeException.class,
                                    e.result().failures().get(0).cause())
                            .rowIndex());
            assertTrue(e.getMessage().contains("row 1234"), e.getMessage());
            assertEquals(1_999, f.emulator.stats().rowsCommitted("Test", "Logs"));
            assertEquals(0, f.count("Logs | where seq == 1234 | count"));
        }
    }
}
