package io.kustotyped.samples;

import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoResultTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Proves the rows landed: counts this run's rows in each table with a query, then reads 8 rows per table back (see
 * {@link #sampleIndexes}) and compares every column with the row the generator makes for the same index. It does
 * not read every row back.
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
    private final Function<Future<KustoResultTable>, KustoResultTable> await;

    QueryBack(
            KustoClient client,
            String database,
            SampleData data,
            Function<Future<KustoResultTable>, KustoResultTable> await) {
        this.client = client;
        this.database = database;
        this.data = data;
        this.await = await;
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
        KustoResultTable t = await.apply(client.executeQuery(database, query));
        return ((Number) t.value(0, "Count")).longValue();
    }

    /** Reads the picked rows with one query and compares each with the row the generator makes. */
    private int compareShipments(TreeSet<Long> picks, List<String> problems) {
        KustoResultTable t = await.apply(client.executeQuery(
                database,
                "Shipments | where RunId == guid(" + data.runId() + ") and ("
                        + anyOf("sequence", picks, Object::toString) + ")"));
        int compared = 0;
        for (long i : picks) {
            int row = find(t, "Shipments", "sequence", i, problems);
            if (row < 0) {
                continue;
            }
            compared++;
            Shipment e = data.shipment(i);
            Check c = new Check("Shipments", i, problems);
            c.equal("RunId", e.runId().toString(), t.string(row, "RunId"));
            c.equal("sequence", e.sequence(), number(t, row, "sequence", Number::longValue));
            c.equal("shipmentId", e.shipmentId().toString(), t.string(row, "shipmentId"));
            c.equal("createdAt", e.createdAt(), instant(t.string(row, "createdAt")));
            c.equal("transitTime", e.transitTime(), timespan(t.string(row, "transitTime")));
            String value = t.string(row, "declaredValue");
            c.equal(
                    "declaredValue",
                    e.declaredValue().stripTrailingZeros(),
                    value == null ? null : new BigDecimal(value).stripTrailingZeros());
            c.equal("status", e.status().name(), t.string(row, "status"));
            c.equal(
                    "destination",
                    new JsonObject()
                            .put("city", e.destination().city())
                            .put("country", e.destination().country())
                            .put("postalCode", e.destination().postalCode()),
                    json(t.value(row, "destination")));
            c.equal("tags", new JsonArray(new ArrayList<>(e.tags())), json(t.value(row, "tags")));
            c.equal("trackingNote", e.trackingNote().orElse(""), t.string(row, "trackingNote"));
            c.equal(
                    "priority",
                    e.priority().isPresent() ? (Long) (long) e.priority().getAsInt() : null,
                    number(t, row, "priority", Number::longValue));
            c.equal("weightKg", e.weightKg(), number(t, row, "weightKg", Number::doubleValue));
            c.equal("fragile", e.fragile(), t.value(row, "fragile"));
            c.equal("deliveredAt", Instant.ofEpochMilli(e.deliveredAt()), instant(t.string(row, "deliveredAt")));
        }
        return compared;
    }

    private int compareLogs(TreeSet<Long> picks, List<String> problems) {
        KustoResultTable t = await.apply(client.executeQuery(
                database, "Logs | where " + anyOf("Timestamp", picks, i -> datetime(data.logTimestamp(i)))));
        int compared = 0;
        for (long i : picks) {
            LogEntry e = data.log(i);
            int row = -1;
            int matches = 0;
            for (int r = 0; r < t.rowCount(); r++) {
                if (e.timestamp().equals(instant(t.string(r, "Timestamp")))) {
                    row = r;
                    matches++;
                }
            }
            if (matches != 1) {
                problems.add("Logs row " + i + ": the query found " + matches + " rows, expected 1");
                continue;
            }
            compared++;
            Check c = new Check("Logs", i, problems);
            c.equal("Level", e.level(), t.string(row, "Level"));
            c.equal("EventText", e.eventText(), t.string(row, "EventText"));
        }
        return compared;
    }

    private static String anyOf(String column, TreeSet<Long> picks, Function<Long, String> literal) {
        return picks.stream().map(i -> column + " == " + literal.apply(i)).collect(Collectors.joining(" or "));
    }

    /** The result row whose {@code column} is {@code value}; -1 (and a problem) unless exactly one. */
    private static int find(KustoResultTable t, String table, String column, long value, List<String> problems) {
        int row = -1;
        int matches = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            Object v = t.value(r, column);
            if (v instanceof Number n && n.longValue() == value) {
                row = r;
                matches++;
            }
        }
        if (matches != 1) {
            problems.add(table + " row " + value + ": the query found " + matches + " rows, expected 1");
            return -1;
        }
        return row;
    }

    private record Check(String table, long row, List<String> problems) {
        void equal(String column, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                problems.add(
                        table + " row " + row + " column '" + column + "': expected " + expected + ", got " + actual);
            }
        }
    }

    private static <N> N number(KustoResultTable t, int row, String column, Function<Number, N> as) {
        Object v = t.value(row, column);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? as.apply(n) : as.apply(Double.valueOf(v.toString()));
    }

    private static Object json(Object v) {
        if (v instanceof String s) {
            return s.trim().startsWith("[") ? new JsonArray(s) : new JsonObject(s);
        }
        return v;
    }

    private static Instant instant(String s) {
        return s == null || s.isEmpty() ? null : Instant.parse(s);
    }

    /** A KQL datetime literal. */
    static String datetime(Instant i) {
        return "datetime(" + i + ")";
    }

    /** Parses Kusto's timespan text, {@code [-][d.]hh:mm:ss[.fffffff]} (docs/kusto-rules.md §4.2). */
    static Duration timespan(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        boolean negative = s.startsWith("-");
        String rest = negative ? s.substring(1) : s;
        long days = 0;
        int colon = rest.indexOf(':');
        int dot = rest.indexOf('.');
        if (dot >= 0 && dot < colon) {
            days = Long.parseLong(rest.substring(0, dot));
            rest = rest.substring(dot + 1);
        }
        String[] hms = rest.split(":");
        String[] secFrac = hms[2].split("\\.");
        long nanos = 0;
        if (secFrac.length == 2) {
            String frac = (secFrac[1] + "000000000").substring(0, 9);
            nanos = Long.parseLong(frac);
        }
        Duration d = Duration.ofDays(days)
                .plusHours(Long.parseLong(hms[0]))
                .plusMinutes(Long.parseLong(hms[1]))
                .plusSeconds(Long.parseLong(secFrac[0]))
                .plusNanos(nanos);
        return negative ? d.negated() : d;
    }
}
