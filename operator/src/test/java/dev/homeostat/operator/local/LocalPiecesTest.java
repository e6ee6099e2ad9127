package dev.homeostat.operator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.embedded.Manifests;
import dev.homeostat.operator.model.DeploymentModel;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of local mode: image → jar, heap from the limit, traces, sample rewriting, pod templates. */
class LocalPiecesTest {

    @TempDir
    Path temp;

    @Test
    void imagesMapToAppDirectoriesByTheProjectsRule() throws Exception {
        assertEquals(Optional.of("trade-signals"), AppJars.appDirectory("homeostat/trade-signals:0.1.0-SNAPSHOT"));
        assertEquals(Optional.of("portfolio"), AppJars.appDirectory("registry.example:5000/homeostat/portfolio"));
        assertEquals(Optional.empty(), AppJars.appDirectory("ghcr.io/someone/else:1"));
        Files.createDirectories(temp.resolve("market-feed/target/quarkus-app"));
        Files.writeString(temp.resolve("market-feed/target/quarkus-app/quarkus-run.jar"), "");
        var jars = new AppJars(temp);
        assertEquals(temp.resolve("market-feed/target/quarkus-app/quarkus-run.jar"), jars.jarFor("homeostat/market-feed:1"));
        assertTrue(assertThrows(IllegalStateException.class, () -> jars.jarFor("homeostat/portfolio:1")).getMessage()
                .contains("build the apps first"));
    }

    @Test
    void heapIsSixtyPercentOfTheMemoryLimit() {
        var jvm = new JvmCommand("java", "-XX:+UseSerialGC", "192m");
        var limited = new ContainerBuilder().withNewResources().addToLimits("memory", new Quantity("1Gi")).endResources().build();
        assertEquals("614m", jvm.maxHeap(limited));
        assertEquals("192m", jvm.maxHeap(new ContainerBuilder().build()));
        assertEquals(List.of("java", "-XX:+UseSerialGC", "-Xmx614m", "-jar", "app.jar"), jvm.command(Path.of("app.jar"), limited));
    }

    @Test
    void traceIntervalPeakAndReplaySpeed() {
        var trace = LoadTrace.read(Path.of("src/test/resources/local-mode/burst.csv"), "burst");
        assertEquals(Duration.ofMinutes(30), trace.pointInterval());
        assertEquals(10_000, trace.peak());
        assertEquals(10.0, trace.secondsPerPoint(180), 1e-9);
        assertEquals(0.3, trace.scaleFor(3000), 1e-9);
        assertEquals(200, trace.valueAt(Duration.ofSeconds(5), 180));
        assertEquals(10_000, trace.valueAt(Duration.ofSeconds(45), 180));
    }

    @Test
    void builtInDailyCycleIsWrittenWhenNoTraceIsGiven() {
        var trace = LoadTrace.read(LoadTrace.writeDailyCycle(temp.resolve("d.csv")), "daily");
        assertEquals(Duration.ofMinutes(30), trace.pointInterval());
        assertEquals(7 * 48, trace.values().length);
        assertTrue(trace.valueAt(Duration.ofSeconds(18 * 2 * 5), 360) > 3 * trace.valueAt(Duration.ofSeconds(3 * 2 * 5), 360),
                "evening above night");
    }

    @Test
    void samplesPointAtTheLocalBrokerAndTheFeedReplaysTheTrace() {
        List<HasMetadata> manifests = SampleWorkloads.localise(Manifests.loadDirectory(Path.of("src/test/resources/local-mode")),
                "127.0.0.1:1234", Map.of("MARKET_FEED_PROFILE_TYPE", "trace"));
        var config = manifests.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).findFirst().orElseThrow();
        assertEquals("127.0.0.1:1234", config.getData().get("bootstrap.servers"));
        var feed = manifests.stream().filter(m -> m.getMetadata().getName().equals("market-feed")).findFirst().orElseThrow();
        List<EnvVar> env = ((dev.homeostat.operator.api.Workload) feed).workloadSpec().getEnv();
        assertTrue(env.stream().anyMatch(v -> v.getName().equals("MARKET_FEED_PROFILE_TYPE") && v.getValue().equals("trace")));
        assertEquals(java.util.Set.of("quotes", "orders", "payments", "alerts"), java.util.Set.copyOf(SampleWorkloads.topics(manifests)));
    }

    @Test
    void podsCarryTheTemplateAndATemplateChangeChangesTheHash() {
        StreamApp app = (StreamApp) Manifests.loadFile(Path.of("src/test/resources/local-mode/trade-signals.yaml")).getFirst();
        app.getMetadata().setNamespace("ns");
        app.getMetadata().setUid("uid-1");
        app.getSpec().getKafka().setBootstrapServers("127.0.0.1:1");
        app.getSpec().getKafka().setBootstrapServersFrom(null);
        var deployment = DeploymentModel.of(app);
        deployment.getMetadata().setUid("dep-uid");
        String hash = PodObjects.templateHash(deployment);
        var replica = new LocalReplica("ns", "trade-signals", "trade-signals-x", hash, "127.0.0.9", 8080, List.of("java"), Map.of(),
                temp.resolve("log"), new ProcessLauncher());
        var pod = PodObjects.pod(deployment, replica);
        assertEquals("trade-signals", pod.getMetadata().getLabels().get("app.kubernetes.io/name"));
        assertEquals(hash, pod.getMetadata().getLabels().get(PodObjects.TEMPLATE_HASH));
        assertEquals("dep-uid", pod.getMetadata().getOwnerReferences().getFirst().getUid());
        var status = PodObjects.status(replica, "app", "2026-01-01T00:00:00Z");
        assertEquals("127.0.0.9", status.getPodIP());
        assertEquals("False", status.getConditions().getFirst().getStatus());
        assertEquals(0, status.getContainerStatuses().getFirst().getRestartCount());
        deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage("homeostat/trade-signals:2");
        assertNotEquals(hash, PodObjects.templateHash(deployment));
    }

}
