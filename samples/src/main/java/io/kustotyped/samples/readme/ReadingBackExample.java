package io.kustotyped.samples.readme;

import io.kustotyped.runtime.KustoClient;
import io.vertx.core.Future;
import java.util.List;

/** The README's typed query examples: rows read back into {@link Event} records by the generated reader. */
public final class ReadingBackExample {

    private ReadingBackExample() {}

    /**
     * The latest errors, as {@code Event} records.
     *
     * @param events the generated ingestor of {@code Events}
     * @return up to 10 events of level {@code Error}, latest first
     */
    public static Future<List<Event>> latestErrors(EventIngestor events) {
        return events.query("| where level == 'Error' | top 10 by Timestamp desc");
    }

    /**
     * Any query whose columns match can be read into {@code Event}: here without {@code payload}, which stays null.
     *
     * @param client the client
     * @return the events of the device, without their payload
     */
    public static Future<List<Event>> withoutPayload(KustoClient client, String deviceId) {
        String kql = "Events | where deviceId == guid(" + deviceId + ") | project Timestamp, deviceId, level";
        return client.query("Telemetry", kql, EventRowReader.INSTANCE);
    }
}
