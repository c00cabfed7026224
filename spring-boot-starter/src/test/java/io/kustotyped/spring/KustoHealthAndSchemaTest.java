package io.kustotyped.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kustotyped.emulator.KustoEmulatorExtension;
import io.kustotyped.spring.shop.OrderIngestor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator's DOWN cases and a schema that cannot be applied at startup, against the emulator. */
class KustoHealthAndSchemaTest {

    @RegisterExtension
    static KustoEmulatorExtension kusto = KustoEmulatorExtension.create(b -> b.database("Shop"));

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OrdersConfiguration {
        @org.springframework.context.annotation.Bean
        OrderIngestor orders(
                KustoIngestors ingestors,
                @org.springframework.beans.factory.annotation.Value("${test.database}") String database) {
            return ingestors.create(database, OrderIngestor::create);
        }
    }

    @Test
    void anUnreachableClusterIsDown() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KustoAutoConfiguration.class))
                .withPropertyValues("kusto.cluster-url=http://127.0.0.1:1", "kusto.health.timeout=5s")
                .run(ctx -> {
                    Health h = ctx.getBean("kustoHealthIndicator", HealthIndicator.class)
                            .health(true);
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(String.valueOf(h.getDetails().get("error")))
                            .startsWith("io.kustotyped.runtime.KustoTransportException: Could not connect to "
                                    + "http://127.0.0.1:1");
                });
    }

    @Test
    void aMissingTableIsDownWhenTheSchemaIsChecked() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KustoAutoConfiguration.class))
                .withUserConfiguration(OrdersConfiguration.class)
                .withPropertyValues(
                        "kusto.cluster-url=" + kusto.uri(), "test.database=Shop", "kusto.health.check-schema=true")
                .run(ctx -> {
                    Health h = ctx.getBean("kustoHealthIndicator", HealthIndicator.class)
                            .health(true);
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(h.getDetails()).containsKey("schema.Shop.Orders");
                    assertThat((List<?>) h.getDetails().get("schema.Shop.Orders"))
                            .anySatisfy(d -> assertThat(d.toString()).startsWith("TABLE_MISSING"));
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KustoAutoConfiguration.class))
                .withUserConfiguration(OrdersConfiguration.class)
                .withPropertyValues("kusto.cluster-url=" + kusto.uri(), "test.database=Shop")
                .run(ctx -> assertThat(ctx.getBean("kustoHealthIndicator", HealthIndicator.class)
                                .health()
                                .getStatus())
                        .as("without check-schema only the cluster counts")
                        .isEqualTo(Status.UP));
    }

    @Test
    void aSchemaThatCannotBeAppliedStopsTheStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KustoAutoConfiguration.class))
                .withUserConfiguration(OrdersConfiguration.class)
                .withPropertyValues(
                        "kusto.cluster-url=" + kusto.uri(), "test.database=Nope", "kusto.apply-schema-on-startup=true")
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .hasMessageContaining("the schema of Nope.Orders could not be applied"));
    }
}
