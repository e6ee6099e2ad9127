package dev.homeostat.apps.tradesignals.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.homeostat.apps.tradesignals.domain.CrossoverStrategy;
import dev.homeostat.apps.tradesignals.domain.MalformedQuoteException;
import dev.homeostat.apps.tradesignals.domain.Order;
import dev.homeostat.apps.tradesignals.domain.OrderJson;
import dev.homeostat.apps.tradesignals.domain.QuoteParser;
import dev.homeostat.apps.tradesignals.domain.SignalEngine;
import dev.homeostat.kafka.testing.KafkaTestClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A hand-rolled kafka-clients loop running the app's domain logic (parse → state → maybe emit an order
 * with a plain producer) but no framework, no checkpoints and no commits: what the framework costs.
 */
final class RawDomainPass {

    private RawDomainPass() {
    }

    static Measurement run(String bootstrapServers, String topic, long expected, CrossoverStrategy.Options options) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-domain-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Bytes, like the app: the same parse path, so the gap to the app is the framework's cost alone.
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        QuoteParser parser = new QuoteParser();
        SignalEngine engine = new SignalEngine(new CrossoverStrategy(options));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
             KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            long count = 0;
            long counted = 0;
            long wallStart = 0;
            long cpuStart = 0;
            long warmUp = BenchmarkBacklog.warmUp(expected);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (count < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw domain loop read only " + count + " of " + expected);
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        Order order = engine.apply(parser.parse(record.value()), record.partition(), record.offset()).order();
                        if (order != null) {
                            producer.send(new ProducerRecord<>("bench-orders-raw", order.symbol(), OrderJson.encode(order)));
                        }
                    } catch (MalformedQuoteException e) {
                        throw new IllegalStateException("the backlog holds only valid quotes", e);
                    }
                    count++;
                }
                if (wallStart == 0 && count >= warmUp) {
                    wallStart = System.nanoTime();
                    cpuStart = Measurement.processCpuNanos();
                    counted = count;
                }
            }
            producer.flush();
            return new Measurement("kafka-clients + same domain logic", count - counted, System.nanoTime() - wallStart,
                    Measurement.processCpuNanos() - cpuStart);
        }
    }
}
