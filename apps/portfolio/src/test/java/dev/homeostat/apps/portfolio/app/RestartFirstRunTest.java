package dev.homeostat.apps.portfolio.app;

import dev.homeostat.kafka.testing.JvmWideKafkaResource;
import dev.homeostat.apps.portfolio.domain.Fill;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * First half of the restart test: the service applies part of a stream of fills, then stops while a
 * producer is still publishing. {@link RestartSecondRunTest} starts it again and checks the books.
 */
@QuarkusTest
@TestProfile(RestartProfiles.FirstRun.class)
@QuarkusTestResource(value = JvmWideKafkaResource.class, initArgs = @ResourceArg(
        name = "topics", value = RestartProfiles.TOPICS))
class RestartFirstRunTest {

    static final long SEED = 5;
    static final int ACCOUNTS = 6;
    static final int TOTAL = 400;
    private static final int BEFORE_STOP = 250;

    @Test
    void stopsMidStream() {
        // given a stream of fills, the first part published at once
        List<Fill> fills = TestFills.stream(SEED, ACCOUNTS, TOTAL);
        KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(JvmWideKafkaResource.bootstrapServers());
        fills.subList(0, BEFORE_STOP).forEach(f -> TestFills.send(producer, RestartProfiles.FILLS, f));
        producer.flush();
        // when the service has written some books
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(),
                RestartProfiles.STATE, Duration.ofSeconds(30)).size() >= 50);
        // then the rest keeps arriving while Quarkus stops this service after the test (the producer outlives it)
        Thread.ofPlatform().daemon().name("restart-test-producer").start(() -> {
            try (producer) {
                for (Fill fill : fills.subList(BEFORE_STOP, TOTAL)) {
                    TestFills.send(producer, RestartProfiles.FILLS, fill);
                    Thread.sleep(Duration.ofMillis(5));
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
