package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.RowRange;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Soak: the client ingests round after round through heavy seeded faults, before and after the commit (throttling,
 * 500s, 503s, closed connections, answers slower than the request timeout), then the table is reconciled row by row
 * with what the client reported:
 *
 * <ul>
 *   <li>every acknowledged row is in the table; a row is there more than once only if it is reported possibly
 *       duplicated (or is a failure marked possibly ingested);
 *   <li>a failed row not marked possibly ingested is not in the table;
 *   <li>the distinct rows in the table are exactly the acknowledged rows plus the possibly-ingested rows that landed.
 * </ul>
 *
 * <p>About 60 s in the test command. Longer: {@code mvn -B -o -pl integration-tests -am verify -Dtest=SoakTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.seconds=600} (and {@code -Dsoak.seed=N} for other faults).
 */
class SoakTest {

    private static final long SECONDS = Long.getLong("soak.seconds", 60);
    private static final long SEED = Long.getLong("soak.seed", 2026);
    private static final int ROWS_PER_CALL = 4_000;
    private static final int CALLS_PER_ROUND = 3;
    /** A bound on the rows (and the emulator's memory) whatever the duration. */
    private static final long MAX_ROWS = 3_000_000;

    @Test
    void everyRowIsAccountedForAndEveryDuplicateIsReported() throws Exception {
        FaultOptions faults = FaultOptions.builder()
                .seed(SEED)
                .retryAfter(Duration.ZERO)
                .slowDelay(Duration.ofMillis(2500))
                .fault(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 0.08)
                .fault(FaultKind.INTERNAL_ERROR, FaultPhase.BEFORE_COMMIT, 0.05)
                .fault(FaultKind.SERVICE_UNAVAILABLE, FaultPhase.BEFORE_COMMIT, 0.04)
                .fault(FaultKind.CONNECTION_CLOSE, FaultPhase.BEFORE_COMMIT, 0.04)
                .fault(FaultKind.INTERNAL_ERROR, FaultPhase.AFTER_COMMIT, 0.08)
                .fault(FaultKind.SERVICE_UNAVAILABLE, FaultPhase.AFTER_COMMIT, 0.05)
                .fault(FaultKind.CONNECTION_CLOSE, FaultPhase.AFTER_COMMIT, 0.05)
                .fault(FaultKind.SLOW, FaultPhase.AFTER_COMMIT, 0.01)
                .build();
        // Few attempts, so that some pieces fail after an ambiguous attempt and are reported possibly ingested.
        IngestOptions options = new IngestOptions()
                .setMaxRawBatchBytes(16 * 1024)
                .setMaxAttempts(4)
                .setInitialBackoff(Duration.ofMillis(1))
                .setMaxBackoff(Duration.ofMillis(10))
                .setRetryBudget(Duration.ofSeconds(20));
        // The ingest client times out well before the slow answers come; set-up and the final query use the other.
        try (EmulatorFixture f = new EmulatorFixture(b -> b.faults(faults))) {
            KustoClient ingestClient = KustoClient.create(
                    f.vertx,
                    new KustoClientOptions()
                            .setClusterUrl(f.emulator.uri().toString())
                            .setRequestTimeout(Duration.ofMillis(1000)));
            LogEventIngestor ingestor = LogEventIngestor.create(ingestClient, options);
            await(LogEventIngestor.create(f.client, options).applySchema());

            BitSet failedNotIngested = new BitSet();
            BitSet possiblyIngested = new BitSet();
            BitSet possiblyDuplicated = new BitSet();
            long requests = 0;
            long retries = 0;
            long acknowledged = 0;
            long sent = 0;
            int rounds = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            while (System.nanoTime() < deadline && sent + (long) ROWS_PER_CALL * CALLS_PER_ROUND <= MAX_ROWS) {
                List<Future<IngestResult>> calls = new ArrayList<>();
                List<Long> firsts = new ArrayList<>();
                for (int c = 0; c < CALLS_PER_ROUND; c++) {
                    long first = sent;
                    sent += ROWS_PER_CALL;
                    firsts.add(first);
                    calls.add(ingestor.ingest(LongStream.range(first, first + ROWS_PER_CALL)
                                    .mapToObj(i -> LogEvent.of(i, 60))
                                    .toList())
                            .recover(e -> e instanceof IngestException ie
                                    ? Future.succeededFuture(ie.result())
                                    : Future.failedFuture(e)));
                }
                for (int c = 0; c < calls.size(); c++) {
                    IngestResult r = await(calls.get(c));
                    long first = firsts.get(c);
                    requests += r.requests();
                    retries += r.retries();
                    acknowledged += r.rowsIngested();
                    assertEquals(ROWS_PER_CALL, r.rowsIngested() + r.rowsFailed(), "every row accounted for: " + r);
                    for (RowRange d : r.possiblyDuplicated()) {
                        possiblyDuplicated.set((int) (first + d.from()), (int) (first + d.to()));
                    }
                    for (FailedRows fr : r.failures()) {
                        for (RowRange x : fr.ranges()) {
                            (fr.possiblyIngested() ? possiblyIngested : failedNotIngested)
                                    .set((int) (first + x.from()), (int) (first + x.to()));
                        }
                    }
                }
                rounds++;
            }

            Map<Long, Long> copies = copiesBySeq(f, sent);
            long inTable = 0;
            long duplicateRows = 0;
            long extraCopies = 0;
            long duplicatesReported = 0;
            long possiblyIngestedLanded = 0;
            List<String> problems = new ArrayList<>();
            for (long seq = 0; seq < sent; seq++) {
                int i = (int) seq;
                long n = copies.getOrDefault(seq, 0L);
                inTable += n;
                boolean failed = failedNotIngested.get(i);
                boolean maybe = possiblyIngested.get(i);
                if (maybe && n > 0) {
                    possiblyIngestedLanded++;
                }
                if (n > 1) {
                    duplicateRows++;
                    extraCopies += n - 1;
                    if (possiblyDuplicated.get(i) || maybe) {
                        duplicatesReported++;
                    } else if (problems.size() < 20) {
                        problems.add("row " + seq + " is in the table " + n + " times, not reported");
                    }
                }
                if (failed && n > 0 && problems.size() < 20) {
                    problems.add("row " + seq + " failed (not possibly ingested) but is in the table");
                }
                if (!failed && !maybe && n == 0 && problems.size() < 20) {
                    problems.add("row " + seq + " was acknowledged but is not in the table");
                }
            }
            long distinctInTable = copies.size();
            EmulatorStats stats = f.emulator.stats();
            System.out.printf(
                    "Soak (seed %d, %d s): %d rounds, %d rows sent, %d acknowledged, %d failed (%d possibly ingested,"
                            + " %d of them landed), %d requests, %d retries; faults %s (%d); rows in the table %d"
                            + " (%d distinct); duplicated rows found %d (%d extra copies), reported %d; rows reported"
                            + " possibly duplicated %d%n",
                    SEED,
                    SECONDS,
                    rounds,
                    sent,
                    acknowledged,
                    failedNotIngested.cardinality() + possiblyIngested.cardinality(),
                    possiblyIngested.cardinality(),
                    possiblyIngestedLanded,
                    requests,
                    retries,
                    stats.faultsInjected(),
                    stats.totalFaultsInjected(),
                    inTable,
                    distinctInTable,
                    duplicateRows,
                    extraCopies,
                    duplicatesReported,
                    possiblyDuplicated.cardinality());

            assertEquals(List.of(), problems);
            assertEquals(acknowledged + possiblyIngestedLanded, distinctInTable, "distinct rows in the table");
            assertEquals(stats.rowsCommitted("Test", "Logs"), inTable, "the query saw every committed row");
            assertEquals(duplicateRows, duplicatesReported, "every duplicated row is reported");
            assertTrue(rounds > 0 && duplicateRows > 0, "the faults made duplicates to find");
            assertTrue(possiblyIngested.cardinality() > 0 || SECONDS < 30, "some rows failed after ambiguous answers");
            assertEquals(requests, stats.ingestRequests(), "the client counted every request the emulator saw");
        }
    }

    /**
     * seq to the number of copies in the table, read in ranges of seq: one answer must stay within Kusto's 500,000
     * result records, past which the query fails (E_QUERY_RESULT_SET_TOO_LARGE).
     */
    private static Map<Long, Long> copiesBySeq(EmulatorFixture f, long sent) throws Exception {
        Map<Long, Long> out = new HashMap<>();
        long step = 250_000;
        for (long from = 0; from < sent; from += step) {
            KustoResultTable t = await(f.client.executeQuery(
                    "Test",
                    "Logs | where seq >= " + from + " and seq < " + (from + step) + " | summarize n = count() by seq"));
            for (int row = 0; row < t.rowCount(); row++) {
                out.put(t.getLong(row, "seq"), t.getLong(row, "n"));
            }
        }
        return out;
    }
}
