package io.kustotyped.spring.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.kustotyped.emulator.KustoEmulatorExtension;
import io.kustotyped.micrometer.KustoIngestMetrics;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoResultTable;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application against the emulator: the schema is applied at startup, orders go in through the injected
 * ingestor, come back through a query, and show in the health indicator and the meters.
 */
@SpringBootTest(
        classes = ShopApplication.class,
        properties = {
            "kusto.database=Shop",
            "kusto.apply-schema-on-startup=true",
            "kusto.health.check-schema=true",
            "spring.application.name=shop"
        })
class ShopApplicationTest {

    @RegisterExtension
    static KustoEmulatorExtension kusto = KustoEmulatorExtension.create(b -> b.database("Shop"));

    @DynamicPropertySource
    static void kustoUrl(DynamicPropertyRegistry registry) {
        registry.add("kusto.cluster-url", () -> kusto.uri().toString());
    }

    @Autowired
    OrderIngestor orders;

    @Autowired
    KustoClient client;

    @Autowired
    @Qualifier("kustoHealthIndicator")
    HealthIndicator health;

    @Autowired
    MeterRegistry registry;

    @Test
    void ordersIngestedThroughTheInjectedIngestorReadBack() throws Exception {
        List<Order> batch = LongStream.range(0, 500)
                .mapToObj(i -> new Order(
                        i,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                        "customer-" + (i % 7),
                        BigDecimal.valueOf(i, 2)))
                .toList();

        IngestResult r =
                orders.ingest(batch).toCompletionStage().toCompletableFuture().get();

        assertThat(r.rowsIngested()).isEqualTo(500);
        KustoResultTable t = client.executeQuery(
                        "Shop", "Orders | summarize n = count(), total = sum(total), last = max(placedAt)")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        assertThat(t.getLong(0, "n")).isEqualTo(500L);
        assertThat(t.getDecimal(0, "total")).isEqualByComparingTo("1247.50");
        assertThat(t.getInstant(0, "last"))
                .isBetween(Instant.parse("2026-01-01T00:08:19Z"), Instant.parse("2026-01-01T00:08:20Z"));

        assertThat(registry.get(KustoIngestMetrics.ROWS)
                        .tags("database", "Shop", "table", "Orders", "outcome", "ingested")
                        .counter()
                        .count())
                .isEqualTo(500);
        assertThat(registry.get(KustoIngestMetrics.REQUESTS).timers().stream()
                        .mapToLong(x -> x.count())
                        .sum())
                .isEqualTo(r.requests());
    }

    @Test
    void healthIsUpWithTheSchemaAppliedAtStartup() {
        Health h = health.health(true);
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails())
                .containsEntry("cluster", kusto.uri().toString().replaceAll("/$", ""))
                .containsEntry("schema.Shop.Orders", "up to date");
        assertThat(orders.options().getRetryBudget()).isEqualTo(Duration.ofMinutes(2));
    }
}
