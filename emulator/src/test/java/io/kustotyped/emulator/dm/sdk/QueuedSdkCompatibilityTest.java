package io.kustotyped.emulator.dm.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.ManagedStreamingIngestClient;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.result.OperationStatus;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.dm.AzuriteExtension;
import io.kustotyped.emulator.fault.FaultKind;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Microsoft's kusto-ingest 7.0.6 {@code QueuedIngestClient} and {@code ManagedStreamingIngestClient}, unchanged,
 * against the emulator plus Azurite on loopback: the clients fetch {@code .show ingestion resources} and
 * {@code .get kusto identity token} from the emulator (on loopback the DM and engine URL are the same), upload the
 * blob and post the message to Azurite through the SAS URLs the emulator advertised, and read the status table row
 * the emulator wrote.
 */
class QueuedSdkCompatibilityTest {
    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    private static KustoEmulator emulator;
    private static Client client;
    private static QueuedIngestClient queued;

    @BeforeAll
    static void start() throws Exception {
        emulator = KustoEmulator.builder()
                .database("Test")
                .queuedStorage(azurite.account())
                .start();
        ConnectionStringBuilder csb = new ConnectionStringBuilder("Data Source=" + localhost(emulator));
        client = ClientFactory.createClient(csb);
        queued = IngestClientFactory.createClient(csb);
        client.executeMgmt("Test", ".create table Sdk (Id:long, Name:string)");
        client.executeMgmt(
                "Test",
                ".create table Sdk ingestion json mapping 'SdkMapping' '[{\"column\":\"Id\",\"Properties\":"
                        + "{\"Path\":\"$.id\"}},{\"column\":\"Name\",\"Properties\":{\"Path\":\"$.name\"}}]'");
    }

    @AfterAll
    static void stop() throws Exception {
        if (queued != null) {
            queued.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /**
     * The cluster URL as {@code http://localhost:<port>}: kusto-ingest 7.0.6 derives the DM URL by adding
     * {@code ingest-} to the host unless the authority contains {@code localhost} or is an IPv4 address, and it tests
     * the authority with its port, so {@code 127.0.0.1:<port>} becomes {@code ingest-127.0.0.1:<port>}
     * ({@code IngestClientBase.isReservedHostname}).
     */
    static String localhost(KustoEmulator emulator) {
        return "http://localhost:" + emulator.port();
    }

    private static long count(String where) throws Exception {
        KustoResultSetTable t =
                client.executeQuery("Test", "Sdk | where " + where + " | count").getPrimaryResults();
        assertTrue(t.next());
        return t.getLong(0);
    }

    static List<IngestionStatus> awaitFinal(IngestionResult result) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<IngestionStatus> statuses = result.getIngestionStatusCollection();
            if (statuses.stream().noneMatch(s -> s.status == OperationStatus.Pending) || System.nanoTime() > deadline) {
                return statuses;
            }
            Thread.sleep(100);
        }
    }

    private static IngestionProperties tableReporting(IngestionProperties p) {
        p.setReportLevel(IngestionProperties.IngestionReportLevel.FAILURES_AND_SUCCESSES);
        p.setReportMethod(IngestionProperties.IngestionReportMethod.TABLE);
        return p;
    }

    @Test
    void queuedIngestClientRowsLandAndTheStatusTableSaysSucceeded() throws Exception {
        IngestionProperties p = tableReporting(new IngestionProperties("Test", "Sdk"));
        p.setDataFormat(IngestionProperties.DataFormat.CSV);
        String csv = "1,queued-csv\n2,queued-csv\n3,queued-csv\n";
        IngestionResult result = queued.ingestFromStream(
                new StreamSourceInfo(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))), p);
        List<IngestionStatus> statuses = awaitFinal(result);
        assertEquals(1, statuses.size());
        IngestionStatus s = statuses.get(0);
        assertEquals(OperationStatus.Succeeded, s.status, () -> s.getErrorCode() + " " + s.getDetails());
        assertEquals("Test", s.getDatabase());
        assertEquals("Sdk", s.getTable());
        assertTrue(s.getIngestionSourcePath().contains("/ingestion-temp/"), s.getIngestionSourcePath());
        assertEquals(3, count("Name == 'queued-csv'"));
    }

    @Test
    void queuedJsonThroughAMappingReferenceLands() throws Exception {
        IngestionProperties p = tableReporting(new IngestionProperties("Test", "Sdk"));
        p.setDataFormat(IngestionProperties.DataFormat.MULTIJSON);
        p.setIngestionMapping("SdkMapping", IngestionMapping.IngestionMappingKind.JSON);
        String json = "[{\"id\":10,\"name\":\"queued-json\"},{\"id\":11,\"name\":\"queued-json\"}]";
        IngestionResult result = queued.ingestFromStream(
                new StreamSourceInfo(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))), p);
        IngestionStatus s = awaitFinal(result).get(0);
        assertEquals(OperationStatus.Succeeded, s.status, () -> s.getErrorCode() + " " + s.getDetails());
        assertEquals(2, count("Name == 'queued-json'"));
    }

    @Test
    void aMissingMappingIsAFailedStatusWithKustosErrorCode() throws Exception {
        IngestionProperties p = tableReporting(new IngestionProperties("Test", "Sdk"));
        p.setDataFormat(IngestionProperties.DataFormat.MULTIJSON);
        p.setIngestionMapping("NoSuchMapping", IngestionMapping.IngestionMappingKind.JSON);
        IngestionResult result = queued.ingestFromStream(
                new StreamSourceInfo(
                        new ByteArrayInputStream("[{\"id\":20,\"name\":\"never\"}]".getBytes(StandardCharsets.UTF_8))),
                p);
        IngestionStatus s = awaitFinal(result).get(0);
        assertEquals(OperationStatus.Failed, s.status);
        assertEquals("BadRequest_MappingReferenceWasNotFound", s.getErrorCode());
        assertEquals("Permanent", s.getFailureStatus());
        assertTrue(s.getDetails().contains("NoSuchMapping"), s.getDetails());
        assertEquals(0, count("Name == 'never'"));
    }

    @Test
    void managedStreamingFallsBackToQueuedWhenStreamingIsThrottled() throws Exception {
        try (KustoEmulator throttled = KustoEmulator.builder()
                        .database("Managed")
                        .enableStreaming()
                        .faults(FaultOptions.builder()
                                .fault(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 1.0)
                                .build())
                        .queuedStorage() // an Azurite of its own: emulators sharing queues would take each other's
                        // messages
                        .start();
                ManagedStreamingIngestClient managed = IngestClientFactory.createManagedStreamingIngestClient(
                        new ConnectionStringBuilder("Data Source=" + localhost(throttled)))) {
            Client c = ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + localhost(throttled)));
            c.executeMgmt("Managed", ".create table M (Id:long, Name:string)");
            IngestionProperties p = tableReporting(new IngestionProperties("Managed", "M"));
            p.setDataFormat(IngestionProperties.DataFormat.CSV);
            IngestionResult result = managed.ingestFromStream(
                    new StreamSourceInfo(new ByteArrayInputStream("1,a\n2,b\n".getBytes(StandardCharsets.UTF_8))), p);
            IngestionStatus s = awaitFinal(result).get(0);
            assertEquals(OperationStatus.Succeeded, s.status, () -> s.getErrorCode() + " " + s.getDetails());
            KustoResultSetTable t = c.executeQuery("Managed", "M | count").getPrimaryResults();
            assertTrue(t.next());
            assertEquals(2, t.getLong(0));
            // every streaming attempt was throttled: the rows came through the queue
            assertEquals(2, throttled.queuedIngestionStats().rows());
            assertTrue(throttled.stats().faultsInjected().values().stream()
                            .mapToLong(Long::longValue)
                            .sum()
                    >= 3);
        }
    }
}
