package dev.homeostat.operator.scaler;

import dev.homeostat.operator.api.KafkaSpec;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.MetricsEndpoint;
import dev.homeostat.operator.model.WorkloadLabels;
import dev.homeostat.operator.telemetry.KafkaTarget;
import dev.homeostat.operator.telemetry.ScrapeTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;

/** Turns a workload into what the telemetry collectors need: pod selector, metrics endpoint and consumer group. */
final class ScrapeTargets {

    private ScrapeTargets() {
    }

    /**
     * The scrape target of {@code app}. A StreamApp whose bootstrap ConfigMap key is missing gets no Kafka part
     * (its pods are still scraped); the reconciler reports the missing reference in Degraded.
     */
    static ScrapeTarget of(Workload app, KubernetesClient client) {
        MetricsEndpoint endpoint = MetricsEndpoint.of(app);
        Optional<KafkaTarget> kafka = Optional.empty();
        if (app instanceof StreamApp stream && stream.getSpec().getKafka() != null) {
            KafkaSpec spec = stream.getSpec().getKafka();
            kafka = bootstrap(spec, app.getMetadata().getNamespace(), client)
                    .map(servers -> new KafkaTarget(servers, spec.getConsumerGroup(), spec.getInputTopics(), Map.of()));
        }
        return new ScrapeTarget(app.getMetadata().getNamespace(), app.getMetadata().getName(), app.getKind(),
                WorkloadLabels.selector(app), endpoint.port(), endpoint.path(), kafka);
    }

    private static Optional<String> bootstrap(KafkaSpec spec, String namespace, KubernetesClient client) {
        if (spec.getBootstrapServers() != null) {
            return Optional.of(spec.getBootstrapServers());
        }
        var from = spec.getBootstrapServersFrom();
        if (from == null || from.getName() == null) {
            return Optional.empty();
        }
        var map = client.configMaps().inNamespace(namespace).withName(from.getName()).get();
        return map == null || map.getData() == null ? Optional.empty() : Optional.ofNullable(map.getData().get(from.getKey()));
    }
}
