package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static io.kustotyped.it.support.Futures.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.EmulatorStats;
import io.kustotyped.emulator.fault.FaultKind;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.FailedRows;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.RowRange;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Faults injected by the emulator: nothing is lost, permanent failures name the rows, ambiguity is reported. */
class FaultInjectionTest {

    private static final int ROWS = 20_000;

    private static IngestOptions options() {
        return new IngestOptions()
                .setMaxRawBatchBytes(32 * 1024)
                .setMaxAttempts(30)
                .setInitialBackoff(Duration.ofMillis(2))
                .setMaxBackoff(Duration.ofMillis(20))
                .setRetryBudget(Duration.ofMinutes(1));
    }

    private static List<LogEvent> rows() {
        return LongStream.range(0, ROWS).mapToObj(i -> LogEvent.of(i, 60)).toList();
    }

    @Test
    void transientFaultsOnMostRequestsLoseNothing() throws Exception {
        FaultOptions faults = FaultOptions.builder()
                .seed(7)
                .retryAfter(Duration.ZERO)
                .fault(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 0.2)
                .fault(FaultKind.INTERNAL_ERROR, FaultPhase.BEFORE_COMMIT, 0.15)
                .fault(FaultKind.SERVICE_UNAVAILABLE, FaultPhase.BEFORE_COMMIT, 0.15)
                .fault(FaultKind.CONNECTION_CLOSE, FaultPhase.BEFORE_COMMIT, 0.1)
                .build();
        try (EmulatorFixture f = new EmulatorFixture(b -> b.faults(faults))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, options());
            await(ingestor.applySchema());
            IngestResult r = await(ingestor.ingest(rows()));

            EmulatorStats stats = f.emulator.stats();
            assertEquals(ROWS, r.rowsIngested());
            assertEquals(ROWS, stats.rowsCommitted("Test", "Logs"), "the emulator holds every row exactly once");
            assertEquals(ROWS, f.count("Logs | distinct seq | count"));
            assertEquals(stats.ingestRequests(), r.requests(), "the client counted every request the server saw");
            assertTrue(
                    stats.totalFaultsInjected() > r.requests() / 3,
                    "faults on a large share of requests: " + stats.faultsInjected() + " of " + r.requests());
            assertEquals(stats.ingestFailed(), r.retries(), "each failed request was retried once");
            assertTrue(r.throttled() > 0);
        }
    }

    @Test
    void faultsAfterCommitAreReportedAsPossibleDuplicates() throws Exception {
        FaultOptions faults = FaultOptions.builder()
                .seed(11)
                .fault(FaultKind.CONNECTION_CLOSE, FaultPhase.AFTER_COMMIT, 0.3)
                .build();
        try (EmulatorFixture f = new EmulatorFixture(b -> b.faults(faults))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, options());
            await(ingestor.applySchema());
            IngestResult r = await(ingestor.ingest(rows()));

            EmulatorStats stats = f.emulator.stats();
            assertEquals(ROWS, r.rowsIngested());
            assertEquals(ROWS, f.count("Logs | distinct seq | count"), "every row landed");
            long duplicated = stats.rowsCommitted("Test", "Logs") - ROWS;
            assertTrue(duplicated > 0, "the emulator committed some rows twice");
            assertEquals(stats.rowsCommittedInFailedRequests(), duplicated);
            long reported =
                    r.possiblyDuplicated().stream().mapToLong(RowRange::size).sum();
            KustoResultTable dups =
                    await(f.client.executeQuery("Test", "Logs | summarize n = count() by seq | where n > 1"));
            // a batch may be committed more than twice (two lost answers, then success): it is reported once
            assertEquals(dups.rowCount(), reported, "every duplicated row is reported, and only those");
            for (int row = 0; row < dups.rowCount(); row++) {
                long seq = dups.getLong(row, "seq");
                assertTrue(
                        r.possiblyDuplicated().stream().anyMatch(x -> x.from() <= seq && seq < x.to()),
                        "duplicated row " + seq + " is not in " + r.possiblyDuplicated());
            }
        }
    }

    /** A 5xx after the commit leaves the outcome unknown, like a lost answer (docs/ingest-outcomes.md). */
    @Test
    void serverErrorsAfterCommitAreReportedAsPossibleDuplicates() throws Exception {
        FaultOptions faults = FaultOptions.builder()
                .seed(5)
                .fault(FaultKind.INTERNAL_ERROR, FaultPhase.AFTER_COMMIT, 0.3)
                .fault(FaultKind.SERVICE_UNAVAILABLE, FaultPhase.AFTER_COMMIT, 0.1)
                .build();
        try (EmulatorFixture f = new EmulatorFixture(b -> b.faults(faults))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, options());
            await(ingestor.applySchema());
            IngestResult r = await(ingestor.ingest(rows()));

            assertEquals(ROWS, r.rowsIngested());
            assertEquals(ROWS, f.count("Logs | distinct seq | count"), "every row landed");
            KustoResultTable dups =
                    await(f.client.executeQuery("Test", "Logs | summarize n = count() by seq | where n > 1"));
            long extraCopies = f.emulator.stats().rowsCommitted("Test", "Logs") - ROWS;
            long reported =
                    r.possiblyDuplicated().stream().mapToLong(RowRange::size).sum();
            System.out.printf(
                    "500/503 after commit, %d rows: %d rows stored more than once (%d extra copies), %d reported%n",
                    ROWS, dups.rowCount(), extraCopies, reported);
            assertTrue(dups.rowCount() > 0, "the faults duplicated rows");
            // every answer was a commit followed by a 5xx: each reported row is a real duplicate, and the reverse
            assertEquals(dups.rowCount(), reported, "every duplicated row is reported, and only those");
            for (int row = 0; row < dups.rowCount(); row++) {
                long seq = dups.getLong(row, "seq");
                assertTrue(
                        r.possiblyDuplicated().stream().anyMatch(x -> x.from() <= seq && seq < x.to()),
                        "duplicated row " + seq + " is not in " + r.possiblyDuplicated());
            }
        }
    }

    @Test
    void timeoutsAreRetriedAndTheirRowsReportedAsPossibleDuplicates() throws Exception {
        FaultOptions faults = FaultOptions.builder()
                .seed(3)
                .slowDelay(Duration.ofMillis(1500))
                .fault(FaultKind.SLOW, FaultPhase.BEFORE_COMMIT, 0.25)
                .build();
        try (EmulatorFixture f = new EmulatorFixture(b -> b.faults(faults), Duration.ofMillis(400))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, options());
            await(ingestor.applySchema());
            List<LogEvent> rows = rows().subList(0, 3000);
            IngestResult r = await(ingestor.ingest(rows));
            assertEquals(3000, r.rowsIngested());
            assertEquals(3000, f.count("Logs | distinct seq | count"), "every row landed");
            assertTrue(r.retries() > 0, "the slow answers timed out and were retried: " + r);
            KustoResultTable dups =
                    await(f.client.executeQuery("Test", "Logs | summarize n = count() by seq | where n > 1"));
            for (int row = 0; row < dups.rowCount(); row++) {
                long seq = dups.getLong(row, "seq");
                assertTrue(
                        r.possiblyDuplicated().stream().anyMatch(x -> x.from() <= seq && seq < x.to()),
                        "duplicated row " + seq + " is not reported in " + r.possiblyDuplicated());
            }
        }
    }

    @Test
    void aPermanentErrorNamesEveryRowAndWhatToRun() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> {})) {
            // the table exists but the mapping does not: the pitfall users hit most
            await(f.client.executeMgmt("Test", LogEventKustoSchema.CREATE_TABLE));
            LogEventIngestor ingestor = LogEventIngestor.create(f.client, options());
            IngestException e = assertInstanceOf(IngestException.class, awaitFailure(ingestor.ingest(rows())));
            IngestResult r = e.result();
            assertEquals(0, r.rowsIngested());
            assertEquals(ROWS, r.rowsFailed());
            assertEquals(r.clientRequestIds().size(), r.requests(), "a permanent error is never retried");
            assertTrue(r.stoppedReading().isPresent(), "a missing mapping stops reading: " + r);
            assertTrue(r.requests() <= options().getMaxInFlight() + 1, "few requests were sent: " + r.requests());
            long covered = 0;
            for (FailedRows fr : r.failures()) {
                KustoServiceException k = assertInstanceOf(KustoServiceException.class, fr.cause());
                assertEquals(400, k.status());
                assertEquals("BadRequest_MappingReferenceWasNotFound", k.code().orElseThrow());
                assertTrue(k.clientRequestId() != null && k.activityId().isPresent());
                covered += fr.rowCount();
            }
            assertEquals(ROWS, covered);
            assertEquals(0, r.failures().get(0).ranges().get(0).from());
            assertTrue(e.getMessage().contains("Run LogEventKustoSchema.CREATE_MAPPING"), e.getMessage());
            assertFalse(e.getMessage().contains(LogEventKustoSchema.MAPPING_JSON), "the mapping is named, not quoted");
            assertEquals(0, f.emulator.stats().rowsCommitted("Test", "Logs"));
        }
    }

    @Test
    void streamingOffSaysWhichCommandToRun() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> {})) {
            await(f.client.executeMgmt("Test", LogEventKustoSchema.CREATE_TABLE));
            await(f.client.executeMgmt("Test", LogEventKustoSchema.CREATE_MAPPING));
            await(f.client.executeMgmt("Test", ".delete database ['Test'] policy streamingingestion"));
            IngestException e = assertInstanceOf(
                    IngestException.class,
                    awaitFailure(LogEventIngestor.create(f.client, options()).ingest(rows().subList(0, 10))));
            assertTrue(e.getMessage().contains(LogEventKustoSchema.ENABLE_STREAMING), e.getMessage());
            assertEquals(
                    List.of(new RowRange(0, 10)), e.result().failures().get(0).ranges());
        }
    }
}
