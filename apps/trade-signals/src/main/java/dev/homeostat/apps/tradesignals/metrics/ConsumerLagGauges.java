package dev.homeostat.apps.tradesignals.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.homeostat.apps.tradesignals.TradeSignalsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumer lag per assigned partition, {@code homeostat_consumer_lag{topic,partition}}: the Kafka
 * client's own view (high watermark minus position, {@code Consumer.currentLag}), read on the polling
 * thread at a fixed interval. The client's {@code records-lag} metric says the same, but Micrometer only
 * discovers per-partition client metrics on its 60 s refresh, too late for a scaler.
 */
@ApplicationScoped
public class ConsumerLagGauges {

    private static final Logger LOG = Logger.getLogger(ConsumerLagGauges.class);
    private static final String CHANNEL = "quotes";

    private final KafkaClientService clients;
    private final MeterRegistry registry;
    private final String app;
    private final Duration interval;
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> gauges = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    ConsumerLagGauges(KafkaClientService clients, MeterRegistry registry,
                      @ConfigProperty(name = "quarkus.application.name") String app, TradeSignalsConfig config) {
        this.clients = clients;
        this.registry = registry;
        this.app = app;
        this.interval = config.lagInterval();
    }

    void onStart(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lag-gauges").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::refreshSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // Lag is best effort (e.g. the consumer is reconnecting): keep the last values and try again.
            LOG.debugf("consumer lag not refreshed: %s", e.toString());
        }
    }

    private void refresh() {
        KafkaConsumer<String, String> consumer = clients.getConsumer(CHANNEL);
        if (consumer == null) {
            return;
        }
        Map<TopicPartition, Long> current = consumer.<Map<TopicPartition, Long>>runOnPollingThread(kafka -> {
            Map<TopicPartition, Long> values = new HashMap<>();
            for (TopicPartition partition : kafka.assignment()) {
                kafka.currentLag(partition).ifPresent(lag -> values.put(partition, lag));
            }
            return values;
        }).await().atMost(interval.plusSeconds(5));
        current.forEach((partition, lag) -> lags.computeIfAbsent(partition, this::register).set(lag));
        for (TopicPartition partition : Map.copyOf(gauges).keySet()) {
            if (!current.containsKey(partition)) {
                registry.remove(gauges.remove(partition));
                lags.remove(partition);
            }
        }
    }

    private AtomicLong register(TopicPartition partition) {
        AtomicLong value = new AtomicLong();
        gauges.put(partition, Gauge.builder("homeostat.consumer.lag", value, AtomicLong::get)
                .description("Records behind the partition's end, as seen by this consumer")
                .tag("app", app).tag("topic", partition.topic()).tag("partition", String.valueOf(partition.partition()))
                .register(registry));
        return value;
    }
}
