package io.kustotyped.samples.readme;

import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.auth.ClusterTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** The README's ingestion example. */
public final class IngestExample {

    private IngestExample() {}

    /**
     * Connects, creates the table, its mapping and its streaming policy, and ingests the events.
     *
     * @param vertx the Vert.x instance
     * @param clusterUrl the cluster's engine URL, or the emulator's
     * @param events the rows
     * @return what was ingested
     */
    public static Future<IngestResult> ingestEvents(Vertx vertx, String clusterUrl, List<Event> events) {
        KustoClient client = KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl(clusterUrl) // the engine URL, not the ingest- one
                        .setTokenProvider(ClusterTokens.forCluster(clusterUrl))); // KUSTO_ACCESS_TOKEN, else az
        EventIngestor ingestor = EventIngestor.create(client); // database "Telemetry", from @KustoTable
        return ingestor.applySchema() // the generated commands, in order
                .compose(v -> ingestor.ingest(events))
                .onSuccess(r -> System.out.println(r.rowsIngested() + " rows in " + r.requests() + " requests"))
                .eventually(client::close);
    }
}
