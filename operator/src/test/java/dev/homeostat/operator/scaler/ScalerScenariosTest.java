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
import dev.homeostat.operator.observability.MetricsScrape;
import dev.homeostat.operator.reconcile.ClusterAssertions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URL;
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
            return Map.ofEntries(
                    Map.entry("quarkus.log.category.\"org.apache.kafka\".level", "WARN"),
                    Map.entry("quarkus.log.category.\"kafka\".level", "WARN"),
                    Map.entry("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN"),
                    Map.entry("quarkus.log.category.\"dev.homeostat.operator.scaler\".level", "DEBUG"),
                    Map.entry("homeostat.scaler.enabled", "true"),
                    Map.entry("homeostat.telemetry.interval", "500ms"),
                    Map.entry("homeostat.telemetry.scrape-timeout", "800ms"),
                    Map.entry("homeostat.telemetry.source-timeout", "900ms"),
                    Map.entry("homeostat.scaler.ready-delay", "1s"),
                    Map.entry("homeostat.scaler.forecast-min-samples", "20"),
                    Map.entry("homeostat.scaler.persist-interval", "1s"),
                    Map.entry("homeostat.scaler.oom-warning", "120s"));
        }
    }

    static final String NAMESPACE = "scaler-test";
    static final Duration LONG = Duration.ofSeconds(120);

    @Inject
    KubernetesClient client;

    @Inject
    MeterRegistry registry;

    @Inject
    ScalerLoop loop;

    @Inject
    ScalerViews views;

    @Inject
    dev.homeostat.operator.telemetry.TelemetryCollector collector;

    @Inject
    dev.homeostat.operator.HomeostatConfig config;

    @Inject
    java.time.Clock clock;

    /** The operator's monotonic clock: the simulated apps pace their load and processing on it. */
    @Inject
    dev.homeostat.operator.telemetry.Ticker ticker;

    @Inject
    dev.homeostat.operator.reconcile.WorkloadEvents events;

    @TestHTTPResource("/q/health/ready")
    java.net.URL health;

    final List<SimulatedApp> apps = new ArrayList<>();
    final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();

    @BeforeEach
    void namespace() {
        ClusterAssertions.ensureNamespace(client, NAMESPACE);
    }

    @TestHTTPResource("/q/metrics")
    URL metrics;

    /** The operator's metrics with the scaler loop running, for the chart's dashboard check (DashboardQueriesTest). */
    @AfterEach
    void keepMetricsScrape() throws Exception {
        MetricsScrape.keep("operator-scaler.prom", MetricsScrape.scrape(metrics));
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
        ScalingDecision up = awaitDecision("ramp", d -> d.getTo() >= 4);
        printStatus("ramp");
        assertEquals(DecisionSource.Reactive, up.getSource());
        assertTrue(List.of("Reactive", "LagDrain", "Guardrail", "Bound").contains(up.getTerm()), up.getTerm());
        assertEquals(Boolean.TRUE, up.getApplied());
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
        ScalingDecision down = awaitDecision("ramp", d -> d.getTo() < d.getFrom());
        assertTrue(down.getTo() < down.getFrom(), "a scale-down: " + down.getFrom() + " -> " + down.getTo());
        java.time.Instant upAt = java.time.Instant.parse(up.getTime());
        java.time.Instant downAt = java.time.Instant.parse(down.getTime());
        assertFalse(downAt.isBefore(upAt.plusSeconds(STABILIZATION_SECONDS)),
                "scale-down at " + downAt + " came within the " + STABILIZATION_SECONDS + " s window after " + upAt);
    }

    static final int STABILIZATION_SECONDS = 4;

    @Test
    void aPredictiveAppScalesOnItsForecastBeforeTheSloIsBreached() throws InterruptedException {
        // given a Predictive app on one replica whose pods each process 100 records/s, offered a steady 40 records/s
        // until its capacity is learned and its forecaster has measured its own error (ModelReady=True)
        SimulatedApp app = start("predict", ScalingMode.Predictive, false, 100, 6, 6, 1, broker.bootstrapServers());
        app.offer(40);
        awaitCapacityLearned("predict");
        awaitCondition("predict", ConditionTypes.MODEL_READY, "True", "Trained");
        String quality = condition("predict", ConditionTypes.MODEL_READY).orElseThrow().getMessage();
        assertTrue(quality.contains("the naive forecast's"), "the model's measured quality: " + quality);

        // when the arrival rate ramps up steadily (+5 records/s per second, a trend the forecaster extrapolates),
        // the rate computed from the time elapsed, so a slow iteration of this loop does not flatten the ramp
        double rate = 40;
        double lagAtDecision = Double.NaN;
        long rampStart = ticker.nanos();
        while (replicas("predict") < 2 && rate < 300) {
            rate = 40 + 5 * (ticker.nanos() - rampStart) / 1e9;
            app.offer(rate);
            lagAtDecision = gauge("homeostat.lag.seconds", "predict");
            Thread.sleep(500);
        }

        // then it scales up ahead of the load, before the lag reaches the 5 s SLO, and the forecast term won
        ScalingDecision up = awaitDecision("predict", d -> d.getTo() > d.getFrom());
        printStatus("predict");
        assertEquals(DecisionSource.Predictive, up.getSource());
        assertEquals("Forecast", up.getTerm(), up.getExplanation());
        assertEquals(Boolean.TRUE, up.getApplied());
        assertNotNull(up.getForecastArrivalRate(), "the forecast is recorded");
        assertTrue(up.getLagSeconds() == null || up.getLagSeconds() < 5.0, "lag at the decision: " + up.getLagSeconds());
        assertFalse(lagAtDecision >= 5.0, "the lag never reached the SLO before the scale-up: " + lagAtDecision);
        assertTrue(up.getArrivalRate() != null && up.getArrivalRate() < 100,
                "decided while one pod still kept up: arrival " + up.getArrivalRate() + " records/s");
        awaitCondition("predict", ConditionTypes.MODEL_READY, "True", "Trained");
    }

    @Test
    void aSecondInstanceTakesOverWithTheStoredModelsAndNoDuplicateActuation() {
        // given an app the first operator instance scaled and learned, and another whose stored state got corrupted
        SimulatedApp app = start("takeover", ScalingMode.Reactive, false, 100, 6, 6);
        start("corrupt", ScalingMode.Fixed, false, 100, 6, 1);
        app.offer(180);
        await().atMost(LONG).until(() -> replicas("takeover") >= 3);
        awaitSteady("takeover");
        await().atMost(LONG).until(() -> stateMap("takeover") != null && stateMap("corrupt") != null);
        ScalingDecision lastOfFirst = awaitDecision("takeover", d -> d.getTo() == replicas("takeover"));
        String lastChange = "from " + lastOfFirst.getFrom() + " to " + lastOfFirst.getTo() + " replicas";

        // when the first instance stops and a second one, once it holds the Lease, takes over
        loop.stop(null);
        client.configMaps().inNamespace(NAMESPACE).withName(ModelStore.name(get("corrupt"))).edit(m -> {
            m.setBinaryData(Map.of(ModelStore.KEY, java.util.Base64.getEncoder().encodeToString("garbage".getBytes())));
            return m;
        });
        LeaseState lease = new LeaseState(true);
        ScalerLoop second = new ScalerLoop(client, collector, config, clock, lease, views, events,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        try {
            second.start(null);
            java.time.Instant takeover = java.time.Instant.now();
            lease.started();

            // then its first evaluation already holds the history the first instance stored
            Evaluation first = await().atMost(LONG).until(() -> views.of(get("takeover")).map(v -> v.latest()).orElse(null),
                    e -> e != null && e.at().isAfter(takeover));
            assertTrue(first.samples() > 5, "restored history: " + first.samples() + " samples");
            assertTrue(first.capacity().known(), "restored capacity");

            // and it starts from the first instance's last decision, neither repeating nor losing it
            assertEquals(lastOfFirst.getTo(), first.from(), "the second instance starts where the first left");
            await().atMost(LONG).until(() -> views.of(get("takeover")).map(v -> v.latest().samples()).orElse(0)
                    >= first.samples() + 6);
            assertEquals(1, events("takeover").stream().filter(m -> m.startsWith(lastChange)).count(),
                    "the change '" + lastChange + "' was applied once: " + events("takeover"));
            int before = replicas("takeover");

            // and the corrupt state was discarded with a Warning Event, the app evaluated afresh
            await().atMost(LONG).until(() -> scaledEvents("corrupt", "ModelStateDiscarded") == 1);

            // when the load falls, the new leader acts
            app.offer(10);
            await().atMost(LONG).until(() -> replicas("takeover") < before);
        } finally {
            second.stop(null);
            loop.start(null);
        }
    }

    @Test
    void aStuckPartitionIsNotScaledToMaxAndTheAnomalyIsRaised() {
        // given a Reactive app that learned its pods process 100 records/s each
        SimulatedApp app = start("stuck", ScalingMode.Reactive, false, 100, 6, 4, 2, broker.bootstrapServers());
        app.offer(60);
        awaitCapacityLearned("stuck");
        awaitRounds("stuck", 4);

        // when one partition gets stuck (a poison record): its lag grows while the others are consumed
        app.stuckPartition(0);

        // then the scaler holds instead of scaling to the maximum, and says why
        awaitCondition("stuck", ConditionTypes.ANOMALY_DETECTED, "True", "ScalingWillNotHelp");
        printStatus("stuck");
        awaitRounds("stuck", 4);
        assertTrue(replicas("stuck") < 6, "not scaled to max: " + replicas("stuck"));
        assertTrue(scaledEvents("stuck", "ScalingWillNotHelp") >= 1, "a Warning Event");
    }

    @Test
    void poisonRecordsRaiseTheAnomalyWithItsSignalAndAddNoReplica() throws Exception {
        // given a Reactive app keeping up, its replica count settled (the backlog at its start may scale it briefly)
        SimulatedApp app = start("poisoned", ScalingMode.Reactive, false, 100, 6, 4, 1, broker.bootstrapServers());
        broker.createTopic("poisoned-in-dlq", 1);
        app.offer(40);
        awaitCapacityLearned("poisoned");
        awaitSteady("poisoned");
        int before = replicas("poisoned");
        long scaledUpBefore = scaledEvents("poisoned", "ScaledUp");

        // when 50 malformed records arrive, which its pod dead-letters (homeostat_errors_total{kind="malformed"}); they
        // come at 10/s, which the pod absorbs, so a scale-up could only come from the failures themselves (a burst of
        // 50 in one 0.5 s round would be a real arrival spike of 100 records/s, which the reactive rule may answer)
        app.poison(50, 10);

        // then AnomalyDetected says scaling will not help, names the signal, and the score gauge has it
        awaitCondition("poisoned", ConditionTypes.ANOMALY_DETECTED, "True", "PoisonRecords");
        printStatus("poisoned");
        String message = condition("poisoned", ConditionTypes.ANOMALY_DETECTED).orElseThrow().getMessage();
        assertTrue(message.contains("signal error_rate") && message.contains("Scaling will not help"), message);
        var score = registry.find("homeostat.anomaly.score").tag("app", "poisoned").tag("signal", "error_rate").gauge();
        assertNotNull(score, "homeostat_anomaly_score{signal=error_rate}");
        assertTrue(score.value() >= 0.99, "error_rate score " + score.value());
        await().atMost(LONG).until(() -> scaledEvents("poisoned", "PoisonRecords") >= 1);
        try (var admin = broker.admin()) {
            var dlq = new org.apache.kafka.common.TopicPartition("poisoned-in-dlq", 0);
            long deadLetters = admin.listOffsets(Map.of(dlq, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .partitionResult(dlq).get().offset();
            assertEquals(50, deadLetters, "records in the dead-letter topic");
        }

        // and over the following rounds no replica was added for it
        awaitRounds("poisoned", 8);
        assertTrue(replicas("poisoned") <= before, "replicas " + before + " -> " + replicas("poisoned"));
        assertEquals(scaledUpBefore, scaledEvents("poisoned", "ScaledUp"), "no ScaledUp Event after the poison");
    }

    @Test
    void aGrowingHeapRaisesTheTimeToOomWarningBeforeTheLimit() {
        // given a Fixed app whose heap grows steadily toward its limit (about a minute away)
        SimulatedApp app = start("leaky", ScalingMode.Fixed, false, 100, 6, 1);
        app.offer(10);
        app.heapGrowth(6e6);

        // then the warning comes while the heap is still below the limit, with a condition and an Event
        awaitCondition("leaky", ConditionTypes.OUT_OF_MEMORY_PREDICTED, "True", "HeapTrend");
        assertTrue(app.heapUsed() < app.heapMax(), "warned before the limit: " + app.heapUsed() + " of " + app.heapMax());
        assertTrue(gauge("homeostat.time.to.oom.seconds", "leaky") > 0, "time to OOM published");
        await().atMost(LONG).until(() -> scaledEvents("leaky", "HeapTrend") >= 1);
        printStatus("leaky");
    }

    @Test
    void fixedAndShadowAppsAreNeverScaled() {
        // given a Fixed app and a Reactive app in shadow mode, both far behind their load
        SimulatedApp fixed = start("fixed", ScalingMode.Fixed, false, 50, 6, 4);
        SimulatedApp shadow = start("shadow", ScalingMode.Reactive, true, 50, 6, 4);
        fixed.offer(300);
        shadow.offer(300);

        // then the shadow app records what it would do, without doing it
        ScalingDecision wouldDo = awaitDecision("shadow", d -> Boolean.FALSE.equals(d.getApplied()) && d.getTo() > d.getFrom());
        assertTrue(wouldDo.getExplanation().contains("Shadow mode: not applied"), wouldDo.getExplanation());
        awaitCondition("shadow", ConditionTypes.SCALING, "False", "ShadowMode");
        printStatus("shadow");

        // and after more rounds neither app's replicas changed, and no scaling Event was recorded
        awaitRounds("shadow", 6);
        assertEquals(1, replicas("shadow"));
        assertEquals(1, replicas("fixed"));
        assertEquals(0, scaledEvents("shadow", "ScaledUp") + scaledEvents("fixed", "ScaledUp"));
        awaitCondition("fixed", ConditionTypes.SCALING, "False", "FixedMode");
    }

    @Test
    void missingTelemetryNeverScalesDownAndTheAppRecovers() {
        // given an idle Reactive app at 3 replicas whose metrics endpoints are gone, and one whose broker is unreachable
        SimulatedApp gone = start("gone", ScalingMode.Reactive, false, 100, 6, 6, 3, broker.bootstrapServers());
        gone.endpoint(SimulatedPod.Endpoint.GONE);
        start("nobroker", ScalingMode.Reactive, false, 100, 6, 6, 3, "127.0.0.1:" + closedPort());

        // then both are Degraded with the reason, and neither scales down over many rounds
        awaitCondition("gone", ConditionTypes.DEGRADED, "True", "TelemetryMissing");
        awaitCondition("nobroker", ConditionTypes.DEGRADED, "True", "TelemetryMissing");
        assertTrue(condition("gone", ConditionTypes.DEGRADED).orElseThrow().getMessage().contains("pods:"),
                condition("gone", ConditionTypes.DEGRADED).orElseThrow().getMessage());
        assertTrue(condition("nobroker", ConditionTypes.DEGRADED).orElseThrow().getMessage().contains("kafka:"),
                condition("nobroker", ConditionTypes.DEGRADED).orElseThrow().getMessage());
        printStatus("nobroker");
        awaitRounds("gone", 10);
        assertEquals(3, replicas("gone"));
        assertEquals(3, replicas("nobroker"));

        // when the metrics come back, the app recovers by itself: Degraded clears, and the idle app scales down
        gone.endpoint(SimulatedPod.Endpoint.METRICS);
        awaitCondition("gone", ConditionTypes.DEGRADED, "False", "AsExpected");
        await().atMost(LONG).until(() -> replicas("gone") < 3);
    }

    @Test
    void hostileMetricsAreRejectedAndTheOperatorStaysHealthy() throws Exception {
        // given an app whose pod serves NaN, garbage and a 200 kB label instead of Prometheus text
        SimulatedApp hostile = start("hostile", ScalingMode.Reactive, false, 100, 6, 2, 2, broker.bootstrapServers());
        hostile.endpoint(SimulatedPod.Endpoint.HOSTILE);

        // then the sample is rejected with a reason, the count is held, and the operator answers healthy
        awaitCondition("hostile", ConditionTypes.DEGRADED, "True", "TelemetryMissing");
        printStatus("hostile");
        awaitRounds("hostile", 6);
        assertEquals(2, replicas("hostile"));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                health.toURI()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    SimulatedApp start(String name, ScalingMode mode, boolean shadow, double capacityPerPod, int maxReplicas,
                       int partitions) {
        return start(name, mode, shadow, capacityPerPod, maxReplicas, partitions, null, broker.bootstrapServers());
    }

    SimulatedApp start(String name, ScalingMode mode, boolean shadow, double capacityPerPod, int maxReplicas,
                       int partitions, Integer replicas, String bootstrapServers) {
        broker.createTopic(name + "-in", partitions);
        StreamApp cr = new StreamApp();
        cr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        StreamAppSpec spec = new StreamAppSpec();
        spec.setImage("test/" + name + ":1");
        spec.setMinReplicas(1);
        spec.setMaxReplicas(maxReplicas);
        spec.setReplicas(replicas);
        KafkaSpec kafka = new KafkaSpec();
        kafka.setBootstrapServers(bootstrapServers);
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
        SimulatedApp app = new SimulatedApp(client, ticker, NAMESPACE, name, name + "-in", bootstrapServers, capacityPerPod);
        MetricsSpec metrics = new MetricsSpec();
        metrics.setPort(app.metricsPort());
        spec.setMetrics(metrics);
        cr.setSpec(spec);
        apps.add(app);
        client.resource(cr).create();
        return app;
    }

    /** Waits until the status shows a lastDecision that matches, and returns it. */
    ScalingDecision awaitDecision(String name, java.util.function.Predicate<ScalingDecision> wanted) {
        return await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> {
            StreamApp app = get(name);
            return app.getStatus() == null ? null : app.getStatus().getLastDecision();
        }, d -> d != null && d.getTo() != null && d.getFrom() != null && wanted.test(d));
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

    /** Waits until the scaler publishes a learned per-replica capacity for the app (it has seen busy pods). */
    void awaitCapacityLearned(String name) {
        await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> gauge("homeostat.capacity.per.replica", name) > 0);
    }

    /** Waits until the app's replicas stayed the same over four evaluations. */
    void awaitSteady(String app) {
        await().atMost(LONG).until(() -> {
            int before = replicas(app);
            awaitRounds(app, 4);
            return replicas(app) == before;
        });
    }

    io.fabric8.kubernetes.api.model.ConfigMap stateMap(String app) {
        return client.configMaps().inNamespace(NAMESPACE).withName(app + "-homeostat-state").get();
    }

    /** Waits until the scaler has evaluated the app {@code rounds} more times. */
    void awaitRounds(String app, int rounds) {
        double start = decisions(app);
        await().atMost(LONG).pollInterval(Duration.ofMillis(100)).until(() -> decisions(app) >= start + rounds);
    }

    /** Evaluations of the app so far (every term), from the operator's decision counter. */
    double decisions(String app) {
        return registry.find("homeostat.decisions").tag("app", app).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    static int closedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The value of one of the operator's per-app gauges, NaN when absent. */
    double gauge(String meter, String app) {
        var g = registry.find(meter).tag("app", app).gauge();
        return g == null ? Double.NaN : g.value();
    }

    List<String> events(String name) {
        return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).map(e -> e.getMessage()).toList();
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
