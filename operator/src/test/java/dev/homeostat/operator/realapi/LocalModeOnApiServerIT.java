package dev.homeostat.operator.realapi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.embedded.EmbeddedApiServer;
import dev.homeostat.operator.local.LocalMode;
import dev.homeostat.operator.local.RunSummary;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Local mode with {@code --kubeconfig} on the tier's API server (no nodes, no controllers): the embedded build's
 * client for that kubeconfig, the sample apps as CRs, the operator reconciling them, the local runtime standing in for
 * the kubelet and the Deployment controller. Everything is checked through the API server, as kubectl sees it; at the
 * end no app process is left and what the run created is gone again.
 */
@RealApiTier
@QuarkusTest
@TestProfile(LocalModeOnApiServerIT.OnTheTiersApiServer.class)
class LocalModeOnApiServerIT {

    private static final String NAMESPACE = "realapi.local-mode.namespace";
    private static final Duration READY = Duration.ofMinutes(4);

    /**
     * The embedded build (its profile: local mode on, the client from --kubeconfig), in a namespace of its own named by
     * a copy of KUBECONFIG whose context points there, with the local-mode test's two sample apps.
     */
    public static class OnTheTiersApiServer implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "embedded";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            if (Cluster.kubeconfig().isEmpty()) {
                return Map.of(); // the class is disabled; nothing will start
            }
            String namespace = namespace();
            Path kubeconfig = kubeconfigFor(namespace);
            return Map.ofEntries(
                    Map.entry("quarkus.http.test-port", "0"),
                    Map.entry("homeostat.local.exit-at-end", "false"),
                    Map.entry("homeostat.local.flags", "--kubeconfig " + kubeconfig.toAbsolutePath()
                            + " --trace src/test/resources/local-mode/burst.csv --compress 360 --peak-rate 400"),
                    Map.entry("homeostat.local.termination-grace-period", "15s"),
                    Map.entry("homeostat.local.drain-timeout", "30s"),
                    Map.entry("homeostat.local.work-dir", "target/realapi/local-mode"),
                    Map.entry("homeostat.embedded.examples-dir", "src/test/resources/local-mode"),
                    // The tier's other classes leave their apps in their own namespaces: not this operator's.
                    Map.entry("quarkus.operator-sdk.namespaces", namespace));
        }

        /** One namespace per JVM (the profile is read more than once), created on first use. */
        private static String namespace() {
            synchronized (System.getProperties()) {
                String name = System.getProperty(NAMESPACE);
                if (name == null) {
                    name = Cluster.uniqueName("local-mode");
                    try (KubernetesClient admin = Cluster.admin()) {
                        Cluster.createNamespace(admin, name);
                    }
                    System.setProperty(NAMESPACE, name);
                }
                return name;
            }
        }

        private static Path kubeconfigFor(String namespace) {
            try {
                var config = KubeConfigUtils.parseConfigFromString(Files.readString(Cluster.kubeconfig().orElseThrow()));
                config.getContexts().stream().filter(c -> c.getName().equals(config.getCurrentContext())).findFirst()
                        .orElseThrow().getContext().setNamespace(namespace);
                Path file = Files.createDirectories(Path.of("target", "realapi")).resolve("local-mode.kubeconfig");
                return Files.writeString(file, Serialization.asYaml(config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    LocalMode local;

    private static LocalMode started;

    @AfterAll
    static void endTheRun() {
        if (started != null) {
            started.finish();
        }
    }

    @Test
    void runsTheLoopOnTheApiServerAndLeavesNothingBehind() {
        assumeTrue(Files.isRegularFile(Path.of("../apps/trade-signals/target/quarkus-app/quarkus-run.jar")),
                "app jars not built: run the reactor (./mvnw package) first");
        assertTrue(Arc.container().instance(EmbeddedApiServer.class).isAvailable(), "not the embedded build's client");
        started = local;
        assertTrue(local.active(), "local mode did not start");
        String namespace = System.getProperty(NAMESPACE);

        try (KubernetesClient admin = Cluster.admin()) {
            // Status as kubectl describe shows it: reconciled at the current generation, Ready, a decision with a reason.
            for (Class<? extends Workload> kind : List.of(StreamApp.class, MicroService.class)) {
                await(kind.getSimpleName() + " status").atMost(READY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    var apps = admin.resources(kind).inNamespace(namespace).list().getItems();
                    assertFalse(apps.isEmpty(), "no " + kind.getSimpleName());
                    for (Workload app : apps) {
                        var status = app.workloadStatus();
                        assertNotNull(status, app.getMetadata().getName() + " has no status");
                        assertEquals(app.getMetadata().getGeneration(), status.getObservedGeneration(), "observedGeneration");
                        assertTrue(status.getConditions().stream().anyMatch(c -> c.getType().equals("Ready")
                                && c.getStatus().equals("True")), () -> "not Ready: " + status.getConditions());
                        assertTrue(status.getConditions().stream().map(c -> c.getType()).toList()
                                .containsAll(List.of("Scaling", "Degraded", "AnomalyDetected")), "conditions");
                        assertNotNull(status.getLastDecision(), "lastDecision");
                        assertFalse(status.getLastDecision().getExplanation().isBlank(), "a decision without a reason");
                    }
                });
            }

            // Pods as a kubelet reports them: a loopback IP each, Ready, owned by the app's Deployment.
            List<Pod> pods = admin.pods().inNamespace(namespace).list().getItems();
            assertTrue(pods.size() >= 2, "pods: " + pods.size());
            for (Pod pod : pods) {
                assertTrue(pod.getStatus().getPodIP().startsWith("127."), "podIP " + pod.getStatus().getPodIP());
                assertTrue(pod.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Ready")
                        && c.getStatus().equals("True")), pod.getMetadata().getName() + " not Ready");
                assertEquals("Deployment", pod.getMetadata().getOwnerReferences().getFirst().getKind());
            }
            var deployment = admin.apps().deployments().inNamespace(namespace).withName("trade-signals").get();
            assertTrue(deployment.getStatus().getReadyReplicas() >= 1, "the Deployment's status, as its controller writes it");

            // trade-signals' manifest leaves spec.replicas out: its scale subresource answers all the same.
            var scale = admin.resources(StreamApp.class).inNamespace(namespace).withName("trade-signals").scale();
            assertEquals(deployment.getSpec().getReplicas(), scale.getSpec().getReplicas(), "GET …/scale");

            RunSummary summary = local.finish().orElseThrow();
            assertEquals(0, summary.recordsLost(), summary.render());
            assertEquals(0, summary.processesLeft(), "processes left running");
            for (long pid : local.runtime().startedPids()) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " alive");
            }
            // The end removed what the run created (the API server has no garbage collector to do it).
            assertTrue(admin.resources(StreamApp.class).inNamespace(namespace).list().getItems().isEmpty(), "StreamApps left");
            assertTrue(admin.resources(MicroService.class).inNamespace(namespace).list().getItems().isEmpty(), "MicroServices left");
            assertTrue(admin.apps().deployments().inNamespace(namespace).list().getItems().isEmpty(), "Deployments left");
            assertTrue(admin.pods().inNamespace(namespace).list().getItems().isEmpty(), "Pods left");
            assertTrue(admin.configMaps().inNamespace(namespace).list().getItems().stream()
                    .allMatch(c -> c.getMetadata().getName().equals("kube-root-ca.crt")), "ConfigMaps left");
        }
    }
}
