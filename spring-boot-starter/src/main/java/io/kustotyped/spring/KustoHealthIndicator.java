package io.kustotyped.spring;

import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.SchemaReport;
import io.kustotyped.runtime.TableIngestor;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code kusto} health component: UP when the cluster answers {@code .show version} within
 * {@code kusto.health.timeout}; with {@code kusto.health.check-schema=true}, DOWN as well when a
 * {@link TableIngestor} bean's table has drifted from its generated schema (each drift is a detail).
 */
public class KustoHealthIndicator extends AbstractHealthIndicator {

    private final KustoClient client;
    private final KustoProperties.Health settings;
    private final ObjectProvider<TableIngestor<?>> ingestors;

    /**
     * @param client the client
     * @param settings the {@code kusto.health.*} properties
     * @param ingestors the ingestor beans whose schema is checked
     */
    public KustoHealthIndicator(
            KustoClient client, KustoProperties.Health settings, ObjectProvider<TableIngestor<?>> ingestors) {
        super("Kusto health check failed");
        this.client = client;
        this.settings = settings;
        this.ingestors = ingestors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Duration timeout = settings.getTimeout();
        KustoResultTable version = await(client.executeMgmt(null, ".show version"), timeout);
        builder.up().withDetail("cluster", client.clusterUrl());
        if (version.rowCount() > 0 && version.columnIndex("BuildVersion") >= 0) {
            builder.withDetail("version", version.string(0, "BuildVersion"));
        }
        if (!settings.isCheckSchema()) {
            return;
        }
        for (TableIngestor<?> ingestor : ingestors.orderedStream().toList()) {
            SchemaReport report = await(ingestor.checkSchema(), timeout);
            String key = "schema." + report.database() + "." + report.table();
            if (report.isUpToDate()) {
                builder.withDetail(key, "up to date");
            } else {
                List<String> drifts = report.drifts().stream()
                        .map(SchemaReport.Drift::toString)
                        .toList();
                builder.down().withDetail(key, drifts);
            }
        }
    }

    /** The future's result; its own failure (not an ExecutionException around it), or a TimeoutException. */
    static <T> T await(Future<T> f, Duration timeout) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
