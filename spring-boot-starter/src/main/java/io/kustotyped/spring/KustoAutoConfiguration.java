package io.kustotyped.spring;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.kustotyped.azure.AzureIdentityTokenProvider;
import io.kustotyped.micrometer.KustoIngestMetrics;
import io.kustotyped.micrometer.KustoMetricsOptions;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.TableIngestor;
import io.kustotyped.runtime.TokenProvider;
import io.kustotyped.runtime.auth.ClusterTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configures kusto-typed when {@code kusto.cluster-url} is set: a {@link Vertx} (unless the application has
 * one), a {@link TokenProvider}, a {@link KustoClient}, {@link KustoIngestors}, Micrometer metrics when a
 * {@link MeterRegistry} bean and kusto-typed-micrometer are present, a health indicator when spring-boot-health is
 * present, and the schema commands at startup when {@code kusto.apply-schema-on-startup=true}.
 *
 * <p>Tokens: the application's own {@link TokenProvider} bean if it has one; else, when kusto-typed-azure-identity
 * is on the class path and the cluster is not loopback, azure-identity (the application's {@link TokenCredential}
 * bean, else {@code DefaultAzureCredential}); else {@link ClusterTokens} ({@code KUSTO_ACCESS_TOKEN}, none for a
 * loopback emulator, else the Azure CLI).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass(KustoClient.class)
@ConditionalOnProperty(prefix = "kusto", name = "cluster-url")
@EnableConfigurationProperties(KustoProperties.class)
public class KustoAutoConfiguration {

    /** The Vert.x instance the client runs on, unless the application has one. Closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Vertx kustoVertx() {
        return Vertx.vertx();
    }

    /** The client, from the {@code kusto.*} properties. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public KustoClient kustoClient(
            Vertx vertx, KustoProperties properties, ObjectProvider<TokenProvider> tokens, Environment environment) {
        String url = properties.getClusterUrl();
        KustoClientOptions options = new KustoClientOptions()
                .setClusterUrl(url)
                .setTokenProvider(tokens.getIfAvailable(() -> ClusterTokens.forCluster(url)))
                .setRequestTimeout(properties.getRequestTimeout())
                .setConnectTimeout(properties.getConnectTimeout());
        String application = properties.getApplication() != null
                ? properties.getApplication()
                : environment.getProperty("spring.application.name");
        if (application != null) {
            options.setApplication(application);
        }
        if (properties.getUser() != null) {
            options.setUser(properties.getUser());
        }
        if (properties.getMaxConnections() != null) {
            options.setMaxConnections(properties.getMaxConnections());
        }
        return KustoClient.create(vertx, options);
    }

    /** Creates generated ingestors with the application's options and the customizers (metrics). */
    @Bean
    @ConditionalOnMissingBean
    public KustoIngestors kustoIngestors(
            KustoClient client,
            KustoProperties properties,
            ObjectProvider<IngestOptions> options,
            ObjectProvider<KustoIngestorCustomizer> customizers) {
        return new KustoIngestors(
                client,
                properties.getDatabase(),
                options.getIfAvailable(IngestOptions::new),
                customizers.orderedStream().toList());
    }

    /** Runs the schema commands of every {@link TableIngestor} bean at startup. */
    @Bean
    @ConditionalOnBooleanProperty("kusto.apply-schema-on-startup")
    public KustoSchemaInitializer kustoSchemaInitializer(
            ObjectProvider<TableIngestor<?>> ingestors, KustoProperties properties) {
        return new KustoSchemaInitializer(ingestors, properties.getRequestTimeout());
    }

    /** Tokens from azure-identity, for a cluster that is not loopback. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.kustotyped.azure.AzureIdentityTokenProvider")
    @Conditional(RemoteClusterCondition.class)
    static class AzureIdentityConfiguration {

        @Bean
        @ConditionalOnMissingBean(TokenProvider.class)
        TokenProvider kustoTokenProvider(KustoProperties properties, ObjectProvider<TokenCredential> credentials) {
            String url = properties.getClusterUrl();
            TokenCredential credential = credentials.getIfAvailable(() -> {
                DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder();
                AzureIdentityTokenProvider.authorityHostFor(url).ifPresent(b::authorityHost);
                if (properties.getAzure().getManagedIdentityClientId() != null) {
                    b.managedIdentityClientId(properties.getAzure().getManagedIdentityClientId());
                }
                if (properties.getAzure().getTenantId() != null) {
                    b.tenantId(properties.getAzure().getTenantId());
                }
                return b.build();
            });
            return AzureIdentityTokenProvider.create(credential, url);
        }
    }

    /** Micrometer meters for every ingestor {@link KustoIngestors} creates. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"io.kustotyped.micrometer.KustoIngestMetrics", "io.micrometer.core.instrument.MeterRegistry"})
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        KustoIngestMetrics kustoIngestMetrics(MeterRegistry registry, KustoProperties properties) {
            KustoProperties.Metrics m = properties.getMetrics();
            return KustoIngestMetrics.create(
                    registry,
                    new KustoMetricsOptions()
                            .setPercentiles(m.getPercentiles().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .toArray())
                            .setPercentileHistogram(m.isPercentileHistogram()));
        }

        @Bean
        KustoIngestorCustomizer kustoMetricsCustomizer(KustoIngestMetrics metrics) {
            return new KustoIngestorCustomizer() {
                @Override
                public IngestOptions customize(IngestOptions options) {
                    return metrics.instrument(options);
                }

                @Override
                public void created(TableIngestor<?> ingestor) {
                    metrics.monitor(ingestor);
                }
            };
        }
    }

    /** The {@code kusto} health indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("kusto")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "kustoHealthIndicator")
        HealthIndicator kustoHealthIndicator(
                KustoClient client, KustoProperties properties, ObjectProvider<TableIngestor<?>> ingestors) {
            return new KustoHealthIndicator(client, properties.getHealth(), ingestors);
        }
    }
}
