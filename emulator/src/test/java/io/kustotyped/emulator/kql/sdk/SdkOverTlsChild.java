package io.kustotyped.emulator.kql.sdk;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of {@link SdkOverTlsTest}: Microsoft's client, configured only through the connection string and
 * the JVM's {@code javax.net.ssl.trustStore} properties (it has no trust option of its own), creates a table, a
 * mapping and the streaming policy, ingests three rows with {@code StreamingIngestClient} and prints
 * {@code count=<n>} from a query. Any failure is printed with its stack trace and exits 1.
 */
final class SdkOverTlsChild {
    private SdkOverTlsChild() {}

    /**
     * @param args the emulator's HTTPS cluster URL
     */
    public static void main(String[] args) {
        try {
            ConnectionStringBuilder csb = new ConnectionStringBuilder("Data Source=" + args[0]);
            Client client = ClientFactory.createClient(csb);
            client.executeMgmt("Test", ".create table TlsEvents (Id:long, Name:string)");
            client.executeMgmt(
                    "Test",
                    ".create table TlsEvents ingestion json mapping \"TlsMapping\" '["
                            + "{\"column\":\"Id\",\"Properties\":{\"Path\":\"$.id\"}},"
                            + "{\"column\":\"Name\",\"Properties\":{\"Path\":\"$.name\"}}]'");
            client.executeMgmt("Test", ".alter database Test policy streamingingestion enable");
            IngestionProperties props = new IngestionProperties("Test", "TlsEvents");
            props.setDataFormat(IngestionProperties.DataFormat.JSON);
            props.setIngestionMapping("TlsMapping", IngestionMapping.IngestionMappingKind.JSON);
            String data = "{\"id\":1,\"name\":\"one\"}\n{\"id\":2,\"name\":\"two\"}\n{\"id\":3,\"name\":\"three\"}\n";
            try (StreamingIngestClient ingest = IngestClientFactory.createStreamingIngestClient(csb)) {
                ingest.ingestFromStream(
                        new StreamSourceInfo(new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8))), props);
            }
            KustoResultSetTable count =
                    client.executeQuery("Test", "TlsEvents | count").getPrimaryResults();
            count.next();
            System.out.println("count=" + count.getLong("Count"));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
