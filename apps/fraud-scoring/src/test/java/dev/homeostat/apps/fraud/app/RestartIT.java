package dev.homeostat.apps.fraud.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.homeostat.apps.fraud.domain.PaymentJson;
import dev.homeostat.apps.fraud.generator.GeneratedPayment;
import dev.homeostat.apps.fraud.generator.PaymentGenerator;
import dev.homeostat.kafka.testing.AppProcess;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaAssertions;
import dev.homeostat.kafka.testing.KafkaTestClients;
import dev.homeostat.kafka.testing.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A restart as a pod sees it, in one test: the packaged app runs as a process, is stopped with SIGTERM
 * mid-stream while payments keep arriving, and a second process in the same consumer group takes over.
 * Every payment must be processed at least once, repeats only within the at-least-once bound.
 */
class RestartIT {

    private static final String PAYMENTS = "payments";
    private static final String ALERTS = "alerts";
    private static final int TOTAL = 1_500;
    private static final int BEFORE_STOP = 900;
    /**
     * Upper bound on repeats: records acknowledged but not yet committed when the first run stopped.
     * Commits happen every 500 ms here and on a graceful stop, so this is generous.
     */
    private static final int DUPLICATE_BOUND = 500;

    @Test
    void processesEveryPaymentAtLeastOnceAcrossASigtermRestart() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults())) {
            TopicSpec.parseList("payments:3,alerts:1,payments-dlq:1").forEach(topic -> topic.createOn(broker));
            String bootstrap = broker.bootstrapServers();
            Map<String, String> config = Map.of(
                    "kafka.bootstrap.servers", bootstrap,
                    "quarkus.http.port", "0",
                    "quarkus.otel.sdk.disabled", "true",
                    // Threshold 0 turns every processed payment into an alert: the alerts topic logs processing.
                    "fraud.alert-threshold", "0",
                    "mp.messaging.incoming.payments.auto.commit.interval.ms", "500");
            List<GeneratedPayment> payments = new PaymentGenerator(PaymentGenerator.Options.defaults(91, Instant.now()))
                    .next(TOTAL);
            // given: the first run processes part of the stream
            try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(bootstrap);
                 AppProcess first = AppProcess.start(jar(), config, Path.of("target/restart-it-first.log"))) {
                first.awaitLog("Profile prod activated", Duration.ofSeconds(90));
                payments.subList(0, BEFORE_STOP).forEach(g -> send(producer, g));
                producer.flush();
                await().atMost(Duration.ofSeconds(90)).until(() -> alerts(bootstrap).size() >= 150);
                // when: it gets SIGTERM while the rest of the stream arrives
                Thread sender = Thread.ofPlatform().start(() -> {
                    for (GeneratedPayment g : payments.subList(BEFORE_STOP, TOTAL)) {
                        send(producer, g);
                        sleep(2);
                    }
                    producer.flush();
                });
                Duration stop = first.terminate(Duration.ofSeconds(60));
                assertTrue(stop != null, "the first run did not stop:\n" + first.log());
                sender.join();
            }
            // then: a second run in the same group processes the rest
            try (AppProcess second = AppProcess.start(jar(), config, Path.of("target/restart-it-second.log"))) {
                KafkaAssertions.awaitCommittedToEnd(bootstrap, "fraud-scoring", PAYMENTS, Duration.ofSeconds(120));
                Set<String> published = KafkaTestClients.readAll(bootstrap, PAYMENTS, Duration.ofSeconds(30)).stream()
                        .map(r -> PaymentJson.parsePayment(r.value()).id()).collect(Collectors.toSet());
                assertEquals(TOTAL, published.size());
                List<ConsumerRecord<String, String>> alerts = alerts(bootstrap);
                Map<String, Integer> times = new HashMap<>();
                alerts.forEach(r -> times.merge(PaymentJson.parseAlert(r.value()).paymentId(), 1, Integer::sum));
                assertEquals(published, times.keySet(), "every payment processed");
                int repeats = alerts.size() - times.size();
                System.out.printf("restart test: %d payments, %d processed twice (bound %d)%n", published.size(),
                        repeats, DUPLICATE_BOUND);
                assertTrue(repeats <= DUPLICATE_BOUND, repeats + " repeats");
            }
        }
    }

    private static List<ConsumerRecord<String, String>> alerts(String bootstrap) {
        return KafkaTestClients.readAll(bootstrap, ALERTS, Duration.ofSeconds(30));
    }

    private static void send(KafkaProducer<String, String> producer, GeneratedPayment g) {
        producer.send(new ProducerRecord<>(PAYMENTS, g.payment().account(), PaymentJson.write(g.payment())));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path jar() {
        return Path.of("target/quarkus-app/quarkus-run.jar");
    }
}
