package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.GzipEncoder;
import io.kustotyped.runtime.IngestListener;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoResultTable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Rows compressed by {@link GzipEncoder#JSON_LINES} land in the emulator (which gunzips them itself) and read back. */
class GzipEncoderTest {

    @Test
    void rowsSentWithTheJsonLinesEncoderReadBackUnchanged() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> {})) {
            LogEventIngestor ingestor = LogEventIngestor.create(
                    f.client,
                    new IngestOptions().setGzipEncoder(GzipEncoder.JSON_LINES).setMaxRawBatchBytes(1 << 20));
            await(ingestor.applySchema());
            List<LogEvent> rows = LongStream.range(0, 20_000)
                    .mapToObj(i -> LogEvent.of(i, 40 + (int) (i % 200)))
                    .toList();
            IngestResult r = await(ingestor.ingest(rows));
            assertEquals(20_000, r.rowsIngested());
            assertTrue(r.requests() >= 4, "several batches: " + r);
            assertEquals(20_000, f.count("Logs | distinct seq | count"));
            KustoResultTable t = await(f.client.executeQuery(
                    "Test",
                    "Logs | where seq in (0, 7, 12345, 19999) | order by seq asc | project seq, level, message"));
            assertEquals(4, t.rowCount());
            long[] seqs = {0, 7, 12345, 19999};
            for (int i = 0; i < seqs.length; i++) {
                LogEvent expected = LogEvent.of(seqs[i], 40 + (int) (seqs[i] % 200));
                assertEquals(expected.seq(), t.getLong(i, 0));
                assertEquals(expected.level(), t.getString(i, 1));
                assertEquals(expected.message(), t.getString(i, 2));
            }
        }
    }

    @Test
    void aBatchOverTheCompressedLimitIsSplitAsWithZlib() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> {})) {
            List<IngestListener.RequestEvent> events = new CopyOnWriteArrayList<>();
            LogEventIngestor ingestor = LogEventIngestor.create(
                    f.client,
                    new IngestOptions()
                            .setGzipEncoder(GzipEncoder.JSON_LINES)
                            .setMaxRawBatchBytes(64 * 1024)
                            .setMaxCompressedBatchBytes(16 * 1024)
                            .setListener(events::add));
            await(ingestor.applySchema());
            List<LogEvent> rows = LongStream.range(0, 2_000) // random letters: ~1.6x, so 64 KiB is over 16 KiB
                    .mapToObj(i -> LogEvent.of(i, 300))
                    .toList();
            IngestResult r = await(ingestor.ingest(rows));
            assertEquals(2_000, r.rowsIngested());
            assertEquals(2_000, f.count("Logs | distinct seq | count"));
            List<IngestListener.RequestEvent> sent = events.stream()
                    .filter(e -> e.outcome() == IngestListener.Outcome.SUCCEEDED)
                    .toList();
            assertEquals(r.requests(), sent.size());
            assertTrue(
                    sent.stream().allMatch(e -> e.compressedBytes() <= 16 * 1024),
                    "every body within the compressed limit");
            long raw64k = sent.stream().mapToLong(e -> e.rawBytes()).sum() / (64 * 1024) + 1;
            assertTrue(sent.size() >= 2 * raw64k, "the 64 KiB batches were halved: " + sent.size() + " requests");
        }
    }
}
