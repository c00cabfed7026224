package io.kustotyped.spring;

import io.kustotyped.runtime.TableIngestor;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * With {@code kusto.apply-schema-on-startup=true}: once every singleton exists, runs the generated schema commands
 * (table, mapping, streaming policy; all safe to run again) of every {@link TableIngestor} bean, one table after the
 * other. A failure stops the application from starting, with the Kusto error.
 */
public class KustoSchemaInitializer implements SmartInitializingSingleton {

    private final ObjectProvider<TableIngestor<?>> ingestors;
    private final Duration timeout;

    /**
     * @param ingestors the ingestor beans
     * @param timeout how long each table's commands may take
     */
    public KustoSchemaInitializer(ObjectProvider<TableIngestor<?>> ingestors, Duration timeout) {
        this.ingestors = ingestors;
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (TableIngestor<?> ingestor : ingestors.orderedStream().toList()) {
            String table = ingestor.database() + "." + ingestor.table().tableName();
            try {
                KustoHealthIndicator.await(ingestor.applySchema(), timeout);
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "kusto.apply-schema-on-startup: the schema of " + table + " was not applied within " + timeout,
                        e);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException(
                        "kusto.apply-schema-on-startup: the schema of " + table + " could not be applied: "
                                + e.getMessage(),
                        e);
            }
        }
    }
}
