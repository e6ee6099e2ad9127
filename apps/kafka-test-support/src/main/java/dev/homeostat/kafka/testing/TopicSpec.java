package dev.homeostat.kafka.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A topic to create on an embedded broker, parsed from {@code name:partitions[:compact]}.
 *
 * @param name       topic name
 * @param partitions partition count, at least 1
 * @param compacted  whether the topic uses {@code cleanup.policy=compact}
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank, was '" + name + "'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions + " for topic " + name);
        }
    }

    /** Parses {@code name:partitions[:compact]}; partitions default to 1. */
    public static TopicSpec parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length > 3 || (parts.length == 3 && !parts[2].equals("compact"))) {
            throw new IllegalArgumentException("expected name:partitions[:compact], was '" + text + "'");
        }
        try {
            int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            return new TopicSpec(parts[0], partitions, parts.length == 3);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("partitions must be an integer in '" + text + "'", e);
        }
    }

    /** Parses a comma-separated list of specs; blank input gives an empty list. */
    public static List<TopicSpec> parseList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(TopicSpec::parse).toList();
    }

    /** Creates this topic on the broker unless it exists. */
    public void createOn(EmbeddedKafkaBroker broker) {
        broker.createTopic(name, partitions, compacted ? Map.of("cleanup.policy", "compact") : Map.of());
    }
}
