package io.kustotyped.samples.readme;

import io.kustotyped.micrometer.KustoIngestMetrics;
import io.kustotyped.micrometer.KustoMetricsOptions;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.KustoClient;
import io.micrometer.core.instrument.MeterRegistry;

/** The README's Micrometer example, through kusto-typed-micrometer. */
public final class MetricsExample {

    private MetricsExample() {}

    /**
     * An ingestor whose requests, rows, bytes, retries and failures are meters, and whose live batches are gauges.
     *
     * @param client the client
     * @param registry the application's registry
     * @return the ingestor
     */
    public static EventIngestor instrumented(KustoClient client, MeterRegistry registry) {
        KustoIngestMetrics metrics =
                KustoIngestMetrics.create(registry, new KustoMetricsOptions().setPercentiles(0.5, 0.99));
        return metrics.monitor( // gauges: kusto.ingest.batches.inflight, kusto.ingest.buffered.bytes
                EventIngestor.create(client, metrics.instrument(new IngestOptions()))); // kusto.ingest.requests, ...
    }
}
