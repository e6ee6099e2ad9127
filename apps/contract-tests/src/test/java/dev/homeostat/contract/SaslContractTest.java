package dev.homeostat.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaAssertions;
import dev.homeostat.kafka.testing.KafkaTestClients;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.embedded.Manifests;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Kafka security settings given to an app as kafka.* environment (here SASL/PLAIN credentials from a Secret) reach
 * every client it has: the SmallRye channels and the hand-built ones (trade-signals' order publisher and state store,
 * portfolio's state reader). Against a broker listener that demands SASL, the apps with credentials work end to end;
 * one without is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaslContractTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration FLOW = Duration.ofSeconds(120);
    private static final String SECRET = "kafka-credentials";
    private static final Map<String, String> SECRETS = Map.of(SECRET + "/sasl.jaas.config",
            EmbeddedKafkaBroker.saslClientSettings("trader", "trader-secret").get("sasl.jaas.config"));

    private EmbeddedKafkaBroker broker;
    private final List<AppProcess> started = new java.util.ArrayList<>();

    @BeforeAll
    void startTheBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults()
                .withSaslUsers(Map.of("trader", "trader-secret")));
        broker.createTopic("portfolio-state", 1, Map.of("cleanup.policy", "compact"));
        List.of("fills", "orders", "quotes", "ct-quotes", "ct-orders").forEach(broker::createTopic);
    }

    @AfterAll
    void stopEverything() {
        started.forEach(AppProcess::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void tradeSignalsWithCredentialsConsumesChecksStateAndPublishesOrdersOverSasl() {
        // given trade-signals with SASL credentials from a Secret, on the listener that demands them
        var pod = RenderedPod.of(withCredentials(Isolation.isolate(example("trade-signals"))));
        var kafka = ((StreamApp) pod.workload()).getSpec().getKafka();
        AppProcess app = start("sasl-trade-signals", pod);
        awaitReady(pod, app);

        // when (the test's own clients use the plaintext listener of the same broker)
        Traffic.send(broker.bootstrapServers(), kafka.getInputTopics().getFirst(), "XAG", Traffic.crossingQuotes("XAG"));

        // then offsets are committed only after orders (order publisher) and state (state store) are durable
        KafkaAssertions.awaitCommittedToEnd(broker.bootstrapServers(), kafka.getConsumerGroup(),
                kafka.getInputTopics().getFirst(), FLOW);
        assertTrue(KafkaTestClients.readAll(broker.bootstrapServers(), kafka.getOutputTopics().getFirst(), FLOW).size() >= 2,
                app.tail());
        assertTrue(!KafkaTestClients.readAll(broker.bootstrapServers(), "trade-signals-state", FLOW).isEmpty(), app.tail());
    }

    @Test
    void portfolioWithCredentialsRestoresItsBooksOverSaslAndBecomesReady() {
        // given portfolio (whose state reader must read the books before readiness) with credentials
        var pod = RenderedPod.of(withCredentials(Isolation.isolate(example("portfolio"))));
        String group = pod.environment("x", SECRETS).get("KAFKA_GROUP_ID");

        // when
        AppProcess app = start("sasl-portfolio", pod);

        // then
        awaitReady(pod, app);
        Traffic.send(broker.bootstrapServers(), "fills", "acc-sasl", List.of(Traffic.fill("acc-sasl")));
        KafkaAssertions.awaitCommittedToEnd(broker.bootstrapServers(), group, "fills", FLOW);
    }

    @Test
    void anAppWithoutCredentialsIsRefused() throws Exception {
        // given trade-signals without credentials on the SASL listener
        Workload workload = Isolation.isolate(example("trade-signals"));
        var kafka = ((StreamApp) workload).getSpec().getKafka();
        kafka.setConsumerGroup(kafka.getConsumerGroup() + "-anonymous");
        var pod = RenderedPod.of(workload);

        // when it runs for 20 s
        AppProcess app = start("sasl-anonymous", pod);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            // then it never becomes ready
            assertNotEquals(200, AppProcess.status(pod.probePort(), "/q/health/ready"), app.tail());
            Thread.sleep(1000);
        }
        // and the broker never saw its group
        try (Admin admin = broker.admin()) {
            assertEquals(Map.of(), admin.listConsumerGroupOffsets(kafka.getConsumerGroup())
                    .partitionsToOffsetAndMetadata().get());
        }
    }

    private Workload example(String name) {
        return Manifests.loadDirectory(AppProcess.repositoryRoot().resolve("examples")).stream()
                .filter(Workload.class::isInstance).map(Workload.class::cast)
                .filter(w -> w.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    /** The credentials as a user adds them to spec.env: kafka.* settings, the JAAS line from a Secret. */
    private static Workload withCredentials(Workload workload) {
        var env = workload.workloadSpec().getEnv();
        env.add(new EnvVarBuilder().withName("KAFKA_SECURITY_PROTOCOL").withValue("SASL_PLAINTEXT").build());
        env.add(new EnvVarBuilder().withName("KAFKA_SASL_MECHANISM").withValue("PLAIN").build());
        env.add(new EnvVarBuilder().withName("KAFKA_SASL_JAAS_CONFIG")
                .withNewValueFrom().withNewSecretKeyRef("sasl.jaas.config", SECRET, null).endValueFrom().build());
        return workload;
    }

    private AppProcess start(String name, RenderedPod pod) {
        Map<String, String> env = new LinkedHashMap<>(pod.environment(broker.saslBootstrapServers(), SECRETS));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        AppProcess app = AppProcess.start(name, pod.appDirectory(ExamplesContractTest.VERSION), env);
        started.add(app);
        return app;
    }

    private static void awaitReady(RenderedPod pod, AppProcess app) {
        await().atMost(START).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertTrue(app.alive(), app.tail());
            assertEquals(200, AppProcess.status(pod.probePort(), "/q/health/ready"), app.tail());
        });
    }
}
