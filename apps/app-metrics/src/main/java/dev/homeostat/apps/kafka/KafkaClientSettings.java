package dev.homeostat.apps.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configuration of a hand-built Kafka client: the app's shared {@code kafka.*} settings (Quarkus'
 * {@code default-kafka-broker} map, the same one every SmallRye channel starts from, so bootstrap servers, TLS and
 * SASL reach every client), narrowed to the keys the client type knows, then the client's own settings on top.
 *
 * <p>Producers are always durable: {@code acks=all} with idempotence on, whatever the shared settings say.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** A producer's configuration; {@code own} may add settings but cannot weaken acks or idempotence. */
    public static Map<String, Object> producer(Map<String, ?> shared, Map<String, Object> own) {
        Map<String, Object> settings = narrowed(shared, ProducerConfig.configNames());
        settings.putAll(own);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return settings;
    }

    /** A consumer's configuration. */
    public static Map<String, Object> consumer(Map<String, ?> shared, Map<String, Object> own) {
        Map<String, Object> settings = narrowed(shared, ConsumerConfig.configNames());
        settings.putAll(own);
        return settings;
    }

    /** An admin client's configuration. */
    public static Map<String, Object> admin(Map<String, ?> shared) {
        return narrowed(shared, AdminClientConfig.configNames());
    }

    /** Only known keys: the shared map also holds consumer-only keys (group.id) a producer would warn about. */
    private static Map<String, Object> narrowed(Map<String, ?> shared, Set<String> known) {
        Map<String, Object> settings = new HashMap<>();
        shared.forEach((key, value) -> {
            if (known.contains(key) && value != null && !value.toString().isEmpty()) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
