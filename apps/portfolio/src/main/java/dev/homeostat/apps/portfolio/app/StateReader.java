package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.kafka.KafkaClientSettings;
import dev.homeostat.apps.portfolio.domain.AccountBook;
import dev.homeostat.apps.portfolio.domain.Portfolio;
import dev.homeostat.apps.portfolio.domain.PortfolioJson;
import dev.homeostat.apps.portfolio.domain.Shard;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the compacted state topic from the beginning on start — the service is not ready and the
 * fills and orders channels stay paused until every partition is read up to the end offsets seen at start —
 * then keeps tailing it, so every replica also sees the shards other replicas write and can answer
 * for every account. {@link #awaitCaughtUp} lets a new partition owner wait until it holds the latest
 * shards of the partitions it takes.
 *
 * <p>A shard's book replaces the held one only when its version is higher, so re-reading after a
 * reconnect or reading back this replica's own writes changes nothing.
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
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
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

    /**
     * Waits until this reader has read every state partition up to its end offset as of this call,
     * i.e. holds every shard written and acknowledged before it; false on timeout or error.
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> end;
        String topic = config.state().topic();
        try (KafkaConsumer<String, String> probe = newConsumer("portfolio-state-end-offsets")) {
            List<TopicPartition> partitions = probe.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            end = probe.endOffsets(partitions, timeout);
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the end offsets of %s: %s", topic, e.toString());
            return false;
        }
        while (!end.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue())) {
            if (System.nanoTime() > deadline || !running) {
                return false;
            }
            sleep(Duration.ofMillis(20));
        }
        return true;
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
            try (KafkaConsumer<String, String> kafka = newConsumer("portfolio-state-reader")) {
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
        positions.clear();
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(10));
        long started = System.nanoTime();
        while (running) {
            for (ConsumerRecord<String, String> record : kafka.poll(config.state().pollTimeout())) {
                apply(record);
            }
            for (TopicPartition partition : partitions) {
                positions.put(partition, kafka.position(partition));
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
            AccountBook book = PortfolioJson.parseBook(record.value());
            portfolio.restore(record.key() == null ? Shard.parse(book.account()) : Shard.parse(record.key()), book);
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

    private KafkaConsumer<String, String> newConsumer(String clientId) {
        // The app's kafka.* settings (bootstrap servers, TLS, SASL), as the channels get them.
        return new KafkaConsumer<>(KafkaClientSettings.consumer(kafka, Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
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
