package io.kustotyped.samples.readme;

import io.kustotyped.runtime.IngestListener;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.KustoClient;
import java.time.Duration;

/** The README's ingest options example. */
public final class OptionsExample {

    private OptionsExample() {}

    /**
     * An ingestor with its retry and batching options changed.
     *
     * @param client the client
     * @param listener sees every request (for metrics)
     * @return the ingestor
     */
    public static EventIngestor tunedIngestor(KustoClient client, IngestListener listener) {
        return EventIngestor.create(
                client,
                new IngestOptions()
                        .setMaxRawBatchBytes(1024 * 1024) // smaller requests than the 4 MiB default
                        .setMaxAttempts(8) // first attempt included; only transient failures retry
                        .setRetryBudget(Duration.ofMinutes(5)) // no retry of a batch starts after this
                        .setMaxInFlight(4) // batches being built, compressed or sent at once
                        .setListener(listener)); // called once per request attempt
    }
}
