package dev.homeostat.apps.fraud.app;

import dev.homeostat.kafka.testing.JvmWideKafkaResource;
import dev.homeostat.kafka.testing.KafkaAssertions;
import dev.homeostat.apps.fraud.domain.PaymentJson;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Second half of the restart test: after the app was stopped mid-stream, a fresh app in the same
 * consumer group must process every payment at least once, and repeat at most those processed after
 * the last offset commit before the stop.
 */
@QuarkusTest
@TestProfile(RestartProfiles.SecondRun.class)
@QuarkusTestResource(value = JvmWideKafkaResource.class, initArgs = @ResourceArg(
        name = "topics", value = RestartProfiles.TOPICS), restrictToAnnotatedClass = true)
class RestartSecondRunTest {

    /**
     * Upper bound on repeats: records acknowledged but not yet committed when the first run stopped.
     * Commits happen every 500 ms in tests (5 s by default) and on a graceful stop, so this is generous.
     */
    private static final int DUPLICATE_BOUND = 500;

    @Test
    void processesEveryPaymentAtLeastOnceAfterARestart() {
        // given the stream the first run left half-processed
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(),
                RestartProfiles.PAYMENTS, Duration.ofSeconds(30)).size() >= RestartFirstRunTest.TOTAL);
        Set<String> published = KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(), RestartProfiles.PAYMENTS,
                Duration.ofSeconds(30)).stream().map(r -> PaymentJson.parsePayment(r.value()).id()).collect(Collectors.toSet());
        assumeTrue(published.size() == RestartFirstRunTest.TOTAL, "run together with RestartFirstRunTest");
        // when this app catches up
        KafkaAssertions.awaitCommittedToEnd(JvmWideKafkaResource.bootstrapServers(), RestartProfiles.GROUP, RestartProfiles.PAYMENTS, Duration.ofSeconds(60));
        // then every payment was processed, and repeats stay within the at-least-once bound
        List<ConsumerRecord<String, String>> alerts = KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(),
                RestartProfiles.ALERTS, Duration.ofSeconds(30));
        Map<String, Integer> times = new HashMap<>();
        alerts.forEach(r -> times.merge(PaymentJson.parseAlert(r.value()).paymentId(), 1, Integer::sum));
        assertEquals(published, times.keySet());
        int repeats = alerts.size() - times.size();
        System.out.printf("restart test: %d payments, %d processed twice (bound %d)%n", published.size(), repeats,
                DUPLICATE_BOUND);
        assertTrue(repeats <= DUPLICATE_BOUND, repeats + " repeats");
    }
}
