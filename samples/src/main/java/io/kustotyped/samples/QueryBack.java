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

/**
 * Proves the rows landed: counts this run's rows in each table with a query, then reads a few rows back and
 * compares them, column by column, with the rows the generator makes for the same index.
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

    QueryBack(KustoClient client, String database, SampleData data,
            Function<Future<KustoResultTable>, KustoResultTable> await) {
        this.client = client;
        this.database = database;
        this.data = data;
        this.await = await;
    }

    Outcome run(long rows) {
        List<String> problems = new ArrayList<>();
        long shipments = count("Shipments | where RunId == guid(" + data.runId() + ") | count");
        if (shipments != rows) {
            problems.add("Shipments holds " + shipments + " rows of this run, expected " + rows);
        }
        long logs = count("Logs | where Timestamp >= " + datetime(data.logTimestamp(0)) + " and Timestamp <= "
                + datetime(data.logTimestamp(rows - 1)) + " | count");
        if (logs != rows) {
            problems.add("Logs holds " + logs + " rows in this run's time range, expected " + rows);
        }
        int compared = 0;
        for (long i : sampleIndexes(rows)) {
            compareShipment(i, problems);
            compareLog(i, problems);
            compared += 2;
        }
        return new Outcome(shipments, logs, compared, problems);
    }

    /** The first, second, middle and last rows, and four more picked at random. */
    static TreeSet<Long> sampleIndexes(long rows) {
        TreeSet<Long> picks = new TreeSet<>();
        picks.add(0L);
        picks.add(Math.min(1, rows - 1));
        picks.add(rows / 2);
        picks.add(rows - 1);
        SplittableRandom r = new SplittableRandom();
        for (int k = 0; k < 4; k++) {
            picks.add(r.nextLong(rows));
        }
        return picks;
    }

    private long count(String query) {
        KustoResultTable t = await.apply(client.executeQuery(database, query));
        return ((Number) t.value(0, "Count")).longValue();
    }

    private void compareShipment(long i, List<String> problems) {
        KustoResultTable t = await.apply(client.executeQuery(database,
                "Shipments | where RunId == guid(" + data.runId() + ") and sequence == " + i));
        if (t.rowCount() != 1) {
            problems.add("Shipments row " + i + ": the query found " + t.rowCount() + " rows, expected 1");
            return;
        }
        Shipment e = data.shipment(i);
        Check c = new Check("Shipments", i, problems);
        c.equal("RunId", e.runId().toString(), t.string(0, "RunId"));
        c.equal("sequence", e.sequence(), number(t, "sequence", Number::longValue));
        c.equal("shipmentId", e.shipmentId().toString(), t.string(0, "shipmentId"));
        c.equal("createdAt", e.createdAt(), instant(t.string(0, "createdAt")));
        c.equal("transitTime", e.transitTime(), timespan(t.string(0, "transitTime")));
        String value = t.string(0, "declaredValue");
        c.equal("declaredValue", e.declaredValue().stripTrailingZeros(),
                value == null ? null : new BigDecimal(value).stripTrailingZeros());
        c.equal("status", e.status().name(), t.string(0, "status"));
        c.equal("destination", new JsonObject().put("city", e.destination().city())
                .put("country", e.destination().country()).put("postalCode", e.destination().postalCode()),
                json(t.value(0, "destination")));
        c.equal("tags", new JsonArray(new ArrayList<>(e.tags())), json(t.value(0, "tags")));
        c.equal("trackingNote", e.trackingNote().orElse(""), t.string(0, "trackingNote"));
        c.equal("priority", e.priority().isPresent() ? (Long) (long) e.priority().getAsInt() : null,
                number(t, "priority", Number::longValue));
        c.equal("weightKg", e.weightKg(), number(t, "weightKg", Number::doubleValue));
        c.equal("fragile", e.fragile(), t.value(0, "fragile"));
        c.equal("deliveredAt", Instant.ofEpochMilli(e.deliveredAt()), instant(t.string(0, "deliveredAt")));
    }

    private void compareLog(long i, List<String> problems) {
        KustoResultTable t = await.apply(client.executeQuery(database,
                "Logs | where Timestamp == " + datetime(data.logTimestamp(i))));
        if (t.rowCount() != 1) {
            problems.add("Logs row " + i + ": the query found " + t.rowCount() + " rows, expected 1");
            return;
        }
        LogEntry e = data.log(i);
        Check c = new Check("Logs", i, problems);
        c.equal("Timestamp", e.timestamp(), instant(t.string(0, "Timestamp")));
        c.equal("Level", e.level(), t.string(0, "Level"));
        c.equal("EventText", e.eventText(), t.string(0, "EventText"));
    }

    private record Check(String table, long row, List<String> problems) {
        void equal(String column, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                problems.add(table + " row " + row + " column '" + column + "': expected " + expected + ", got "
                        + actual);
            }
        }
    }

    private static <N> N number(KustoResultTable t, String column, Function<Number, N> as) {
        Object v = t.value(0, column);
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

    /** Parses Kusto's timespan text, {@code [-][d.]hh:mm:ss[.fffffff]} (kusto-facts §4.2). */
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
        Duration d = Duration.ofDays(days).plusHours(Long.parseLong(hms[0])).plusMinutes(Long.parseLong(hms[1]))
                .plusSeconds(Long.parseLong(secFrac[0])).plusNanos(nanos);
        return negative ? d.negated() : d;
    }
}
