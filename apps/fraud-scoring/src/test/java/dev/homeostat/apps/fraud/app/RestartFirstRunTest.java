package dev.homeostat.apps.fraud.app;

import dev.homeostat.kafka.testing.JvmWideKafkaResource;
import dev.homeostat.apps.fraud.domain.PaymentJson;
import dev.homeostat.apps.fraud.generator.GeneratedPayment;
import dev.homeostat.apps.fraud.generator.PaymentGenerator;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * First half of the restart test: the app processes part of a stream, then stops while a producer
 * is still publishing. {@link RestartSecondRunTest} starts the app again and checks the outcome.
 */
@QuarkusTest
@TestProfile(RestartProfiles.FirstRun.class)
@QuarkusTestResource(value = JvmWideKafkaResource.class, initArgs = @ResourceArg(
        name = "topics", value = RestartProfiles.TOPICS), restrictToAnnotatedClass = true)
class RestartFirstRunTest {

    /** Payments the two runs must process between them. */
    static final int TOTAL = 1_500;
    private static final int BEFORE_STOP = 900;

    @Test
    void stopsMidStream() {
        // given a stream, the first part published at once
        List<GeneratedPayment> payments = new PaymentGenerator(PaymentGenerator.Options.defaults(91, Instant.now()))
                .next(TOTAL);
        KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(JvmWideKafkaResource.bootstrapServers());
        payments.subList(0, BEFORE_STOP).forEach(g -> send(producer, g));
        producer.flush();
        // when the app has processed some of it
        await().atMost(Duration.ofSeconds(60)).until(() ->
                KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(), RestartProfiles.ALERTS, Duration.ofSeconds(30)).size() >= 150);
        // then the rest keeps arriving while Quarkus stops this app after the test (the producer outlives it)
        Thread.ofPlatform().daemon().name("restart-test-producer").start(() -> {
            try (producer) {
                for (GeneratedPayment g : payments.subList(BEFORE_STOP, TOTAL)) {
                    send(producer, g);
                    Thread.sleep(Duration.ofMillis(2));
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void send(KafkaProducer<String, String> producer, GeneratedPayment g) {
        producer.send(new ProducerRecord<>(RestartProfiles.PAYMENTS, g.payment().account(), PaymentJson.write(g.payment())));
    }
}
