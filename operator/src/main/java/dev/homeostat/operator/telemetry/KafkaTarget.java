package dev.homeostat.operator.telemetry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kafka side of a StreamApp for lag collection: the resolved brokers, the group and what it reads.
 *
 * @param bootstrapServers resolved bootstrap servers (inline, or read from the referenced ConfigMap)
 * @param consumerGroup    {@code spec.kafka.consumerGroup}
 * @param inputTopics      topics the group consumes
 * @param clientProperties extra Admin client properties (security settings); Admin clients are shared per
 *                         distinct (bootstrapServers, clientProperties)
 */
public record KafkaTarget(String bootstrapServers, String consumerGroup, List<String> inputTopics,
                          Map<String, String> clientProperties) {

    /** Copies the collections and rejects missing parts. */
    public KafkaTarget {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        inputTopics = List.copyOf(inputTopics);
        clientProperties = Map.copyOf(clientProperties);
    }
}
