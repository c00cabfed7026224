package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.KustoEmulatorExtension;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoResultTable;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's JUnit 5 example, in a project set up as the README says. */
class EventIngestionTest {

    @RegisterExtension
    static KustoEmulatorExtension kusto = KustoEmulatorExtension.create(b -> b.database("Telemetry"));

    @Test
    void mainsIngestionLandsAndReadsBack(KustoEmulator emulator) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<Event> events = List.of(
                    new Event(Instant.parse("2024-05-01T12:00:00Z"), UUID.randomUUID(), "Info", Map.of("t", 21.5)),
                    new Event(Instant.parse("2024-05-01T12:00:01Z"), UUID.randomUUID(), "Error", Map.of()));
            IngestResult result = Main.ingestEvents(vertx, kusto.uri().toString(), events)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertEquals(2, result.rowsIngested());
            assertEquals(2, emulator.stats().rowsCommitted("Telemetry", "Events"));

            KustoClient client = KustoClient.create(
                    vertx, new KustoClientOptions().setClusterUrl(kusto.uri().toString())); // no token needed
            KustoResultTable rows = client.executeQuery("Telemetry", "Events | where level == 'Error' | count")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertEquals(1L, rows.getLong(0, "Count"));
        } finally {
            vertx.close();
        }
    }
}
