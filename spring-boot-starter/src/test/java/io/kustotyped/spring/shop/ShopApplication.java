package io.kustotyped.spring.shop;

import io.kustotyped.spring.KustoIngestors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The starter's example application (in a package of its own, as an application is, so that scanning it does not pick up the starter's nested configurations): it writes orders to Kusto through an injected {@link OrderIngestor}. */
@SpringBootApplication
public class ShopApplication {

    /** The ingestor as a bean: injected by type wherever orders are written. */
    @Bean
    OrderIngestor orderIngestor(KustoIngestors ingestors) {
        return ingestors.create(OrderIngestor::create); // database from kusto.database
    }

    /** Stands in for Spring Boot Actuator's registry. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
