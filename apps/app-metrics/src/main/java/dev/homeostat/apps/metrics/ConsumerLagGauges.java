package dev.homeostat.apps.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code homeostat_consumer_lag{app,topic,partition}}: records between one channel's consumer position and
 * the end of each partition assigned to it, refreshed every {@code interval} on the polling thread (the
 * Kafka consumer is single-threaded). The client's own {@code records-lag} metric carries the same number,
 * but Micrometer discovers per-partition client metrics only on its 60 s refresh. Gauges of partitions
 * revoked in a rebalance are removed, so a scaler never sums stale partitions.
 */
public final class ConsumerLagGauges implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerLagGauges.class);

    private final KafkaClientService clients;
    private final MeterRegistry registry;
    private final String channel;
    private final String app;
    private final Duration interval;
    private final Map<TopicPartition, AtomicLong> values = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> gauges = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    /** Starts refreshing the lag gauges of {@code channel}'s consumer, tagged with {@code app}. */
    public ConsumerLagGauges(KafkaClientService clients, MeterRegistry registry, String channel, String app, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.clients = clients;
        this.registry = registry;
        this.channel = channel;
        this.app = app;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("consumer-lag").daemon().factory());
        timer.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void refresh() {
        try {
            KafkaConsumer<Object, Object> consumer = clients.getConsumer(channel);
            if (consumer == null) {
                return;
            }
            Map<TopicPartition, Long> lags = consumer.<Map<TopicPartition, Long>>runOnPollingThread(kafka -> {
                Map<TopicPartition, Long> current = new HashMap<>();
                for (TopicPartition partition : kafka.assignment()) {
                    kafka.currentLag(partition).ifPresent(lag -> current.put(partition, lag));
                }
                return current;
            }).await().atMost(interval.plusSeconds(5));
            lags.forEach((partition, lag) -> values.computeIfAbsent(partition, this::register).set(lag));
            for (TopicPartition gone : Set.copyOf(gauges.keySet())) {
                if (!lags.containsKey(gone)) {
                    registry.remove(gauges.remove(gone));
                    values.remove(gone);
                }
            }
        } catch (RuntimeException e) {
            // Best effort while the consumer reconnects or rebalances: keep the last values, try again.
            LOG.debugf("consumer lag not refreshed: %s", e.toString());
        }
    }

    private AtomicLong register(TopicPartition partition) {
        AtomicLong value = new AtomicLong();
        gauges.put(partition, Gauge.builder("homeostat.consumer.lag", value, AtomicLong::get)
                .description("Records between this consumer's position and the partition's end")
                .tags("app", app, "topic", partition.topic(), "partition", String.valueOf(partition.partition()))
                .register(registry));
        return value;
    }
}
