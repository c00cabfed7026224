package io.kustotyped.emulator.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The batching delay: a queued blob stays pending for the delay, then lands; without a delay it lands at once. The
 * measured times are printed (they are observations, not assertions beyond the delay itself).
 */
class BatchingDelayTest {
    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    private static long landingMillis(Duration delay, String marker) throws Exception {
        // one emulator at a time on the class's Azurite: no other consumer takes its messages
        try (KustoEmulator emu = KustoEmulator.builder()
                .database("D")
                .queuedIngestion(QueuedIngestionOptions.builder()
                        .storage(azurite.account())
                        .batchingDelay(delay)
                        .build())
                .start()) {
            QueuedTestClient.mgmt(emu.uri(), "D", ".create table T (Line:string)");
            QueuedTestClient client = new QueuedTestClient(emu.ingestionResources(), emu.kustoIdentityToken());
            String url = client.upload("D__T__" + marker + ".txt", marker.getBytes());
            String id = java.util.UUID.randomUUID().toString();
            long start = System.nanoTime();
            client.post(client.message(id, url, "D", "T", Map.of("format", "txt")));
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis() / 2);
                assertEquals(0, emu.rows("D", "T").size(), "pending during the delay");
            }
            assertNotNull(client.awaitReport("SuccessfulIngestionsQueue", id, delay.plusSeconds(30)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1, emu.rows("D", "T").size());
            return millis;
        }
    }

    @Test
    void aQueuedBlobStaysPendingForTheDelayThenLands() throws Exception {
        long immediate = landingMillis(Duration.ZERO, "now");
        long delayed = landingMillis(Duration.ofSeconds(3), "later");
        System.out.println("queued blob landed after " + immediate + " ms without a batching delay, " + delayed
                + " ms with a 3 s delay");
        assertTrue(delayed >= 3000, "landed after " + delayed + " ms, before the 3 s delay");
        assertTrue(immediate < 3000, "landed after " + immediate + " ms without a delay");
    }
}
