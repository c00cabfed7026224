package io.kustotyped.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import io.kustotyped.azure.AzureIdentityTokenProvider;
import io.kustotyped.micrometer.KustoIngestMetrics;
import io.kustotyped.runtime.AccessToken;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.TokenProvider;
import io.kustotyped.runtime.auth.ClusterTokens;
import io.kustotyped.spring.shop.OrderIngestor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/** Every condition of {@link KustoAutoConfiguration}, one context each. */
class KustoAutoConfigurationTest {

    private static final String LOOPBACK = "kusto.cluster-url=http://127.0.0.1:8080";
    private static final String REMOTE = "kusto.cluster-url=https://mycluster.westeurope.kusto.windows.net";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KustoAutoConfiguration.class));

    @Test
    void nothingWithoutAClusterUrl() {
        runner.run(ctx -> {
            assertThat(ctx).doesNotHaveBean(KustoClient.class);
            assertThat(ctx).doesNotHaveBean(Vertx.class);
            assertThat(ctx).doesNotHaveBean(KustoIngestors.class);
        });
    }

    @Test
    void aLoopbackClusterGetsVertxAClientAndIngestorsButNoToken() {
        runner.withPropertyValues(LOOPBACK + "/", "kusto.database=Shop", "kusto.max-connections=3")
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(Vertx.class).hasSingleBean(KustoClient.class);
                    assertThat(ctx).doesNotHaveBean(TokenProvider.class);
                    KustoClient client = ctx.getBean(KustoClient.class);
                    assertThat(client.clusterUrl()).isEqualTo("http://127.0.0.1:8080");
                    assertThat(client.vertx()).isSameAs(ctx.getBean(Vertx.class));
                    OrderIngestor ingestor = ctx.getBean(KustoIngestors.class).create(OrderIngestor::create);
                    assertThat(ingestor.database()).isEqualTo("Shop");
                    assertThat(ingestor.client()).isSameAs(client);
                });
    }

    @Test
    void theApplicationsVertxIsUsed() {
        Vertx mine = Vertx.vertx();
        try {
            runner.withPropertyValues(LOOPBACK)
                    .withBean("myVertx", Vertx.class, () -> mine)
                    .run(ctx -> {
                        assertThat(ctx).hasSingleBean(Vertx.class);
                        assertThat(ctx.getBean(KustoClient.class).vertx()).isSameAs(mine);
                    });
        } finally {
            mine.close();
        }
    }

    @Test
    void aRemoteClusterGetsAzureIdentityTokensForItsScope() {
        runner.withPropertyValues(REMOTE).run(ctx -> {
            assertThat(ctx).hasSingleBean(TokenProvider.class);
            AzureIdentityTokenProvider p = (AzureIdentityTokenProvider) ctx.getBean(TokenProvider.class);
            assertThat(p.scope()).isEqualTo("https://mycluster.westeurope.kusto.windows.net/.default");
            assertThat(p.credential().getClass().getSimpleName()).isEqualTo("DefaultAzureCredential");
        });
    }

    @Test
    void theApplicationsTokenCredentialIsUsed() {
        TokenCredential mine = request -> Mono.empty();
        runner.withPropertyValues(REMOTE)
                .withBean(TokenCredential.class, () -> mine)
                .run(ctx -> assertThat(((AzureIdentityTokenProvider) ctx.getBean(TokenProvider.class)).credential())
                        .isSameAs(mine));
    }

    @Test
    void theApplicationsTokenProviderWins() {
        TokenProvider mine = () -> Future.succeededFuture(new AccessToken("t", Instant.MAX));
        runner.withPropertyValues(REMOTE)
                .withBean(TokenProvider.class, () -> mine)
                .run(ctx -> assertThat(ctx.getBean(TokenProvider.class)).isSameAs(mine));
    }

    @Test
    void withoutAzureIdentityTokensComeFromClusterTokens() {
        String url = "https://mycluster.westeurope.kusto.windows.net";
        boolean environmentHasAWay;
        try {
            ClusterTokens.forCluster(url);
            environmentHasAWay = true;
        } catch (ClusterTokens.MissingTokenException e) {
            environmentHasAWay = false;
        }
        boolean expectStarted = environmentHasAWay;
        runner.withPropertyValues(REMOTE)
                .withClassLoader(new FilteredClassLoader(AzureIdentityTokenProvider.class))
                .run(ctx -> {
                    if (expectStarted) {
                        assertThat(ctx).hasNotFailed().doesNotHaveBean(TokenProvider.class);
                    } else {
                        // neither KUSTO_ACCESS_TOKEN nor az here: the start fails saying how to get a token
                        assertThat(ctx)
                                .getFailure()
                                .rootCause()
                                .isInstanceOf(ClusterTokens.MissingTokenException.class)
                                .hasMessageContaining("KUSTO_ACCESS_TOKEN");
                    }
                });
        runner.withPropertyValues(LOOPBACK)
                .withClassLoader(new FilteredClassLoader(AzureIdentityTokenProvider.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(KustoClient.class));
    }

    @Test
    void metricsOnlyWithAMeterRegistryAndTheModule() {
        runner.withPropertyValues(LOOPBACK)
                .run(ctx -> assertThat(ctx)
                        .doesNotHaveBean(KustoIngestMetrics.class)
                        .doesNotHaveBean(KustoIngestorCustomizer.class));
        runner.withPropertyValues(LOOPBACK, "kusto.database=Shop", "kusto.metrics.percentiles=0.5,0.99")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(ctx -> {
                    assertThat(ctx)
                            .hasSingleBean(KustoIngestMetrics.class)
                            .hasSingleBean(KustoIngestorCustomizer.class);
                    OrderIngestor ingestor = ctx.getBean(KustoIngestors.class).create(OrderIngestor::create);
                    assertThat(ingestor.options().getListener()).isSameAs(ctx.getBean(KustoIngestMetrics.class));
                    MeterRegistry registry = ctx.getBean(MeterRegistry.class);
                    assertThat(registry.get(KustoIngestMetrics.BATCHES_IN_FLIGHT)
                                    .tags("database", "Shop", "table", "Orders")
                                    .gauge()
                                    .value())
                            .isZero();
                });
        runner.withPropertyValues(LOOPBACK)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(KustoIngestMetrics.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(KustoIngestorCustomizer.class));
    }

    @Test
    void theHealthIndicatorCanBeTurnedOffOrBeAbsent() {
        runner.withPropertyValues(LOOPBACK)
                .run(ctx -> assertThat(ctx).hasBean("kustoHealthIndicator").hasSingleBean(HealthIndicator.class));
        runner.withPropertyValues(LOOPBACK, "management.health.kusto.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(HealthIndicator.class));
        runner.withPropertyValues(LOOPBACK)
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("kustoHealthIndicator"));
    }

    @Test
    void schemaOnStartupOnlyWhenAskedFor() {
        runner.withPropertyValues(LOOPBACK).run(ctx -> assertThat(ctx).doesNotHaveBean(KustoSchemaInitializer.class));
        runner.withPropertyValues(LOOPBACK, "kusto.apply-schema-on-startup=true")
                .run(ctx -> assertThat(ctx).hasSingleBean(KustoSchemaInitializer.class));
    }

    @Test
    void theApplicationsIngestOptionsAreTheBaseAndADatabaseIsNeeded() {
        runner.withPropertyValues(LOOPBACK)
                .withBean(
                        IngestOptions.class,
                        () -> new IngestOptions().setMaxInFlight(7).setRetryBudget(Duration.ZERO))
                .run(ctx -> {
                    KustoIngestors ingestors = ctx.getBean(KustoIngestors.class);
                    OrderIngestor o = ingestors.create("Sales", OrderIngestor::create);
                    assertThat(o.database()).isEqualTo("Sales");
                    assertThat(o.options().getMaxInFlight()).isEqualTo(7);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingestors.create(OrderIngestor::create))
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("kusto.database is not set");
                });
    }

    @Test
    void idesCompleteTheProperties() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json)
                    .contains("\"kusto.cluster-url\"")
                    .contains("\"kusto.apply-schema-on-startup\"")
                    .contains("\"kusto.azure.managed-identity-client-id\"")
                    .contains("\"kusto.health.check-schema\"")
                    .contains("\"defaultValue\": \"10m\"");
        }
    }
}
