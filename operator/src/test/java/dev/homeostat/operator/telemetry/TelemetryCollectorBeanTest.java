package dev.homeostat.operator.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaTestClients;
import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The operator's {@link TelemetryCollector} bean as the scaler loop gets it: pods from the mock API server's Pod
 * objects, scraped over HTTP on loopback, and lag from the real in-JVM broker, merged into one reading. The reads
 * are timed by a {@link ManualTicker} in place of the operator's {@link Ticker} bean, so the test says how far apart
 * they were.
 */
@QuarkusTest
@TestProfile(TelemetryCollectorBeanTest.ManualTime.class)
@WithKubernetesTestServer(crud = true)
class TelemetryCollectorBeanTest {

    /** The operator's Ticker replaced by {@link SteppedTicker}. */
    public static class ManualTime implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SteppedTicker.class);
        }
    }

    /** A {@link ManualTicker} as the operator's Ticker bean. */
    @Alternative
    @Singleton
    public static class SteppedTicker extends ManualTicker {
    }

    @Inject
    Ticker ticker;

    private static final String NAMESPACE = "collector-test";

    @Inject
    TelemetryCollector collector;

    @Inject
    KubernetesClient client;

    @Test
    void oneReadingFromPodsAndKafka() throws Exception {
        // given a pod of "normalizer" serving real Micrometer output on 127.0.0.20
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter in = Counter.builder("homeostat.records.in").tag("topic", "raw").register(registry);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.20", 0), 0);
        server.createContext("/q/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // and its group 30 records behind on a real broker
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();
        broker.createTopic("raw-" + NAMESPACE, 2);
        try (var admin = broker.admin()) {
            admin.alterConsumerGroupOffsets("normalizer", Map.of(new TopicPartition("raw-" + NAMESPACE, 0),
                    new OffsetAndMetadata(0))).all().get(30, TimeUnit.SECONDS);
        }
        produce(broker, "raw-" + NAMESPACE, 30);
        var selector = Map.of(WorkloadLabels.NAME, "normalizer", WorkloadLabels.COMPONENT, "stream-app");
        client.resource(new PodBuilder()
                .withNewMetadata().withName("normalizer-1").withNamespace(NAMESPACE).addToLabels(selector)
                    .addToLabels(WorkloadLabels.MANAGED_BY, WorkloadLabels.MANAGER).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("app:test").endContainer().endSpec()
                .withNewStatus().withPodIP("127.0.0.20")
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build()).create();
        var target = new ScrapeTarget(NAMESPACE, "normalizer", "StreamApp", selector, server.getAddress().getPort(),
                "/q/metrics", Optional.of(new KafkaTarget(broker.bootstrapServers(), "normalizer",
                List.of("raw-" + NAMESPACE), Map.of())));
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");

        try {
            // when the loop collects twice, the reads 15 s apart, while the pod consumed 150 records
            await().atMost(Duration.ofSeconds(30)).until(() -> collector.collect(target, t0).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS).health("pods").orElseThrow().ok());
            in.increment(150);
            ((SteppedTicker) ticker).advance(Duration.ofSeconds(15));
            TelemetryReading reading = collector.collect(target, t0.plusSeconds(15)).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            // then both sources delivered, into one sample
            assertTrue(reading.complete(), reading.health().toString());
            assertEquals(List.of("pods", "kafka"), reading.health().stream().map(SourceHealth::source).toList());
            assertEquals(10.0, reading.sample().processedRate(), 1e-9);
            assertEquals(30.0, reading.sample().lagRecords());
            assertEquals(1.0, reading.sample().readyReplicas());
            assertEquals(2, reading.partitions());
        } finally {
            collector.forget(target);
            server.stop(0);
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, int records) throws Exception {
        try (var producer = KafkaTestClients.stringProducer(broker.bootstrapServers())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "v")).get();
            }
        }
    }
}
