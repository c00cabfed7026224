package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static io.kustotyped.it.support.Futures.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.dm.AzuriteExtension;
import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.FailedRows;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestMode;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.QueuedBatch;
import io.kustotyped.runtime.QueuedIngestionException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The runtime's queued and managed modes against real Azure Storage (Azurite): blobs and queue messages read back
 * through the storage REST API, status rows written as Kusto's DM writes them, and a bounded managed soak under
 * streaming faults with every row accounted for across the emulator's table and the blobs. The DM commands are
 * answered by {@link AzuriteDm}; the engine (streaming) is the in-process emulator.
 */
class QueuedAzuriteTest {

    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    /** The managed soak's duration; longer: {@code -Dmanaged.soak.seconds=120}. */
    static final long SOAK_SECONDS = Long.getLong("managed.soak.seconds", 8);

    private static KustoClient client(EmulatorFixture f, AzuriteDm dm, Duration timeout) {
        return KustoClient.create(
                f.vertx,
                new KustoClientOptions()
                        .setClusterUrl(f.emulator.uri().toString())
                        .setIngestionEndpoint(dm.url())
                        .setRequestTimeout(timeout));
    }

    /** seq to the number of copies, over every blob the messages name. */
    private static Map<Long, Integer> rowsInBlobs(AzuriteDm dm, List<JsonObject> messages, List<Long> blobSizes)
            throws Exception {
        Map<Long, Integer> copies = new HashMap<>();
        for (JsonObject m : messages) {
            byte[] gz = dm.download(m.getString("BlobPath"));
            blobSizes.add((long) gz.length);
            String text = AzuriteDm.gunzip(gz);
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, m.getLong("RawDataSize"), "RawDataSize");
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    copies.merge(new JsonObject(line).getLong("seq"), 1, Integer::sum);
                }
            }
        }
        return copies;
    }

    @Test
    void everyRowLandsInAzuriteThroughQueued() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> {});
                AzuriteDm dm = new AzuriteDm(f.vertx, azurite.account())) {
            IngestOptions o = new IngestOptions().setMode(IngestMode.QUEUED).setMaxRawBlobBytes(512 * 1024);
            LogEventIngestor ingestor = LogEventIngestor.create(client(f, dm, Duration.ofSeconds(30)), o);
            int n = 40_000;
            long t0 = System.nanoTime();
            IngestResult r = await(ingestor.ingest(
                    LongStream.range(0, n).mapToObj(i -> LogEvent.of(i, 80)).toList()));
            long queuedMillis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(n, r.rowsQueued());
            assertEquals(0, f.emulator.stats().ingestRequests(), "nothing streamed");

            List<JsonObject> messages = dm.takeMessages();
            assertEquals(r.queuedBatches().size(), messages.size());
            List<Long> sizes = new ArrayList<>();
            Map<Long, Integer> copies = rowsInBlobs(dm, messages, sizes);
            assertEquals(n, copies.size(), "every row in a blob");
            assertTrue(copies.values().stream().allMatch(c -> c == 1), "once");
            for (JsonObject m : messages) {
                assertEquals("Test", m.getString("DatabaseName"));
                assertEquals("Logs", m.getString("TableName"));
                JsonObject p = m.getJsonObject("AdditionalProperties");
                assertEquals(AzuriteDm.IDENTITY_TOKEN, p.getString("authorizationContext"));
                assertEquals("multijson", p.getString("format"));
                assertEquals(LogEventKustoSchema.INSTANCE.mappingName(), p.getString("ingestionMappingReference"));
            }
            assertEquals(1, dm.resourceFetches.get(), "resources fetched once for the whole call");
            long raw =
                    r.queuedBatches().stream().mapToLong(QueuedBatch::rawBytes).sum();
            System.out.printf(
                    "QUEUED to Azurite: %d rows in %d blobs (raw %d B, gzip %d B, blob sizes %d..%d B) queued in %d ms%n",
                    n,
                    sizes.size(),
                    raw,
                    sizes.stream().mapToLong(Long::longValue).sum(),
                    sizes.stream().mapToLong(Long::longValue).min().orElse(0),
                    sizes.stream().mapToLong(Long::longValue).max().orElse(0),
                    queuedMillis);
        }
    }

    @Test
    void aFailedStatusRowNamesTheRowsOfItsBatch() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> {});
                AzuriteDm dm = new AzuriteDm(f.vertx, azurite.account())) {
            IngestOptions o = new IngestOptions()
                    .setMode(IngestMode.QUEUED)
                    .setMaxRawBlobBytes(64 * 1024)
                    .setQueuedStatusTimeout(Duration.ofSeconds(30))
                    .setStatusPollInterval(Duration.ofMillis(100));
            LogEventIngestor ingestor = LogEventIngestor.create(client(f, dm, Duration.ofSeconds(30)), o);
            Future<IngestResult> call = ingestor.ingest(
                    LongStream.range(0, 3_000).mapToObj(i -> LogEvent.of(i, 60)).toList());
            // Play the DM: take the messages as they come; the blob holding row 0 fails (a bad mapping), the others
            // succeed.
            int done = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String failedId = null;
            while (!call.isComplete() && System.nanoTime() < deadline) {
                for (JsonObject m : dm.takeMessages()) {
                    String id = m.getString("Id");
                    assertEquals("Pending", dm.status(id).getString("Status"), "the client wrote Pending first");
                    boolean holdsRowZero = AzuriteDm.gunzip(dm.download(m.getString("BlobPath")))
                            .startsWith("{\"seq\":0,");
                    if (holdsRowZero) {
                        failedId = id;
                        dm.setStatus(
                                id,
                                "Failed",
                                "BadRequest_MappingReferenceWasNotFound",
                                "Mapping 'Logs_mapping' not found");
                    } else {
                        dm.setStatus(id, "Succeeded", null, null);
                    }
                    done++;
                }
                Thread.sleep(50);
            }
            IngestException e = assertInstanceOf(IngestException.class, awaitFailure(call));
            IngestResult r = e.result();
            assertEquals(r.queuedBatches().size(), done);
            assertEquals(1, r.failures().size(), r.toString());
            FailedRows failed = r.failures().get(0);
            QueuedIngestionException q = assertInstanceOf(QueuedIngestionException.class, failed.cause());
            assertEquals(failedId, q.sourceId());
            assertEquals("BadRequest_MappingReferenceWasNotFound", q.code().orElseThrow());
            assertEquals(0, failed.ranges().get(0).from());
            assertTrue(e.getMessage().contains("did not land"), e.getMessage());
            assertEquals(3_000 - failed.rowCount(), r.rowsIngested());
        }
    }
}
