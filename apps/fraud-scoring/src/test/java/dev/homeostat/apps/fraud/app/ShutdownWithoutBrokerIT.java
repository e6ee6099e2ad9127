package dev.homeostat.apps.fraud.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.homeostat.kafka.testing.AppProcess;
import dev.homeostat.kafka.testing.BrokerLossShutdown;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaTestClients;
import dev.homeostat.kafka.testing.TopicSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The packaged app, run as a process, exits within Kubernetes' 30 s grace after SIGTERM while the broker is down. */
class ShutdownWithoutBrokerIT {

    @Test
    void exitsWithinTheGracePeriodAfterSigtermWithTheBrokerGone() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults())) {
            TopicSpec.parseList("payments:3,alerts:3,payments-dlq:1").forEach(topic -> topic.createOn(broker));
            // when
            Duration took = BrokerLossShutdown.timeToExit(Path.of("target/quarkus-app/quarkus-run.jar"), broker,
                    Map.of("fraud.training.interval", "PT1H"), "Profile prod activated", () -> {
                        send(broker, "payments", 5_000, i -> "{\"id\":\"p" + i + "\",\"account\":\"a" + (i % 50) + "\",\"merchant\":\"m1\",\"merchantCategory\":\"grocery\",\"amount\":12.5,\"currency\":\"EUR\",\"country\":\"DE\",\"channel\":\"card\",\"timestamp\":\"2026-01-01T00:00:00Z\"}");
                    }, Path.of("target/shutdown-it.log"));
            // then
            assertNotNull(took, "still running " + AppProcess.KUBERNETES_GRACE.multipliedBy(2) + " after SIGTERM");
            System.out.println("exited " + took.toMillis() + " ms after SIGTERM with the broker down");
            assertTrue(took.compareTo(AppProcess.KUBERNETES_GRACE) < 0, "exit took " + took);
        }
    }
    private static void send(EmbeddedKafkaBroker broker, String topic, int count, java.util.function.IntFunction<String> value) {
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(broker.bootstrapServers())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 8), value.apply(i)));
            }
        }
    }
}
