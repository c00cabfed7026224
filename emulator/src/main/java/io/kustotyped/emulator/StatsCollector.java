package io.kustotyped.emulator;

import io.kustotyped.emulator.fault.FaultOptions;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link EmulatorStats}; the server and the ingest handler record into it. */
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

    /** @return a snapshot */
    public EmulatorStats snapshot() {
        Map<String, Long> rowCopy = new java.util.HashMap<>();
        rows.forEach((k, v) -> rowCopy.put(k, v.sum()));
        Map<String, Long> faultCopy = new java.util.HashMap<>();
        faults.forEach((k, v) -> faultCopy.put(k, v.sum()));
        return new EmulatorStats(
                requests.get(),
                ingestRequests.get(),
                ingestSucceeded.get(),
                ingestFailed.get(),
                rowCopy,
                commits.get(),
                faultCopy,
                rowsInFailed.get());
    }
}
