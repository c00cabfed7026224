package com.example;

import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.auth.ClusterTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The README's ingestion example as a program: {@code java com.example.Main https://<cluster>.<region>.kusto.windows.net}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Main <cluster URL>");
            System.exit(2);
        }
        Vertx vertx = Vertx.vertx();
        try {
            List<Event> events = List.of(
                    new Event(Instant.now(), UUID.randomUUID(), "Info", Map.of("temperature", 21.5)),
                    new Event(Instant.now(), UUID.randomUUID(), "Error", Map.of()));
            ingestEvents(vertx, args[0], events).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        } finally {
            vertx.close();
        }
    }

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
