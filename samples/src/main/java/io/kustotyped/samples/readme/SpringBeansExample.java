package io.kustotyped.samples.readme;

import io.kustotyped.spring.KustoIngestors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The README's Spring Boot example, through kusto-typed-spring-boot-starter. */
@Configuration(proxyBeanMethods = false)
public class SpringBeansExample {

    /**
     * The ingestor as a bean, injected by its type.
     *
     * @param ingestors the starter's factory: the auto-configured client, options and metrics
     * @return the ingestor
     */
    @Bean
    EventIngestor eventIngestor(KustoIngestors ingestors) {
        return ingestors.create("Telemetry", EventIngestor::create); // or create(EventIngestor::create): kusto.database
    }
}
