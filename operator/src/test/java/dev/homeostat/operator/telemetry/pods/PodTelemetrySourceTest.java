package dev.homeostat.operator.telemetry.pods;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.model.WorkloadLabels;
import dev.homeostat.operator.telemetry.ManualTicker;
import dev.homeostat.operator.telemetry.ScrapeTarget;
import dev.homeostat.operator.telemetry.SourceResult;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pod source against the Fabric8 mock API server in CRUD mode: Pod objects whose status says Ready with a
 * loopback podIP (127.0.0.N), each served by a real HTTP server with real Micrometer output.
 */
class PodTelemetrySourceTest {

    private static final String NAMESPACE = "pods-test";
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private KubernetesMockServer api;
    private KubernetesClient client;
    private PodDirectory directory;
    private PodTelemetrySource source;
    private final ManualTicker ticker = new ManualTicker();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        api.init(InetAddress.getByName("127.0.0.1"), 0);
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + api.getPort() + "/").build();
        client = new KubernetesClientBuilder().withConfig(config).build();
        directory = new PodDirectory(client);
        source = new PodTelemetrySource(directory, new MetricsScraper(Duration.ofSeconds(1), 4, 64 * 1024, ticker));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        directory.close();
        client.close();
        api.destroy();
    }

    private FakePod fakePod(String ip) {
        var pod = new FakePod(ip);
        closeables.add(pod);
        return pod;
    }

    private static ScrapeTarget app(String name) {
        return new ScrapeTarget(NAMESPACE, name, "StreamApp",
                Map.of(WorkloadLabels.NAME, name, WorkloadLabels.COMPONENT, "stream-app"), 8080, "/q/metrics",
                Optional.empty());
    }

    /** A Pod of {@code app} as a kubelet would report it, scraped on {@code port} through the annotation. */
    private void pod(String app, String name, String ip, int port, boolean ready, int restarts) {
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE)
                    .addToLabels(WorkloadLabels.NAME, app).addToLabels(WorkloadLabels.COMPONENT, "stream-app")
                    .addToLabels(WorkloadLabels.MANAGED_BY, WorkloadLabels.MANAGER)
                    .addToAnnotations(PodTelemetrySource.PORT_ANNOTATION, String.valueOf(port))
                .endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("homeostat/trade-signals:test").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip)
                    .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                    .addNewContainerStatus().withName("app").withReady(ready).withRestartCount(restarts).endContainerStatus()
                .endStatus()
                .build();
        client.resource(pod).create();
    }

    private void awaitPods(String app, int count) {
        directory.ready(NAMESPACE).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.pods(NAMESPACE, app(app).podSelector()).size() == count);
    }

    private SourceResult collect(String app, Instant now) throws Exception {
        return source.collect(app(app), now).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void ratesAndGaugesFromTheReadyPodsOfOneApp() throws Exception {
        // given two ready pods and one not-ready pod of "signals", and a pod of another app
        FakePod a = fakePod("127.0.0.2");
        FakePod b = fakePod("127.0.0.3");
        FakePod other = fakePod("127.0.0.4");
        pod("signals", "signals-a", a.ip, a.port(), true, 0);
        pod("signals", "signals-b", b.ip, b.port(), true, 2);
        pod("signals", "signals-c", "127.0.0.5", 1, false, 1);
        pod("other", "other-a", other.ip, other.port(), true, 0);
        awaitPods("signals", 3);
        a.busy.set(0.2);
        b.busy.set(0.6);

        // when collected once
        SourceResult first = collect("signals", T0);

        // then the gauges are there, rates are not yet (no baseline), restarts count every pod
        assertTrue(first.ok(), first.reason());
        assertEquals(2.0, first.signals().readyPods());
        assertEquals(3.0, first.signals().restarts());
        assertEquals(0.4, first.signals().busyFraction(), 1e-9);
        assertTrue(first.signals().heapUsedBytes() > 0);
        assertTrue(first.signals().heapMaxBytes() >= first.signals().heapUsedBytes());
        assertTrue(Double.isNaN(first.signals().processedRate()));

        // when the pods process 300 and 500 records (2 ms each) and the next round is 10 s later
        a.process(300, Duration.ofMillis(2));
        b.process(500, Duration.ofMillis(2));
        other.process(10_000, Duration.ofMillis(1));
        ticker.advance(Duration.ofSeconds(10));
        SourceResult second = collect("signals", T0.plusSeconds(10));

        // then the processed rate is the pods' sum over 10 s, and the processing time per record is 2 ms
        assertEquals(80.0, second.signals().processedRate(), 1e-9);
        assertEquals(0.002, second.signals().processingSeconds(), 1e-9);
    }

    @Test
    void aScrapeThatRanLateIsDividedByTheTimeBetweenTheReadsNotTheInterval() throws Exception {
        // given one pod of an app, collected in a round the scaler loop stamps T0
        FakePod pod = fakePod("127.0.0.14");
        pod("late", "late-a", pod.ip, pod.port(), true, 0);
        awaitPods("late", 1);
        collect("late", T0);

        // when the next round is stamped one 15 s interval later, but the machine was busy and the scrape was read
        // 30 s after the first one, while the pod processed its steady 10 records/s all along
        pod.process(300, Duration.ofMillis(1));
        ticker.advance(Duration.ofSeconds(30));
        SourceResult second = collect("late", T0.plusSeconds(15));

        // then the rate is the true 10 records/s (300 over the 30 s between the reads), not 300 / 15 = 20
        assertTrue(second.ok(), second.reason());
        assertEquals(10.0, second.signals().processedRate(), 1e-9);
    }

    @Test
    void noReadyPodIsMissingTelemetryNotZeroLoad() throws Exception {
        pod("idle", "idle-a", "127.0.0.6", 8080, false, 0);
        awaitPods("idle", 1);

        SourceResult result = collect("idle", T0);

        assertFalse(result.ok());
        assertTrue(result.reason().startsWith("no ready pod with an IP among 1 pods"), result.reason());
        assertEquals(0.0, result.signals().readyPods());
        assertTrue(Double.isNaN(result.signals().processedRate()));
    }

    /** A socket that accepts connections (they wait in its backlog) and never answers. */
    private ServerSocket silentPod(String ip) throws IOException {
        ServerSocket silent = new ServerSocket();
        silent.bind(new InetSocketAddress(ip, 0));
        closeables.add(silent);
        return silent;
    }

    @Test
    void aPodThatNeverAnswersDoesNotHoldUpAnotherApp() throws Exception {
        // given a source with a long scrape timeout, an app whose only pod never answers, and a healthy app
        var patient = new PodTelemetrySource(directory, new MetricsScraper(Duration.ofSeconds(60), 4, 64 * 1024));
        ServerSocket silent = silentPod("127.0.0.7");
        FakePod healthy = fakePod("127.0.0.8");
        pod("stuck", "stuck-a", "127.0.0.7", silent.getLocalPort(), true, 0);
        pod("fine", "fine-a", healthy.ip, healthy.port(), true, 0);
        awaitPods("stuck", 1);
        awaitPods("fine", 1);

        // when both are collected at once
        CompletableFuture<SourceResult> stuck = patient.collect(app("stuck"), T0).toCompletableFuture();
        SourceResult fine = patient.collect(app("fine"), T0).toCompletableFuture().get(20, TimeUnit.SECONDS);

        // then the healthy app is done while the stuck one still waits
        assertTrue(fine.ok(), fine.reason());
        assertFalse(stuck.isDone(), "the silent pod cannot have answered");

        // and when the silent pod goes away, the stuck app ends with a reason, not an exception
        silent.close();
        SourceResult result = stuck.get(20, TimeUnit.SECONDS);
        assertFalse(result.ok());
        assertTrue(result.reason().startsWith("1 of 1 ready pods gave no sample: stuck-a: http://127.0.0.7:"),
                result.reason());
    }

    @Test
    void aPodThatNeverAnswersTimesOutWithAReason() throws Exception {
        // given a pod that never answers and a 1 s scrape timeout
        ServerSocket silent = silentPod("127.0.0.13");
        pod("slow", "slow-a", "127.0.0.13", silent.getLocalPort(), true, 0);
        awaitPods("slow", 1);

        // when collected, then it is missing with the timeout as the reason
        SourceResult result = collect("slow", T0);
        assertFalse(result.ok());
        assertTrue(result.reason().endsWith("/q/metrics: no answer within 1000 ms"), result.reason());
    }

    @Test
    void hostileTextRejectsThatPodsSampleWithAReason() throws Exception {
        // given three pods: one serving a body above the 64 KiB cap, one malformed, one with a NaN busy ratio
        FakePod huge = fakePod("127.0.0.9");
        FakePod garbage = fakePod("127.0.0.10");
        FakePod nan = fakePod("127.0.0.11");
        FakePod good = fakePod("127.0.0.12");
        huge.serve(() -> "homeostat_records_in_total 1\n".repeat(10_000));
        garbage.serve(() -> "homeostat_records_in_total{topic=\"q\" 12\n");
        nan.serve(() -> "homeostat_busy_ratio NaN\n");
        pod("hostile", "hostile-huge", huge.ip, huge.port(), true, 0);
        pod("hostile", "hostile-garbage", garbage.ip, garbage.port(), true, 0);
        pod("hostile", "hostile-nan", nan.ip, nan.port(), true, 0);
        pod("hostile", "hostile-good", good.ip, good.port(), true, 0);
        awaitPods("hostile", 4);
        good.busy.set(0.3);

        // when collected
        SourceResult result = collect("hostile", T0);

        // then each bad pod is named with its reason, and the good pod's busy ratio still counts
        assertFalse(result.ok());
        assertTrue(result.reason().startsWith("3 of 4 ready pods gave no sample"), result.reason());
        assertTrue(result.reason().contains("hostile-huge: http://127.0.0.9:" + huge.port()
                + "/q/metrics: rejected: body larger than 65536 bytes"), result.reason());
        assertTrue(result.reason().contains("hostile-garbage: rejected: line 1: expected ',' or '}'"), result.reason());
        assertTrue(result.reason().contains("hostile-nan: rejected: non-finite value NaN for homeostat_busy_ratio"),
                result.reason());
        assertEquals(0.3, result.signals().busyFraction(), 1e-9);
        assertTrue(Double.isNaN(result.signals().heapUsedBytes()), "a sum over pods is unknown when pods are missing");
    }
}
