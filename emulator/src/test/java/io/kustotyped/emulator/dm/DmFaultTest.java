package io.kustotyped.emulator.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.fault.DmFaultOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault injection on the DM side: throttled resource calls, failed blob reads, messages that fail to ingest. */
class DmFaultTest {
    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    private static KustoEmulator emulator(DmFaultOptions faults) throws Exception {
        KustoEmulator emu = KustoEmulator.builder()
                .database("D")
                .queuedIngestion(QueuedIngestionOptions.builder()
                        .storage(azurite.account())
                        .faults(faults)
                        .build())
                .start();
        if (faults.throttleResourceCalls() == 0) {
            QueuedTestClient.mgmt(emu.uri(), "D", ".create table T (Line:string)");
        }
        return emu;
    }

    @Test
    void throttledResourceCallsAnswer429AsKustoDoes() throws Exception {
        try (KustoEmulator emu = emulator(new DmFaultOptions(7, 1.0, 0, 0))) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(emu.uri() + "/v1/rest/mgmt"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"db\":\"NetDefaultDb\",\"csl\":\".get ingestion resources\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(429, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"@permanent\":false"), r.body());
            assertEquals(1, emu.queuedIngestionStats().faultsInjected());
        }
    }

    @Test
    void failedBlobReadsAreRetriedThenReportedExhausted() throws Exception {
        try (KustoEmulator emu = emulator(new DmFaultOptions(7, 0, 1.0, 0))) {
            QueuedTestClient client = new QueuedTestClient(emu.ingestionResources(), emu.kustoIdentityToken());
            String id = client.ingest("D", "T", "D__T__x.txt", "x".getBytes(), Map.of("format", "txt"));
            JsonNode failure = client.awaitReport("FailedIngestionsQueue", id, Duration.ofSeconds(30));
            assertNotNull(failure);
            assertEquals("Exhausted", failure.path("FailureStatus").asText());
            assertTrue(failure.path("Details").asText().contains("fault injection"), failure.toString());
            assertEquals(
                    QueuedIngestionOptions.BLOB_READ_ATTEMPTS,
                    emu.queuedIngestionStats().blobReadFailures());
            assertEquals(0, emu.rows("D", "T").size());
        }
    }

    @Test
    void aFailedIngestionIsReportedAndCommitsNothing() throws Exception {
        try (KustoEmulator emu = emulator(new DmFaultOptions(7, 0, 0, 1.0))) {
            QueuedTestClient client = new QueuedTestClient(emu.ingestionResources(), emu.kustoIdentityToken());
            String id = client.ingest("D", "T", "D__T__y.txt", "y".getBytes(), Map.of("format", "txt"));
            JsonNode failure = client.awaitReport("FailedIngestionsQueue", id, Duration.ofSeconds(30));
            assertNotNull(failure);
            assertEquals("Transient", failure.path("FailureStatus").asText());
            assertEquals(0, emu.rows("D", "T").size());
            assertEquals(1, emu.queuedIngestionStats().failures());
        }
    }

    @Test
    void dmFaultSpecsNameWhatIsWrong() {
        assertEquals(0.25, DmFaultOptions.NONE.with("blob:0.25").blobReadFailures());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DmFaultOptions.NONE.with("disk:0.1"))
                .getMessage()
                .contains("use resources, blob or ingest"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DmFaultOptions.NONE.with("blob:2"))
                .getMessage()
                .contains("[0, 1]"));
    }
}
