package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.kafka.KafkaClientSettings;
import dev.homeostat.apps.portfolio.domain.Portfolio;
import dev.homeostat.apps.portfolio.domain.PortfolioJson;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.smallrye.common.annotation.Identifier;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the compacted state topic from the beginning on start — the service is not ready and the
 * fills and orders channels stay paused until every partition is read up to the end offsets seen at start —
 * then keeps tailing it, so every replica also sees the books other replicas write.
 *
 * <p>A book replaces the held one only when its version is higher, so re-reading after a reconnect
 * or reading back this replica's own writes changes nothing.
 */
@ApplicationScoped
public class StateReader {

    private static final Logger LOG = Logger.getLogger(StateReader.class);
    private static final List<String> INPUT_CHANNELS = List.of("fills", "orders");

    private final Portfolio portfolio;
    private final PortfolioConfig config;
    private final StreamMetrics metrics;
    private final ChannelRegistry channels;
    private final Map<String, Object> kafka;
    private final AtomicLong records = new AtomicLong();
    private volatile boolean restored;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    /** The reader with its collaborators. */
    public StateReader(Portfolio portfolio, PortfolioConfig config, StreamMetrics metrics, ChannelRegistry channels,
                       @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.portfolio = portfolio;
        this.config = config;
        this.metrics = metrics;
        this.channels = channels;
        this.kafka = kafka;
    }

    /** True once the state topic was read to the end offsets seen at start. */
    public boolean restored() {
        return restored;
    }

    /** State records read since start. */
    public long records() {
        return records.get();
    }

    void start(@Observes StartupEvent event) {
        thread = Thread.ofPlatform().name("portfolio-state-reader").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = newConsumer()) {
                consumer = kafka;
                readAndTail(kafka);
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("state reader woken up while running; reconnecting");
                }
            } catch (RuntimeException e) {
                LOG.warnf("state reader failed, retrying in %s: %s", config.state().retryDelay(), e.toString());
                sleep(config.state().retryDelay());
            }
        }
    }

    private void readAndTail(KafkaConsumer<String, String> kafka) {
        String topic = config.state().topic();
        List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("state topic " + topic + " has no partitions yet");
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(10));
        long started = System.nanoTime();
        while (running) {
            for (ConsumerRecord<String, String> record : kafka.poll(config.state().pollTimeout())) {
                apply(record);
            }
            if (!restored && reached(kafka, end)) {
                restored = true;
                LOG.infof("restored %d accounts from %d state records in %d ms", portfolio.size(), records.get(),
                        (System.nanoTime() - started) / 1_000_000);
                resumeInputs();
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        records.incrementAndGet();
        metrics.restored();
        if (record.value() == null) {
            return;     // a tombstone: nothing to restore
        }
        try {
            portfolio.restore(PortfolioJson.parseBook(record.value()));
        } catch (IllegalArgumentException e) {
            metrics.malformed(config.state().topic());
            LOG.errorf("skipping unreadable state record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private static boolean reached(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (kafka.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void resumeInputs() {
        for (String name : INPUT_CHANNELS) {
            // The channels are wired by SmallRye at startup; wait for them rather than racing them.
            PausableChannel channel = channels.getPausable(name);
            while (channel == null && running) {
                sleep(Duration.ofMillis(100));
                channel = channels.getPausable(name);
            }
            if (channel != null) {
                channel.resume();
            }
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        // The app's kafka.* settings (bootstrap servers, TLS, SASL), as the channels get them.
        return new KafkaConsumer<>(KafkaClientSettings.consumer(kafka, Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.CLIENT_ID_CONFIG, "portfolio-state-reader",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false")));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
