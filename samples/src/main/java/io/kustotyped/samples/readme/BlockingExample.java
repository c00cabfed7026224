package io.kustotyped.samples.readme;

import io.kustotyped.runtime.BlockingIngestor;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.auth.ClusterTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The README's blocking example: a plain {@code main}, no Vert.x in sight. */
public final class BlockingExample {

    private BlockingExample() {}

    /**
     * Ingests one event and prints the latest errors.
     *
     * @param args the cluster's engine URL (or the emulator's)
     */
    public static void main(String[] args) {
        String clusterUrl = args[0];
        KustoClient client = KustoClient.create(
                new KustoClientOptions() // no Vertx: the client owns one
                        .setClusterUrl(clusterUrl)
                        .setTokenProvider(ClusterTokens.forCluster(clusterUrl)));
        try {
            BlockingIngestor<Event> events = EventIngestor.create(client).blocking(); // thread-safe; share it
            events.applySchema();
            IngestResult result =
                    events.ingest(List.of(new Event(Instant.now(), UUID.randomUUID(), "Error", Map.of("code", 17))));
            System.out.println(result.rowsIngested() + " rows landed");
            for (Event e : events.query("| where level == 'Error' | top 10 by Timestamp desc")) {
                System.out.println(e);
            }
        } finally {
            client.close(); // closes its Vertx too
        }
    }
}
