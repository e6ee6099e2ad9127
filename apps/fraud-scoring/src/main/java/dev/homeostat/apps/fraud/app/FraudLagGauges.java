package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.metrics.ConsumerLagGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs the shared consumer-lag gauges of the {@code payments} channel for the app's lifetime. */
@ApplicationScoped
public class FraudLagGauges {

    private final KafkaClientService clients;
    private final MeterRegistry registry;
    private final FraudConfig config;
    private ConsumerLagGauges gauges;

    /** The gauges of the {@code payments} channel's consumer. */
    public FraudLagGauges(KafkaClientService clients, MeterRegistry registry, FraudConfig config) {
        this.clients = clients;
        this.registry = registry;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        gauges = new ConsumerLagGauges(clients, registry, "payments", StreamMetrics.APP, config.lagInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (gauges != null) {
            gauges.close();
        }
    }
}
