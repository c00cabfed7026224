package io.kustotyped.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.KustoEmulatorExtension;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's JUnit 5 example: one in-process emulator for the test class. */
public class EventIngestionTest {

    @RegisterExtension
    static KustoEmulatorExtension kusto = KustoEmulatorExtension.create(b -> b.database("Telemetry"));

    @Test
    void eventsLand(KustoEmulator emulator) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            KustoClient client = KustoClient.create(
                    vertx, new KustoClientOptions().setClusterUrl(kusto.uri().toString())); // no token needed
            EventIngestor ingestor = EventIngestor.create(client);
            ingestor.applySchema().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            IngestResult result = ingestor.ingest(List.of(
                            new Event(Instant.now(), UUID.randomUUID(), "Info", Map.of("temperature", 21.5)),
                            new Event(Instant.now(), UUID.randomUUID(), "Error", Map.of())))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            assertEquals(2, result.rowsIngested());
            assertEquals(2, emulator.stats().rowsCommitted("Telemetry", "Events"));
        } finally {
            vertx.close();
        }
    }
}
