package dev.homeostat.apps.tradesignals.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.apps.tradesignals.domain.CrossoverStrategy;
import dev.homeostat.apps.tradesignals.domain.MalformedQuoteException;
import dev.homeostat.apps.tradesignals.domain.Order;
import dev.homeostat.apps.tradesignals.domain.OrderJson;
import dev.homeostat.apps.tradesignals.domain.QuoteParser;
import dev.homeostat.apps.tradesignals.domain.SignalEngine;
import dev.homeostat.apps.tradesignals.domain.SymbolState;
import dev.homeostat.apps.tradesignals.state.KafkaSymbolStateStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * trade-signals' pipeline written directly on kafka-clients, with the app's semantics: the same parser
 * and strategy, orders through an idempotent {@code acks=all} producer with the {@code order-id}
 * header, and every checkpoint interval: wait for the orders' acknowledgements, write the changed
 * symbol states with the app's {@link KafkaSymbolStateStore}, then commit the offsets. States are
 * restored on assignment and checkpointed before revocation. The baseline the app is measured against.
 */
final class KafkaClientsPipelinePass {

    private KafkaClientsPipelinePass() {
    }

    static Measurement run(String bootstrapServers, String topic, long expected, CrossoverStrategy.Options options,
                           Duration checkpointInterval, ObjectMapper mapper) throws Exception {
        Pipeline pipeline = new Pipeline(bootstrapServers, options, mapper);
        try (pipeline) {
            return pipeline.run(topic, expected, checkpointInterval);
        }
    }

    /** The loop and its clients. */
    private static final class Pipeline implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final KafkaProducer<String, String> orders;
        private final KafkaSymbolStateStore store;
        private final QuoteParser parser = new QuoteParser();
        private final SignalEngine engine;
        private final List<CompletableFuture<Void>> pendingOrders = new ArrayList<>();
        private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();

        Pipeline(String bootstrapServers, CrossoverStrategy.Options options, ObjectMapper mapper) {
            Properties consumerProperties = new Properties();
            consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "clients-pipeline-" + UUID.randomUUID());
            consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");     // as the app's channel
            consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            this.consumer = new KafkaConsumer<>(consumerProperties);
            this.orders = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer());
            this.store = new KafkaSymbolStateStore(Map.of("bootstrap.servers", bootstrapServers), "bench-state-clients", mapper);
            store.ensureTopic(3, Duration.ofSeconds(30));
            this.engine = new SignalEngine(new CrossoverStrategy(options));
        }

        Measurement run(String topic, long expected, Duration checkpointInterval) throws Exception {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    checkpoint();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
                    engine.restore(store.readAll(Duration.ofSeconds(30)).values().stream()
                            .filter(state -> numbers.contains(state.partition())).toList());
                }
            });
            long count = 0;
            long counted = 0;
            long wallStart = 0;
            long cpuStart = 0;
            long warmUp = BenchmarkBacklog.warmUp(expected);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            long nextCheckpoint = System.nanoTime() + checkpointInterval.toNanos();
            while (count < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("kafka-clients pipeline read only " + count + " of " + expected);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    process(record);
                    count++;
                }
                if (System.nanoTime() >= nextCheckpoint) {
                    checkpoint();
                    nextCheckpoint = System.nanoTime() + checkpointInterval.toNanos();
                }
                if (wallStart == 0 && count >= warmUp) {
                    wallStart = System.nanoTime();
                    cpuStart = Measurement.processCpuNanos();
                    counted = count;
                }
            }
            checkpoint();
            return new Measurement("kafka-clients pipeline (same work)", count - counted,
                    System.nanoTime() - wallStart, Measurement.processCpuNanos() - cpuStart);
        }

        private void process(ConsumerRecord<String, byte[]> record) {
            try {
                Order order = engine.apply(parser.parse(record.value()), record.partition(), record.offset()).order();
                if (order != null) {
                    ProducerRecord<String, String> out = new ProducerRecord<>("bench-orders-clients", order.symbol(),
                            OrderJson.encode(order));
                    out.headers().add("order-id", order.orderId().getBytes(StandardCharsets.UTF_8));
                    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
                    orders.send(out, (metadata, failure) -> {
                        if (failure == null) {
                            acknowledged.complete(null);
                        } else {
                            acknowledged.completeExceptionally(failure);
                        }
                    });
                    pendingOrders.add(acknowledged);
                }
            } catch (MalformedQuoteException e) {
                throw new IllegalStateException("the backlog holds only valid quotes", e);
            }
            processed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }

        /** Orders acknowledged, then states written, then offsets committed: the app's order. */
        private void checkpoint() {
            try {
                CompletableFuture.allOf(pendingOrders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                pendingOrders.clear();
                List<SymbolState> dirty = engine.takeDirty();
                store.write(dirty).get(30, TimeUnit.SECONDS);
                if (!processed.isEmpty()) {
                    consumer.commitSync(processed);
                    processed.clear();
                }
            } catch (Exception e) {
                throw new IllegalStateException("checkpoint failed", e);
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
            orders.close(Duration.ofSeconds(5));
            store.close();
        }
    }
}
