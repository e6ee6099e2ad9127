package dev.homeostat.apps.tradesignals.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The baseline: a plain kafka-clients consumer (same deserializers, default fetch settings, a fresh
 * group) that reads every record of the backlog and touches each value, nothing more.
 */
final class RawConsumerPass {

    private RawConsumerPass() {
    }

    static Measurement run(String bootstrapServers, String topic, long expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            long count = 0;
            long checksum = 0;
            long wallStart = 0;
            long counted = 0;
            long cpuStart = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            long warmUp = BenchmarkBacklog.warmUp(expected);
            while (count < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read only " + count + " of " + expected);
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, String> record : records) {
                    checksum += record.value().length();
                    count++;
                }
                if (wallStart == 0 && count >= warmUp) {
                    // As for the app, the clock starts after the warm-up records: group join and JIT are not throughput.
                    wallStart = System.nanoTime();
                    cpuStart = Measurement.processCpuNanos();
                    counted = count;
                }
            }
            long wall = System.nanoTime() - wallStart;
            long cpu = Measurement.processCpuNanos() - cpuStart;
            if (checksum == 0) {
                throw new IllegalStateException("empty values");
            }
            return new Measurement("raw kafka-clients consumer", count - counted, wall, cpu);
        }
    }
}
