package io.kustotyped.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.emulator.http.StatsCollector;
import java.util.Map;

/**
 * A snapshot of what the emulator has done, for tests that must prove no row was lost or duplicated. Also served
 * as JSON by {@code GET /emulator/stats}.
 *
 * @param requests HTTP requests received (all endpoints)
 * @param ingestRequests ingest requests received
 * @param ingestSucceeded ingest requests answered 200
 * @param ingestFailed ingest requests answered with an error or a closed connection (injected faults included)
 * @param rowsCommitted rows committed per table, keyed {@code "database.table"}
 * @param commits successful commits (one per ingest request whose rows were committed)
 * @param faultsInjected faults injected, keyed {@code "kind/phase"}, e.g. {@code "throttle/before_commit"}
 * @param rowsCommittedInFailedRequests rows committed by requests that were then failed by an after-commit fault
 *     (the client saw a failure, the rows are there)
 */
public record EmulatorStats(
        long requests,
        long ingestRequests,
        long ingestSucceeded,
        long ingestFailed,
        Map<String, Long> rowsCommitted,
        long commits,
        Map<String, Long> faultsInjected,
        long rowsCommittedInFailedRequests) {

    /** Freezes the maps. */
    public EmulatorStats {
        rowsCommitted = Map.copyOf(rowsCommitted);
        faultsInjected = Map.copyOf(faultsInjected);
    }

    /** A snapshot of the counters. */
    static EmulatorStats of(StatsCollector c) {
        return new EmulatorStats(
                c.requestCount(),
                c.ingestRequestCount(),
                c.ingestSucceededCount(),
                c.ingestFailedCount(),
                c.rowsCommitted(),
                c.commitCount(),
                c.faultsInjected(),
                c.rowsInFailedRequests());
    }

    /** @return all rows committed, over all tables */
    public long totalRowsCommitted() {
        return rowsCommitted.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param database the database
     * @param table the table
     * @return the rows committed into that table (0 when none)
     */
    public long rowsCommitted(String database, String table) {
        return rowsCommitted.getOrDefault(database + "." + table, 0L);
    }

    /** @return the total number of faults injected */
    public long totalFaultsInjected() {
        return faultsInjected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return this snapshot as the JSON object {@code GET /emulator/stats} returns */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("requests", requests);
        o.put("ingestRequests", ingestRequests);
        o.put("ingestSucceeded", ingestSucceeded);
        o.put("ingestFailed", ingestFailed);
        o.put("commits", commits);
        o.put("totalRowsCommitted", totalRowsCommitted());
        ObjectNode rows = o.putObject("rowsCommitted");
        rowsCommitted.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.put(e.getKey(), e.getValue()));
        ObjectNode faults = o.putObject("faultsInjected");
        faultsInjected.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> faults.put(e.getKey(), e.getValue()));
        o.put("rowsCommittedInFailedRequests", rowsCommittedInFailedRequests);
        return o;
    }
}
