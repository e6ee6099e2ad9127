package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.metrics.ConsumerLagGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs the shared consumer-lag gauges of the {@code fills} channel for the app's lifetime. */
@ApplicationScoped
public class PortfolioLagGauges {

    private final KafkaClientService clients;
    private final MeterRegistry registry;
    private final PortfolioConfig config;
    private ConsumerLagGauges gauges;

    /** The gauges of the {@code fills} channel's consumer. */
    public PortfolioLagGauges(KafkaClientService clients, MeterRegistry registry, PortfolioConfig config) {
        this.clients = clients;
        this.registry = registry;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        gauges = new ConsumerLagGauges(clients, registry, "fills", StreamMetrics.APP, config.lagInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (gauges != null) {
            gauges.close();
        }
    }
}
