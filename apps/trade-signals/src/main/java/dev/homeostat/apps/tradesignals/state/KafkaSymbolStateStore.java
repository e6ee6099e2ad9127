package dev.homeostat.apps.tradesignals.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.apps.kafka.KafkaClientSettings;
import dev.homeostat.apps.tradesignals.domain.SymbolState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Checkpoints in a compacted Kafka topic keyed by symbol (JSON values). Kafka keeps the newest record
 * per key, so reading the topic from the start and keeping the last value per key gives the latest
 * checkpoint of every symbol. Writes go through an idempotent producer with {@code acks=all}, so one
 * symbol's checkpoints land in the order they were written.
 */
public final class KafkaSymbolStateStore implements SymbolStateStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaSymbolStateStore.class);

    private final Map<String, Object> kafka;
    private final String topic;
    private final ObjectMapper mapper;
    private final KafkaProducer<String, String> producer;

    /**
     * A store on {@code topic} of the cluster the app's shared {@code kafka.*} settings name (bootstrap servers,
     * TLS, SASL: the same map the SmallRye channels start from).
     */
    public KafkaSymbolStateStore(Map<String, Object> kafka, String topic, ObjectMapper mapper) {
        this.kafka = Map.copyOf(kafka);
        this.topic = topic;
        this.mapper = mapper;
        this.producer = new KafkaProducer<>(KafkaClientSettings.producer(kafka, Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "trade-signals-state",
                ProducerConfig.LINGER_MS_CONFIG, "0",
                // Bounded: a write must not block the checkpoint (or a shutdown) for the default 60 s when the
                // broker is gone.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())));
    }

    /** Creates the compacted topic unless it exists (operators may pre-create it with their own settings). */
    public void ensureTopic(int partitions, Duration timeout) {
        Map<String, String> configs = Map.of(
                "cleanup.policy", "compact",
                // Roll segments often so compaction can run; state is tiny (one record per symbol).
                "segment.ms", "600000",
                "min.cleanable.dirty.ratio", "0.1");
        try (Admin admin = Admin.create(KafkaClientSettings.admin(kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1).configs(configs)))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("created compacted state topic %s with %d partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create state topic " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating state topic " + topic + " on " + kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating state topic " + topic, e);
        }
    }

    @Override
    public CompletableFuture<Void> write(Collection<SymbolState> states) {
        List<CompletableFuture<Void>> writes = new ArrayList<>(states.size());
        for (SymbolState state : states) {
            CompletableFuture<Void> written = new CompletableFuture<>();
            producer.send(new ProducerRecord<>(topic, state.symbol(), encode(state)), (metadata, failure) -> {
                if (failure == null) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(failure);
                }
            });
            writes.add(written);
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    @Override
    public Map<String, SymbolState> readAll(Duration timeout) {
        Map<String, Object> properties = KafkaClientSettings.consumer(kafka, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "trade-signals-state-restore",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        Map<String, SymbolState> latest = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read state topic " + topic + " to " + end + " within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    apply(latest, record);
                }
            }
        }
        return latest;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private void apply(Map<String, SymbolState> latest, ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            latest.remove(record.key());
            return;
        }
        try {
            latest.put(record.key(), mapper.readValue(record.value(), SymbolState.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // An unreadable checkpoint is skipped: that symbol restarts from the previous one or from scratch.
            LOG.warnf("skipping unreadable checkpoint at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private String encode(SymbolState state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + state, e);
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
