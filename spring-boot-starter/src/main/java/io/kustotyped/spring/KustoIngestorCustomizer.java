package io.kustotyped.spring;

import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.TableIngestor;

/**
 * Adjusts the ingestors {@link KustoIngestors} creates: their options before, the ingestor after. The starter
 * registers one for Micrometer; applications may add their own beans (they run in {@code @Order}).
 */
@FunctionalInterface
public interface KustoIngestorCustomizer {

    /**
     * @param options the options so far (a copy the customizer may change)
     * @return the options to use
     */
    IngestOptions customize(IngestOptions options);

    /** Called with each ingestor once it is created. */
    default void created(TableIngestor<?> ingestor) {}
}
