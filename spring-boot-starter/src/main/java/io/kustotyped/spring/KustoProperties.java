package io.kustotyped.spring;

import io.kustotyped.runtime.KustoClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code kusto.*} properties of the kusto-typed Spring Boot starter. */
@ConfigurationProperties("kusto")
public class KustoProperties {

    /**
     * The cluster's engine URL, e.g. https://mycluster.westeurope.kusto.windows.net (not the ingest- one). Nothing
     * is auto-configured without it.
     */
    private String clusterUrl;

    /** The x-ms-app header; defaults to spring.application.name, else the main class. */
    private String application;

    /** The x-ms-user header; defaults to the user.name system property. */
    private String user;

    /** The database of the ingestors created with KustoIngestors.create(factory). */
    private String database;

    /** How long a request may wait without any byte moving before it fails (and may be retried). */
    private Duration requestTimeout = KustoClientOptions.DEFAULT_REQUEST_TIMEOUT;

    /** The TCP and TLS connect timeout. */
    private Duration connectTimeout = KustoClientOptions.DEFAULT_CONNECT_TIMEOUT;

    /** The most HTTP connections kept to the cluster; defaults to twice the cores, at least 4. */
    private Integer maxConnections;

    /**
     * Whether to run the generated schema commands (table, mapping, streaming policy) of every TableIngestor bean
     * when the application starts; a failure stops the start.
     */
    private boolean applySchemaOnStartup;

    private final Health health = new Health();
    private final Azure azure = new Azure();
    private final Metrics metrics = new Metrics();

    public String getClusterUrl() {
        return clusterUrl;
    }

    public void setClusterUrl(String clusterUrl) {
        this.clusterUrl = clusterUrl;
    }

    public String getApplication() {
        return application;
    }

    public void setApplication(String application) {
        this.application = application;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public boolean isApplySchemaOnStartup() {
        return applySchemaOnStartup;
    }

    public void setApplySchemaOnStartup(boolean applySchemaOnStartup) {
        this.applySchemaOnStartup = applySchemaOnStartup;
    }

    public Health getHealth() {
        return health;
    }

    public Azure getAzure() {
        return azure;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** The {@code kusto.health.*} properties. */
    public static class Health {

        /** Whether the health indicator also reports schema drift of every TableIngestor bean (as DOWN). */
        private boolean checkSchema;

        /** How long the health check waits for the cluster. */
        private Duration timeout = Duration.ofSeconds(10);

        public boolean isCheckSchema() {
            return checkSchema;
        }

        public void setCheckSchema(boolean checkSchema) {
            this.checkSchema = checkSchema;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** The {@code kusto.azure.*} properties, used when kusto-typed-azure-identity is on the class path. */
    public static class Azure {

        /** The client id of a user-assigned managed identity (DefaultAzureCredential's managedIdentityClientId). */
        private String managedIdentityClientId;

        /** The Microsoft Entra tenant to authenticate in (DefaultAzureCredential's tenantId). */
        private String tenantId;

        public String getManagedIdentityClientId() {
            return managedIdentityClientId;
        }

        public void setManagedIdentityClientId(String managedIdentityClientId) {
            this.managedIdentityClientId = managedIdentityClientId;
        }

        public String getTenantId() {
            return tenantId;
        }

        public void setTenantId(String tenantId) {
            this.tenantId = tenantId;
        }
    }

    /** The {@code kusto.metrics.*} properties, used when kusto-typed-micrometer and a MeterRegistry are present. */
    public static class Metrics {

        /** Client-side percentiles of kusto.ingest.requests, e.g. 0.5,0.99. */
        private List<Double> percentiles = new ArrayList<>();

        /** Whether kusto.ingest.requests publishes a percentile histogram. */
        private boolean percentileHistogram;

        public List<Double> getPercentiles() {
            return percentiles;
        }

        public void setPercentiles(List<Double> percentiles) {
            this.percentiles = percentiles;
        }

        public boolean isPercentileHistogram() {
            return percentileHistogram;
        }

        public void setPercentileHistogram(boolean percentileHistogram) {
            this.percentileHistogram = percentileHistogram;
        }
    }
}
