package dev.homeostat.operator.telemetry;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One app as the telemetry collectors see it: where its pods are and how to reach their metrics and Kafka.
 *
 * @param namespace    the custom resource's namespace
 * @param name         the custom resource's name
 * @param kind         {@code StreamApp} or {@code MicroService}
 * @param podSelector  labels that select the app's pods (the Deployment's selector)
 * @param metricsPort  port the pods serve Prometheus text on
 * @param metricsPath  path of the Prometheus endpoint, e.g. {@code /q/metrics}
 * @param kafka        the consumer group to watch; empty for apps that are not consumer groups
 */
public record ScrapeTarget(String namespace, String name, String kind, Map<String, String> podSelector,
                           int metricsPort, String metricsPath, Optional<KafkaTarget> kafka) {

    /** Copies the selector and rejects missing parts. */
    public ScrapeTarget {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metricsPath, "metricsPath");
        Objects.requireNonNull(kafka, "kafka");
        podSelector = Map.copyOf(podSelector);
        if (metricsPort < 1 || metricsPort > 65535) {
            throw new IllegalArgumentException("metricsPort must be in 1..65535, got " + metricsPort);
        }
    }

    /** {@code namespace/name}, the key every per-app structure uses. */
    public String key() {
        return namespace + "/" + name;
    }
}
