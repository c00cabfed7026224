package io.kustotyped.emulator.http;

import io.kustotyped.emulator.fault.FaultOptions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind the emulator's stats; the server and the ingest handler record into it. */
public final class StatsCollector {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ingestRequests = new AtomicLong();
    private final AtomicLong ingestSucceeded = new AtomicLong();
    private final AtomicLong ingestFailed = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rowsInFailed = new AtomicLong();
    private final Map<String, LongAdder> rows = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

    /** Counts an HTTP request. */
    public void request() {
        requests.incrementAndGet();
    }

    /** Counts an ingest request. */
    public void ingestRequest() {
        ingestRequests.incrementAndGet();
    }

    /** Counts an ingest request answered 200. */
    public void ingestSucceeded() {
        ingestSucceeded.incrementAndGet();
    }

    /** Counts an ingest request that failed (error response or closed connection). */
    public void ingestFailed() {
        ingestFailed.incrementAndGet();
    }

    /**
     * Counts a commit.
     *
     * @param database the database
     * @param table the table
     * @param rowCount rows committed
     */
    public void committed(String database, String table, long rowCount) {
        commits.incrementAndGet();
        rows.computeIfAbsent(database + "." + table, k -> new LongAdder()).add(rowCount);
    }

    /**
     * Counts an injected fault.
     *
     * @param rule the fault
     * @param committedRows rows the request committed before failing (0 for before-commit faults)
     */
    public void faultInjected(FaultOptions.Rule rule, long committedRows) {
        faults.computeIfAbsent(rule.kind() + "/" + rule.phase().name().toLowerCase(Locale.ROOT), k -> new LongAdder())
                .increment();
        rowsInFailed.addAndGet(committedRows);
    }

    /** @return HTTP requests counted */
    public long requestCount() {
        return requests.get();
    }

    /** @return ingest requests counted */
    public long ingestRequestCount() {
        return ingestRequests.get();
    }

    /** @return ingest requests answered 200 */
    public long ingestSucceededCount() {
        return ingestSucceeded.get();
    }

    /** @return ingest requests that failed */
    public long ingestFailedCount() {
        return ingestFailed.get();
    }

    /** @return commits counted */
    public long commitCount() {
        return commits.get();
    }

    /** @return rows committed by requests an after-commit fault then failed */
    public long rowsInFailedRequests() {
        return rowsInFailed.get();
    }

    /** @return a copy of the rows committed, keyed {@code "database.table"} */
    public Map<String, Long> rowsCommitted() {
        return sums(rows);
    }

    /** @return a copy of the faults injected, keyed {@code "kind/phase"} */
    public Map<String, Long> faultsInjected() {
        return sums(faults);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new HashMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
