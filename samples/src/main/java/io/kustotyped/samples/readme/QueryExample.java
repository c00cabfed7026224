package io.kustotyped.samples.readme;

import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoResultTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The README's query example: rows come back as a {@link KustoResultTable} of plain values. */
public final class QueryExample {

    private QueryExample() {}

    /** One row of the query's result, as the example reads it. */
    public record ErrorEvent(Instant timestamp, UUID deviceId, JsonObject payload) {}

    /**
     * Reads the latest error events.
     *
     * @param client the client
     * @return up to 100 events of level {@code Error}
     */
    public static Future<List<ErrorEvent>> latestErrors(KustoClient client) {
        String query =
                "Events | where level == 'Error' | top 100 by Timestamp desc | project Timestamp, deviceId, payload";
        return client.executeQuery("Telemetry", query).map(table -> {
            List<ErrorEvent> events = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                events.add(new ErrorEvent(
                        Instant.parse(table.string(r, "Timestamp")), // datetime: ISO 8601 text
                        UUID.fromString(table.string(r, "deviceId")), // guid: text
                        (JsonObject) table.value(r, "payload"))); // dynamic: Vert.x JsonObject / JsonArray
            }
            return events;
        });
    }

    /**
     * Counts the rows of a table.
     *
     * @param client the client
     * @return the count
     */
    public static Future<Long> countEvents(KustoClient client) {
        return client.executeQuery("Telemetry", "Events | count")
                .map(table -> ((Number) table.value(0, "Count")).longValue()); // long: Integer or Long
    }
}
