package dev.homeostat.operator.scaler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.DecisionSource;
import dev.homeostat.operator.api.KafkaSpec;
import dev.homeostat.operator.api.MetricsSpec;
import dev.homeostat.operator.api.ScalingDecision;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.StreamAppScaling;
import dev.homeostat.operator.api.StreamAppSlo;
import dev.homeostat.operator.api.StreamAppSpec;
import dev.homeostat.operator.model.Conditions;
import dev.homeostat.operator.reconcile.ClusterAssertions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scaler loop end to end, in the JVM: the Fabric8 mock API server (CRUD), the real in-JVM Kafka broker, the
 * real telemetry collectors, and simulated pods that consume at a set capacity and serve real Micrometer output
 * on their own loopback addresses. Telemetry every 500 ms, so each scenario takes seconds.
 */
@QuarkusTest
@TestProfile(ScalerScenariosTest.FastLoop.class)
@WithKubernetesTestServer(crud = true)
class ScalerScenariosTest {

    /** A short interval and short app timings, so decisions come within seconds. */
    public static class FastLoop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "homeostat.scaler.enabled", "true",
                    "homeostat.telemetry.interval", "500ms",
                    "homeostat.scaler.ready-delay", "1s",
                    "homeostat.scaler.rebalance", "1s",
                    "homeostat.scaler.forecast-min-samples", "20",
                    "homeostat.scaler.persist-interval", "1s",
                    "homeostat.scaler.oom-warning", "120s");
        }
    }

    static final String NAMESPACE = "scaler-test";
    static final Duration LONG = Duration.ofSeconds(60);

    @Inject
    KubernetesClient client;

    final List<SimulatedApp> apps = new ArrayList<>();
    final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();

    @BeforeEach
    void namespace() {
        ClusterAssertions.ensureNamespace(client, NAMESPACE);
    }

    @AfterEach
    void stopApps() {
        apps.forEach(SimulatedApp::close);
        apps.clear();
    }

    @Test
    void reactiveAppScalesUpAfterLagAppearsAndDownOnlyAfterStabilization() {
        // given a Reactive app whose pods each process 100 records/s, offered 60 records/s
        SimulatedApp app = start("ramp", ScalingMode.Reactive, false, 100, 6, 4);
        app.offer(60);
        awaitCapacityLearned("ramp");

        // when the load ramps to 330 records/s (more than three pods can take)
        app.offer(330);

        // then the scaler scales up through the scale subresource, and says which term won and why
        await().atMost(LONG).until(() -> replicas("ramp") >= 4);
        ScalingDecision up = get("ramp").getStatus().getLastDecision();
        assertEquals(DecisionSource.Reactive, up.getSource());
        assertTrue(List.of("Reactive", "LagDrain", "Guardrail", "Bound").contains(up.getTerm()), up.getTerm());
        assertEquals(Boolean.TRUE, up.getApplied());
        assertNotNull(up.getCapacityPerReplica(), "capacity in the decision");
        assertTrue(up.getExplanation().length() > 20, up.getExplanation());
        await().atMost(LONG).untilAsserted(() -> assertTrue(client.apps().deployments().inNamespace(NAMESPACE)
                .withName("ramp").get().getSpec().getReplicas() >= 4, "the Deployment follows"));
        assertTrue(scaledEvents("ramp", "ScaledUp") >= 1, "an Event for the change");
        printStatus("ramp");

        // when the load falls
        app.offer(20);

        // then it scales down, but not before the stabilization window since the last scale-up
        int high = replicas("ramp");
        await().atMost(LONG).until(() -> replicas("ramp") < high);
        ScalingDecision down = get("ramp").getStatus().getLastDecision();
        assertTrue(down.getTo() < down.getFrom(), "a scale-down: " + down.getFrom() + " -> " + down.getTo());
        java.time.Instant upAt = java.time.Instant.parse(up.getTime());
        java.time.Instant downAt = java.time.Instant.parse(down.getTime());
        assertFalse(downAt.isBefore(upAt.plusSeconds(STABILIZATION_SECONDS)),
                "scale-down at " + downAt + " came within the " + STABILIZATION_SECONDS + " s window after " + upAt);
    }

    static final int STABILIZATION_SECONDS = 4;

    // ---- helpers ---------------------------------------------------------------------------------------------

    SimulatedApp start(String name, ScalingMode mode, boolean shadow, double capacityPerPod, int maxReplicas,
                       int partitions) {
        broker.createTopic(name + "-in", partitions);
        StreamApp cr = new StreamApp();
        cr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        StreamAppSpec spec = new StreamAppSpec();
        spec.setImage("test/" + name + ":1");
        spec.setMinReplicas(1);
        spec.setMaxReplicas(maxReplicas);
        KafkaSpec kafka = new KafkaSpec();
        kafka.setBootstrapServers(broker.bootstrapServers());
        kafka.setInputTopics(List.of(name + "-in"));
        kafka.setConsumerGroup(name + "-group");
        spec.setKafka(kafka);
        StreamAppScaling scaling = new StreamAppScaling();
        scaling.setMode(mode);
        scaling.setShadow(shadow);
        scaling.setStabilizationWindowSeconds(STABILIZATION_SECONDS);
        StreamAppSlo slo = new StreamAppSlo();
        slo.setMaxLagSeconds(5.0);
        scaling.setSlo(slo);
        spec.setScaling(scaling);
        SimulatedApp app = new SimulatedApp(client, NAMESPACE, name, name + "-in", broker.bootstrapServers(), capacityPerPod);
        MetricsSpec metrics = new MetricsSpec();
        metrics.setPort(app.metricsPort());
        spec.setMetrics(metrics);
        cr.setSpec(spec);
        apps.add(app);
        client.resource(cr).create();
        return app;
    }

    StreamApp get(String name) {
        return client.resources(StreamApp.class).inNamespace(NAMESPACE).withName(name).get();
    }

    int replicas(String name) {
        StreamApp app = get(name);
        return app.getSpec().getReplicas() == null ? 1 : app.getSpec().getReplicas();
    }

    Optional<Condition> condition(String name, String type) {
        StreamApp app = get(name);
        return app.getStatus() == null ? Optional.empty() : Conditions.find(app.getStatus().getConditions(), type);
    }

    void awaitCondition(String name, String type, String status, String reason) {
        await().atMost(LONG).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Condition c = condition(name, type).orElse(null);
            assertNotNull(c, type + " present");
            assertEquals(status + "/" + reason, c.getStatus() + "/" + c.getReason(), type + ": " + c.getMessage());
        });
    }

    /** Waits until the model status reports a learned capacity (the scaler has seen busy pods). */
    void awaitCapacityLearned(String name) {
        await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> condition(name, ConditionTypes.SCALING)
                .map(c -> "True".equals(c.getStatus())).orElse(false));
    }

    long scaledEvents(String name, String reason) {
        return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())).count();
    }

    /** Prints the status as {@code kubectl get sapp -o yaml} shows it, for the record of a decision. */
    void printStatus(String name) {
        System.out.println("---- status of StreamApp " + name + " ----\n" + Serialization.asYaml(get(name).getStatus()));
    }
}
