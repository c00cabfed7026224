package io.kustotyped.spring;

import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.TableIngestor;
import java.util.List;
import java.util.Objects;

/**
 * Creates generated ingestors on the auto-configured {@link KustoClient}, with the application's
 * {@link IngestOptions} bean (if any) and every {@link KustoIngestorCustomizer} (Micrometer, when present) applied.
 * Declare one bean per table, so that the ingestor is injected by its type:
 *
 * <pre>{@code
 * @Bean
 * EventIngestor eventIngestor(KustoIngestors ingestors) {
 *     return ingestors.create(EventIngestor::create); // database from kusto.database
 * }
 * }</pre>
 *
 * <p>Ingestors are thread-safe and share their batch slots between calls: one bean per table is the right number.
 */
public final class KustoIngestors {

    /** A generated {@code XIngestor.create(KustoClient, String, IngestOptions)}. */
    @FunctionalInterface
    public interface Factory<I extends TableIngestor<?>> {
        /** Creates the ingestor. */
        I create(KustoClient client, String database, IngestOptions options);
    }

    private final KustoClient client;
    private final String database;
    private final IngestOptions options;
    private final List<KustoIngestorCustomizer> customizers;

    /**
     * @param client the client
     * @param database the default database ({@code kusto.database}), or null
     * @param options the base options (copied)
     * @param customizers applied in order
     */
    public KustoIngestors(
            KustoClient client, String database, IngestOptions options, List<KustoIngestorCustomizer> customizers) {
        this.client = Objects.requireNonNull(client, "client");
        this.database = database;
        this.options = new IngestOptions(Objects.requireNonNull(options, "options"));
        this.customizers = List.copyOf(customizers);
    }

    /**
     * An ingestor writing to the database {@code kusto.database}.
     *
     * @param factory the generated {@code create} method, e.g. {@code EventIngestor::create}
     * @return the ingestor
     * @throws IllegalStateException if {@code kusto.database} is not set
     */
    public <I extends TableIngestor<?>> I create(Factory<I> factory) {
        if (database == null || database.isBlank()) {
            throw new IllegalStateException("kusto.database is not set: set it to the database the ingestors write "
                    + "to, or name the database with KustoIngestors.create(database, factory)");
        }
        return create(database, factory);
    }

    /**
     * An ingestor writing to {@code database}.
     *
     * @param database the database
     * @param factory the generated {@code create} method, e.g. {@code EventIngestor::create}
     * @return the ingestor
     */
    public <I extends TableIngestor<?>> I create(String database, Factory<I> factory) {
        Objects.requireNonNull(database, "database");
        IngestOptions o = new IngestOptions(options);
        for (KustoIngestorCustomizer c : customizers) {
            o = Objects.requireNonNull(c.customize(o), "a KustoIngestorCustomizer returned null options");
        }
        I ingestor = Objects.requireNonNull(factory.create(client, database, o), "the factory returned null");
        for (KustoIngestorCustomizer c : customizers) {
            c.created(ingestor);
        }
        return ingestor;
    }

    /** The client the ingestors use. */
    public KustoClient client() {
        return client;
    }

    /** The default database ({@code kusto.database}), or null. */
    public String database() {
        return database;
    }
}
