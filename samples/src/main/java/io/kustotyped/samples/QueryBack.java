package io.kustotyped.samples;

import io.kustotyped.runtime.KustoClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Proves the rows landed: counts this run's rows in each table with a query, then reads 8 rows per table back into
 * {@link Shipment} and {@link LogEntry} records through their generated readers (see {@link #sampleIndexes}) and
 * compares every column with the row the generator makes for the same index. It does not read every row back.
 */
final class QueryBack {

    /** What the check found. */
    record Outcome(long shipments, long logs, int rowsCompared, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final KustoClient client;
    private final String database;
    private final SampleData data;

    QueryBack(KustoClient client, String database, SampleData data) {
        this.client = client;
        this.database = database;
        this.data = data;
    }

    Outcome run(long shipmentRows, long logRows) {
        List<String> problems = new ArrayList<>();
        long shipments = count("Shipments | where RunId == guid(" + data.runId() + ") | count");
        if (shipments != shipmentRows) {
            problems.add("Shipments holds " + shipments + " rows of this run, expected " + shipmentRows);
        }
        // The run's log rows: in its time range and tagged with its id (other writers may share the table).
        long logs = count("Logs | where Timestamp >= " + datetime(data.logTimestamp(0)) + " and Timestamp <= "
                + datetime(data.logTimestamp(logRows - 1)) + " and EventText startswith \"" + data.logPrefix()
                + "\" | count");
        if (logs != logRows) {
            problems.add("Logs holds " + logs + " rows of this run, expected " + logRows);
        }
        int compared =
                compareShipments(sampleIndexes(shipmentRows), problems) + compareLogs(sampleIndexes(logRows), problems);
        return new Outcome(shipments, logs, compared, problems);
    }

    /** The first, second, middle and last rows, and more picked at random: 8 distinct rows (all when fewer). */
    static TreeSet<Long> sampleIndexes(long rows) {
        TreeSet<Long> picks = new TreeSet<>();
        picks.add(0L);
        picks.add(Math.min(1, rows - 1));
        picks.add(rows / 2);
        picks.add(rows - 1);
        SplittableRandom r = new SplittableRandom();
        while (picks.size() < Math.min(8, rows)) {
            picks.add(r.nextLong(rows));
        }
        return picks;
    }

    private long count(String query) {
        return client.executeQuery(database, query).await().getLong(0, "Count");
    }

    /** Reads the picked rows with one query, through the generated reader, and compares each with its source. */
    private int compareShipments(TreeSet<Long> picks, List<String> problems) {
        List<Shipment> rows = client.query(
                        database,
                        "Shipments | where RunId == guid(" + data.runId() + ") and ("
                                + anyOf("sequence", picks, Object::toString) + ")",
                        ShipmentRowReader.INSTANCE)
                .await();
        int compared = 0;
        for (long i : picks) {
            Shipment a = only(rows.stream().filter(r -> r.sequence() == i).toList(), "Shipments", i, problems);
            if (a == null) {
                continue;
            }
            compared++;
            Shipment e = data.shipment(i);
            Check c = new Check("Shipments", i, problems);
            c.equal("RunId", e.runId(), a.runId());
            c.equal("shipmentId", e.shipmentId(), a.shipmentId());
            c.equal("createdAt", e.createdAt(), a.createdAt());
            c.equal("transitTime", e.transitTime(), a.transitTime());
            c.equal("declaredValue", e.declaredValue().stripTrailingZeros(), strip(a.declaredValue()));
            c.equal("status", e.status(), a.status());
            c.equal("destination", e.destination(), a.destination());
            c.equal("tags", e.tags(), a.tags());
            // Kusto strings have no null: an absent note reads back as the empty string.
            c.equal(
                    "trackingNote",
                    e.trackingNote().orElse(""),
                    a.trackingNote().orElse(""));
            c.equal("priority", e.priority(), a.priority());
            c.equal("weightKg", e.weightKg(), a.weightKg());
            c.equal("fragile", e.fragile(), a.fragile());
            c.equal("deliveredAt", e.deliveredAt(), a.deliveredAt());
        }
        return compared;
    }

    private int compareLogs(TreeSet<Long> picks, List<String> problems) {
        List<LogEntry> rows = client.query(
                        database,
                        "Logs | where " + anyOf("Timestamp", picks, i -> datetime(data.logTimestamp(i))),
                        LogEntryRowReader.INSTANCE)
                .await();
        int compared = 0;
        for (long i : picks) {
            LogEntry e = data.log(i);
            LogEntry a = only(
                    rows.stream()
                            .filter(r -> e.timestamp().equals(r.timestamp()))
                            .toList(),
                    "Logs",
                    i,
                    problems);
            if (a == null) {
                continue;
            }
            compared++;
            Check c = new Check("Logs", i, problems);
            c.equal("Level", e.level(), a.level());
            c.equal("EventText", e.eventText(), a.eventText());
        }
        return compared;
    }

    /** The one row found for source row {@code index}; null (and a problem) unless exactly one. */
    private static <T> T only(List<T> found, String table, long index, List<String> problems) {
        if (found.size() != 1) {
            problems.add(table + " row " + index + ": the query found " + found.size() + " rows, expected 1");
            return null;
        }
        return found.get(0);
    }

    private static BigDecimal strip(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }

    private static String anyOf(String column, TreeSet<Long> picks, Function<Long, String> literal) {
        return picks.stream().map(i -> column + " == " + literal.apply(i)).collect(Collectors.joining(" or "));
    }

    private record Check(String table, long row, List<String> problems) {
        void equal(String column, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                problems.add(
                        table + " row " + row + " column '" + column + "': expected " + expected + ", got " + actual);
            }
        }
    }

    /** A KQL datetime literal. */
    static String datetime(Instant i) {
        return "datetime(" + i + ")";
    }
}
