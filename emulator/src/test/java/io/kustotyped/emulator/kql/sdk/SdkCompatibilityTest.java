package io.kustotyped.emulator.kql.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.DataWebException;
import com.microsoft.azure.kusto.data.exceptions.OneApiError;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionServiceException;
import com.microsoft.azure.kusto.ingest.result.OperationStatus;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import io.kustotyped.emulator.KustoEmulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's own Java client (kusto-data / kusto-ingest 7.0.6), unchanged, against the emulator over real HTTP on
 * 127.0.0.1 without a token: management commands, v2 queries, and {@code StreamingIngestClient} ingestion with the
 * rows queried back.
 */
class SdkCompatibilityTest {
    private static KustoEmulator emulator;
    private static Client client;
    private static StreamingIngestClient ingest;

    @BeforeAll
    static void start() throws Exception {
        emulator = KustoEmulator.builder().port(0).database("Test").start();
        // No credentials: the SDK sends no Authorization header, which is what lets it use plain http
        // (docs/performance.md §3.3). It fetches /v1/rest/auth/metadata from the emulator first.
        ConnectionStringBuilder csb = new ConnectionStringBuilder(
                "Data Source=" + emulator.uri().toString().replaceAll("/$", ""));
        client = ClientFactory.createClient(csb);
        ingest = IngestClientFactory.createStreamingIngestClient(csb);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static KustoResultSetTable mgmt(String command) throws Exception {
        KustoOperationResult result = client.executeMgmt("Test", command);
        return result.getPrimaryResults();
    }

    private static OneApiError apiError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataWebException w && w.getApiError() != null) {
                return w.getApiError();
            }
        }
        throw new AssertionError("no OneApi error in the cause chain of " + e, e);
    }

    @Test
    void managementCommandsThroughTheSdk() throws Exception {
        KustoResultSetTable created =
                mgmt(".create-merge table ['Sdk Mgmt'] (Id:long, Name:string)" + " with (folder='sdk')");
        assertTrue(created.next());
        assertEquals("Sdk Mgmt", created.getString("TableName"));
        assertEquals("sdk", created.getString("Folder"));
        KustoResultSetTable tables = mgmt(".show tables");
        List<String> names = new ArrayList<>();
        while (tables.next()) {
            names.add(tables.getString("TableName"));
        }
        assertTrue(names.contains("Sdk Mgmt"), names.toString());
        KustoResultSetTable schema = mgmt(".show table ['Sdk Mgmt'] cslschema");
        assertTrue(schema.next());
        assertEquals("Id:long,Name:string", schema.getString("Schema"));
        KustoResultSetTable policy = mgmt(".alter table ['Sdk Mgmt'] policy streamingingestion enable");
        assertTrue(policy.next());
        assertEquals("{\"IsEnabled\":true,\"HintAllocatedRate\":null}", policy.getString("Policy"));
        KustoResultSetTable cache = mgmt(".clear database cache streamingingestion schema");
        assertTrue(cache.next());
        assertEquals("Succeeded", cache.getString("Status"));
    }

    @Test
    void errorsReachTheSdkWithTheirCodeAndPermanence() {
        DataServiceException e = assertThrows(DataServiceException.class, () -> mgmt(".show cluster"));
        OneApiError error = apiError(e);
        assertEquals("BadRequest_SyntaxError", error.getCode());
        assertTrue(error.isPermanent());
        assertTrue(error.getDescription().contains(".show tables"), error.getDescription());

        e = assertThrows(DataServiceException.class, () -> client.executeQuery("Test", "NoSuchTable | count"));
        assertEquals("General_BadRequest", apiError(e).getCode());
        e = assertThrows(DataServiceException.class, () -> client.executeQuery("NoSuchDb", "T | count"));
        assertEquals("BadRequest_DatabaseNotExist", apiError(e).getCode());
    }

    @Test
    void streamingIngestClientRowsAreQueryable() throws Exception {
        mgmt(".create table Events (Id:long, Name:string, At:datetime, Tags:dynamic)");
        mgmt(".create table Events ingestion json mapping \"EventsMapping\" '["
                + "{\"column\":\"Id\",\"Properties\":{\"Path\":\"$.id\"}},"
                + "{\"column\":\"Name\",\"Properties\":{\"Path\":\"$.name\"}},"
                + "{\"column\":\"At\",\"Properties\":{\"Path\":\"$.at\"}},"
                + "{\"column\":\"Tags\",\"Properties\":{\"Path\":\"$.tags\"}}]'");
        IngestionProperties props = new IngestionProperties("Test", "Events");
        props.setDataFormat(IngestionProperties.DataFormat.JSON);
        props.setIngestionMapping("EventsMapping", IngestionMapping.IngestionMappingKind.JSON);
        String data = "{\"id\":1,\"name\":\"one\",\"at\":\"2024-05-01T10:00:00.5Z\",\"tags\":[\"a\"]}\n"
                + "{\"id\":2,\"name\":\"two\",\"at\":\"2024-05-02T10:00:00Z\",\"tags\":{\"k\":2}}\n"
                + "{\"id\":3,\"at\":\"2024-05-03\"}\n";

        // Streaming is off until a policy enables it (docs/kusto-rules.md §1.6): the SDK gets the permanent error.
        IngestionServiceException refused = assertThrows(
                IngestionServiceException.class,
                () -> ingest.ingestFromStream(new StreamSourceInfo(stream(data)), props));
        assertEquals(
                "BadRequest_StreamingIngestionPolicyNotEnabled",
                apiError(refused).getCode());

        mgmt(".alter database Test policy streamingingestion enable");
        assertEquals(
                OperationStatus.Succeeded,
                ingest.ingestFromStream(new StreamSourceInfo(stream(data)), props)
                        .getIngestionStatusCollection()
                        .get(0)
                        .status);

        KustoResultSetTable count =
                client.executeQuery("Test", "Events | count").getPrimaryResults();
        assertTrue(count.next());
        assertEquals(3, count.getLong("Count"));

        KustoResultSetTable rows = client.executeQuery(
                        "Test",
                        "Events | where At >= datetime(2024-05-02) | order by Id asc | project Id, Name, At, Tags")
                .getPrimaryResults();
        assertTrue(rows.next());
        assertEquals(2, rows.getLong("Id"));
        assertEquals("two", rows.getString("Name"));
        assertEquals(LocalDateTime.parse("2024-05-02T10:00:00"), rows.getKustoDateTime("At"));
        assertEquals(2, rows.getJSONObject("Tags").get("k").asInt());
        assertTrue(rows.next());
        assertEquals(3, rows.getLong("Id"));
        assertEquals("", rows.getString("Name"));
        assertEquals(false, rows.next());

        KustoResultSetTable byName = client.executeQuery(
                        "Test", "Events | where isempty(Name) | summarize count() by Name")
                .getPrimaryResults();
        assertTrue(byName.next());
        assertEquals(1, byName.getLong("count_"));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
