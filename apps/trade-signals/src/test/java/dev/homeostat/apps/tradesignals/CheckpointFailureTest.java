package dev.homeostat.apps.tradesignals;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.homeostat.apps.tradesignals.domain.Quote;
import dev.homeostat.apps.tradesignals.domain.QuoteStreams;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.InjectKafkaBroker;
import dev.homeostat.kafka.testing.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * When the state topic refuses checkpoints (here: the broker rejects every state record as too large),
 * the app stops taking records instead of buffering them and reports liveness DOWN.
 */
@QuarkusTest
@TestProfile(CheckpointFailureTest.SmallBacklog.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(
        name = KafkaBrokerTestResource.TOPICS_ARG, value = "quotes:3,orders:3,quotes-dlq:1,failing-state:3:compact"))
class CheckpointFailureTest {

    private static final int MAX_PENDING = 500;
    private static final int MAX_POLL = 2000;

    /** Its own state topic and a small bound on unacknowledged records. */
    public static class SmallBacklog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trade-signals.state-topic", "failing-state",
                    "trade-signals.max-unacknowledged-records", String.valueOf(MAX_PENDING),
                    "trade-signals.checkpoint-timeout", "PT5S");
        }
    }

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    SignalProcessor processor;

    @Test
    void stopsTakingRecordsAndReportsNotLiveWhenStateCannotBeCheckpointed() throws Exception {
        // given: the app checkpoints normally
        QuoteTraffic traffic = new QuoteTraffic(broker.bootstrapServers());
        traffic.send(QuoteStreams.wave("FAIL-A", 200, 30, 1));
        await().atMost(Duration.ofSeconds(45)).until(() -> processor.processed() >= 200);
        given().get("/q/health/live").then().statusCode(200);
        // when: the broker starts refusing state records, and many more quotes arrive
        try (var admin = broker.admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, "failing-state"),
                    List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "16"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        List<Quote> flood = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            flood.addAll(QuoteStreams.wave("FAIL-B" + s, 10_000, 40, s));
        }
        traffic.send(flood);
        // then: liveness goes DOWN with the reason ...
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().get("/q/health/live").then()
                .statusCode(503).body(containsString("checkpoint failed")));
        // ... and processing stops: at most the held batches were taken, and nothing more comes in
        long stoppedAt = processor.processed();
        Thread.sleep(3000);
        assertEquals(stoppedAt, processor.processed(), "records taken after checkpointing failed");
        long sent = 200 + flood.size();
        assertTrue(stoppedAt <= 200 + MAX_PENDING + 2L * MAX_POLL,
                "processed " + stoppedAt + " of " + sent + ": more than the bound allows");
        assertTrue(stoppedAt < sent, "processed everything: no back-pressure");
    }
}
