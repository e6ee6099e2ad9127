package dev.homeostat.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaAssertions;
import dev.homeostat.kafka.testing.KafkaTestClients;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.embedded.Manifests;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The environment contract between the operator and the apps (docs/operator.md): every custom resource in examples/
 * is rendered into a Deployment by the operator's own model, and the real packaged app runs with exactly that
 * container environment (the broker address swapped for the in-JVM broker's; QUARKUS_HTTP_HOST=127.0.0.1 added, as
 * local mode does). Each app must then use the resource's consumer group and topics, answer its probes and serve
 * metrics on the ports the Deployment names, and produce only with acks=all and idempotence on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesContractTest {

    static final String VERSION = System.getProperty("homeostat.project.version", "0.1.0-SNAPSHOT");
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration FLOW = Duration.ofSeconds(120);

    private EmbeddedKafkaBroker broker;
    private final Map<String, RenderedPod> pods = new LinkedHashMap<>();
    private final Map<String, AppProcess> apps = new LinkedHashMap<>();

    @BeforeAll
    void startTheBrokerAndEveryExample() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults());
        // portfolio's books topic is the platform's to create, compacted (docs/apps.md).
        broker.createTopic("portfolio-state", 1, Map.of("cleanup.policy", "compact"));
        List.of("fills", "orders", "quotes").forEach(broker::createTopic);
        List<Workload> examples = Manifests.loadDirectory(AppProcess.repositoryRoot().resolve("examples")).stream()
                .filter(Workload.class::isInstance).map(Workload.class::cast).toList();
        assertEquals(List.of("fraud-scoring", "market-feed", "portfolio", "trade-signals"),
                examples.stream().map(w -> w.getMetadata().getName()).sorted().toList(), "one example per shipped app");
        for (Workload example : examples) {
            String name = example.getMetadata().getName();
            RenderedPod pod = RenderedPod.of(Isolation.isolate(example));
            // topics are provisioned before the apps start, as a platform team would (e.g. Strimzi KafkaTopics)
            Isolation.topics(pod.workload()).forEach(broker::createTopic);
            pods.put(name, pod);
            Map<String, String> env = new LinkedHashMap<>(pod.environment(broker.bootstrapServers(), Map.of()));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            apps.put(name, AppProcess.start(name, pod.appDirectory(VERSION), env));
        }
    }

    @AfterAll
    void stopEverything() {
        apps.values().forEach(AppProcess::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyAppAnswersItsProbesAndServesMetricsWhereTheDeploymentSaysSo() {
        for (var entry : pods.entrySet()) {
            String name = entry.getKey();
            RenderedPod pod = entry.getValue();
            AppProcess app = apps.get(name);
            assertEquals(pod.probePort(), pod.scrapePort(), name + ": health and metrics share the app's port");
            assertEquals(String.valueOf(pod.probePort()), pod.environment("x", Map.of()).get("QUARKUS_HTTP_PORT"),
                    name + ": the operator hands the app the port its probes ask");
            awaitReady(name, pod, app);
            assertEquals(200, AppProcess.status(pod.probePort(), "/q/health/live"), name + " live");
            var metrics = AppProcess.get(pod.scrapePort(), "/q/metrics");
            assertEquals(200, metrics.statusCode(), name + " metrics");
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"), name + " serves Prometheus text");
        }
    }

    @Test
    void tradeSignalsConsumesItsInputTopicInItsGroupAndWritesOrdersToItsOutputTopic() {
        var kafka = ((StreamApp) pods.get("trade-signals").workload()).getSpec().getKafka();
        awaitReady("trade-signals", pods.get("trade-signals"), apps.get("trade-signals"));

        Traffic.send(broker.bootstrapServers(), kafka.getInputTopics().getFirst(), "XAU", Traffic.crossingQuotes("XAU"));

        // the resource's group commits on the resource's topic (not necessarily to the end: trade-signals
        // acknowledges the tail of a burst at its next checkpoint after more input, or at shutdown)
        awaitCommitted(kafka.getConsumerGroup(), kafka.getInputTopics().getFirst());
        var orders = KafkaTestClients.readAll(broker.bootstrapServers(), kafka.getOutputTopics().getFirst(), FLOW);
        assertTrue(orders.size() >= 2, "a rise and a fall give a BUY and a SELL, got " + orders.size() + "\n"
                + apps.get("trade-signals").tail());
    }

    @Test
    void fraudScoringConsumesItsInputTopicInItsGroupAndWritesAlertsToItsOutputTopic() {
        var kafka = ((StreamApp) pods.get("fraud-scoring").workload()).getSpec().getKafka();
        awaitReady("fraud-scoring", pods.get("fraud-scoring"), apps.get("fraud-scoring"));

        Traffic.send(broker.bootstrapServers(), kafka.getInputTopics().getFirst(), "acc-ct", Traffic.cardTestingBurst("acc-ct"));

        KafkaAssertions.awaitCommittedToEnd(broker.bootstrapServers(), kafka.getConsumerGroup(),
                kafka.getInputTopics().getFirst(), FLOW);
        var alerts = KafkaTestClients.readAll(broker.bootstrapServers(), kafka.getOutputTopics().getFirst(), FLOW);
        assertTrue(!alerts.isEmpty(), "a card-testing burst raises an alert\n" + apps.get("fraud-scoring").tail());
    }

    @Test
    void marketFeedPublishesToTheTopicItsResourceNames() {
        String topic = pods.get("market-feed").environment("x", Map.of()).get("HOMEOSTAT_OUTPUT_TOPICS");
        assertTrue(topic.startsWith(Isolation.PREFIX), topic);
        awaitReady("market-feed", pods.get("market-feed"), apps.get("market-feed"));

        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> assertTrue(
                !KafkaTestClients.readAll(broker.bootstrapServers(), topic, Duration.ofSeconds(5)).isEmpty(),
                "quotes on " + topic));
    }

    @Test
    void portfolioConsumesFillsInTheGroupItsResourceNamesAndServesTheBook() {
        RenderedPod pod = pods.get("portfolio");
        String group = pod.environment("x", Map.of()).get("KAFKA_GROUP_ID");
        assertTrue(group.startsWith(Isolation.PREFIX), group);
        awaitReady("portfolio", pod, apps.get("portfolio"));

        Traffic.send(broker.bootstrapServers(), "fills", "acc-ct", List.of(Traffic.fill("acc-ct")));

        KafkaAssertions.awaitCommittedToEnd(broker.bootstrapServers(), group, "fills", FLOW);
        await().atMost(FLOW).untilAsserted(() -> {
            var positions = AppProcess.get(pod.probePort(), "/accounts/acc-ct/positions");
            assertEquals(200, positions.statusCode());
            assertTrue(positions.body().contains("AAPL"), positions.body());
        });
    }

    @Test
    void everyProducerOfEveryAppIsAcksAllAndIdempotent() {
        // what each app must have created by the time its flow test passed: channels and hand-built clients
        Map<String, List<String>> expected = Map.of(
                "market-feed", List.of("kafka-producer-quotes"),
                "trade-signals", List.of("trade-signals-orders", "trade-signals-state", "kafka-producer-dead-letters",
                        "dead-letter-topic-producer-kafka-consumer-quotes"),
                "fraud-scoring", List.of("kafka-producer-alerts", "kafka-producer-generated-payments",
                        "dead-letter-topic-producer-kafka-consumer-payments"),
                "portfolio", List.of("kafka-producer-portfolio-state", "dead-letter-topic-producer-kafka-consumer-fills",
                        "dead-letter-topic-producer-kafka-consumer-orders", "dead-letter-topic-producer-kafka-consumer-quotes"));
        for (var entry : expected.entrySet()) {
            AppProcess app = apps.get(entry.getKey());
            awaitReady(entry.getKey(), pods.get(entry.getKey()), app);
            await().atMost(FLOW).untilAsserted(() -> {
                Map<String, Map<String, String>> producers = ProducerConfigs.parse(app.output());
                for (String client : entry.getValue()) {
                    assertTrue(producers.keySet().stream().anyMatch(id -> id.contains(client)),
                            entry.getKey() + " has a producer for " + client + ": " + producers.keySet());
                }
            });
            Map<String, Map<String, String>> producers = ProducerConfigs.parse(app.output());
            Map<String, String> weak = new TreeMap<>(producers.entrySet().stream()
                    .filter(p -> !"-1".equals(p.getValue().get("acks")) || !"true".equals(p.getValue().get("enable.idempotence")))
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            p -> "acks=" + p.getValue().get("acks") + " idempotence=" + p.getValue().get("enable.idempotence"))));
            assertEquals(Map.of(), weak, entry.getKey() + ": producers not acks=all + idempotent (all: " + producers.keySet() + ")");
        }
    }

    private void awaitCommitted(String group, String topic) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            try (var admin = broker.admin()) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                assertTrue(committed.entrySet().stream().anyMatch(e -> e.getKey().topic().equals(topic)
                        && e.getValue().offset() > 0), group + " committed " + committed);
            }
        });
    }

    private static void awaitReady(String name, RenderedPod pod, AppProcess app) {
        await().atMost(START).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertTrue(app.alive(), name + " exited\n" + app.tail());
            assertEquals(200, AppProcess.status(pod.probePort(), "/q/health/ready"), name + " ready on " + pod.probePort());
        });
    }
}
