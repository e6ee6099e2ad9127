package dev.homeostat.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the effective producer settings Kafka logs when a producer starts ("ProducerConfig values:" followed by one
 * tab-indented {@code key = value} line per setting, after Kafka resolved defaults such as idempotence).
 */
final class ProducerConfigs {

    private ProducerConfigs() {
    }

    /** Client id to its logged settings, for every producer in the output. */
    static Map<String, Map<String, String>> parse(String output) {
        Map<String, Map<String, String>> producers = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : output.lines().toList()) {
            if (line.contains("ProducerConfig values:")) {
                current = new LinkedHashMap<>();
            } else if (current != null && line.startsWith("\t") && line.contains(" = ")) {
                String[] pair = line.trim().split(" = ", 2);
                current.put(pair[0], pair[1]);
            } else if (current != null) {
                producers.put(current.getOrDefault("client.id", "?" + producers.size()), current);
                current = null;
            }
        }
        if (current != null) {
            producers.put(current.getOrDefault("client.id", "?" + producers.size()), current);
        }
        return producers;
    }
}
