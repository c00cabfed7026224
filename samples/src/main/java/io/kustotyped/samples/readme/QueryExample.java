package io.kustotyped.samples.readme;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoResultTable;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The README's untyped query example: a {@link KustoResultTable} read with its typed getters. */
public final class QueryExample {

    private QueryExample() {}

    /**
     * One row of the query's result, as the example reads it.
     *
     * @param timestamp the event's time
     * @param deviceId the device
     * @param payload the dynamic payload
     */
    public record ErrorEvent(Instant timestamp, UUID deviceId, JsonNode payload) {}

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
                        table.getInstant(r, "Timestamp"), // datetime, to 100 ns
                        table.getUuid(r, "deviceId"), // guid
                        table.getDynamic(r, "payload"))); // dynamic, as a Jackson JsonNode
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
        return client.executeQuery("Telemetry", "Events | count").map(table -> table.getLong(0, "Count"));
    }
}
