package dev.homeostat.operator.scaler;

import static org.awaitility.Awaitility.await;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.operator.api.KafkaSpec;
import dev.homeostat.operator.api.MetricsSpec;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.StreamAppScaling;
import dev.homeostat.operator.api.StreamAppSlo;
import dev.homeostat.operator.api.StreamAppSpec;
import dev.homeostat.operator.reconcile.ClusterAssertions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Decision latency, lag spike → new spec.replicas, measured end to end (real broker, real collectors, simulated
 * pods, the operator's loop and the mock API server) and printed; not an assertion. Run with
 * {@code ./mvnw -B -pl operator -am test -Dtest=DecisionLatencyBenchmark -Dbench.decisionLatency=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures are in docs/benchmarks.md.
 */
@QuarkusTest
@TestProfile(DecisionLatencyBenchmark.Interval.class)
@WithKubernetesTestServer(crud = true)
@EnabledIfSystemProperty(named = "bench.decisionLatency", matches = "true")
class DecisionLatencyBenchmark {

    static final int INTERVAL_MS = 2000;
    static final int TRIALS = 3;

    /** A 2 s telemetry interval. */
    public static class Interval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeostat.scaler.enabled", "true",
                    "homeostat.telemetry.interval", INTERVAL_MS + "ms",
                    "homeostat.telemetry.scrape-timeout", "1500ms",
                    "homeostat.telemetry.source-timeout", "1800ms",
                    "quarkus.log.category.\"org.apache.kafka\".level", "WARN",
                    "quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
        }
    }

    @Inject
    KubernetesClient client;

    @Inject
    MeterRegistry registry;

    @Inject
    dev.homeostat.operator.telemetry.Ticker ticker;

    @Test
    void lagSpikeToNewSpecReplicas() {
        ClusterAssertions.ensureNamespace(client, "bench");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();
        List<Long> latencies = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            String name = "latency-" + trial;
            broker.createTopic(name + "-in", 6);
            try (SimulatedApp app = new SimulatedApp(client, ticker, "bench", name, name + "-in", broker.bootstrapServers(), 100)) {
                client.resource(app(name, app.metricsPort(), broker.bootstrapServers())).create();
                app.offer(40);
                // the scaler has learned the pods' capacity and holds at one replica
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    var g = registry.find("homeostat.capacity.per.replica").tag("app", name).gauge();
                    return g != null && g.value() > 0;
                });
                long spike = System.nanoTime();
                app.offer(500);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    Integer replicas = client.resources(StreamApp.class).inNamespace("bench").withName(name).get()
                            .getSpec().getReplicas();
                    return replicas != null && replicas > 1;
                });
                latencies.add((System.nanoTime() - spike) / 1_000_000);
                client.resources(StreamApp.class).inNamespace("bench").withName(name).delete();
            }
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "decision latency (lag spike -> new spec.replicas), telemetry interval %d ms: %s ms; "
                        + "max %.2f intervals; load average %.1f on %d cores%n", INTERVAL_MS, latencies,
                latencies.stream().mapToLong(Long::longValue).max().orElseThrow() / (double) INTERVAL_MS, load,
                Runtime.getRuntime().availableProcessors());
    }

    private static StreamApp app(String name, int port, String bootstrap) {
        StreamApp cr = new StreamApp();
        cr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("bench").build());
        StreamAppSpec spec = new StreamAppSpec();
        spec.setImage("bench/" + name + ":1");
        spec.setMinReplicas(1);
        spec.setMaxReplicas(6);
        KafkaSpec kafka = new KafkaSpec();
        kafka.setBootstrapServers(bootstrap);
        kafka.setInputTopics(List.of(name + "-in"));
        kafka.setConsumerGroup(name + "-group");
        spec.setKafka(kafka);
        StreamAppScaling scaling = new StreamAppScaling();
        scaling.setMode(ScalingMode.Reactive);
        StreamAppSlo slo = new StreamAppSlo();
        slo.setMaxLagSeconds(5.0);
        scaling.setSlo(slo);
        spec.setScaling(scaling);
        MetricsSpec metrics = new MetricsSpec();
        metrics.setPort(port);
        spec.setMetrics(metrics);
        cr.setSpec(spec);
        return cr;
    }
}
