package io.kustotyped.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.KustoEmulatorExtension;
import io.kustotyped.runtime.BlockingIngestor;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's JUnit 5 example: one in-process emulator for the test class. */
public class EventIngestionTest {

    @RegisterExtension
    static KustoEmulatorExtension kusto = KustoEmulatorExtension.create(b -> b.database("Telemetry"));

    @Test
    void eventsLand(KustoEmulator emulator) {
        KustoClient client = KustoClient.create(
                new KustoClientOptions().setClusterUrl(kusto.uri().toString())); // no token needed, no Vertx
        try {
            BlockingIngestor<Event> events = EventIngestor.create(client).blocking();
            events.applySchema();

            Event info = new Event(Instant.parse("2026-01-01T10:00:00Z"), UUID.randomUUID(), "Info", Map.of("t", 21.5));
            Event error = new Event(Instant.parse("2026-01-01T10:00:01Z"), UUID.randomUUID(), "Error", Map.of());
            IngestResult result = events.ingest(List.of(info, error));

            assertEquals(2, result.rowsIngested());
            assertEquals(2, emulator.stats().rowsCommitted("Telemetry", "Events"));
            assertEquals(List.of(error), events.query("| where level == 'Error'"));
        } finally {
            client.close();
        }
    }
}
