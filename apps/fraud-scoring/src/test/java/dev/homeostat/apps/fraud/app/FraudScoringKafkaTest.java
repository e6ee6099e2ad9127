package dev.homeostat.apps.fraud.app;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.InjectKafkaBroker;
import dev.homeostat.kafka.testing.KafkaBrokerTestResource;
import dev.homeostat.kafka.testing.KafkaAssertions;
import dev.homeostat.apps.fraud.domain.Alert;
import dev.homeostat.apps.fraud.domain.PaymentJson;
import dev.homeostat.apps.fraud.generator.GeneratedPayment;
import dev.homeostat.apps.fraud.generator.PaymentGenerator;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app on a real broker: payments in, alerts out, a model swapped in, poison dead-lettered, a broker restart ridden out. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(
        name = "topics", value = "payments:3,alerts:1,payments-dlq:1"), restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FraudScoringKafkaTest {

    private static final String GROUP = "fraud-scoring";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** This class's own broker (not the JVM-wide one of the restart tests), so it can restart it. */
    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    /** Publishes payments, each with its own W3C trace context; returns trace id by payment id. */
    private Map<String, String> publish(List<GeneratedPayment> payments, boolean withLabels) {
        Map<String, String> traceIds = new HashMap<>();
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(broker.bootstrapServers())) {
            for (GeneratedPayment g : payments) {
                var payment = withLabels ? g.payment() : g.payment().withoutLabel();
                        String traceId = "%032x".formatted(traceIds.size() + 1);
                var record = new ProducerRecord<>("payments", payment.account(), PaymentJson.write(payment));
                record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
                producer.send(record);
                traceIds.put(payment.id(), traceId);
            }
            producer.flush();
        }
        return traceIds;
    }

    private List<ConsumerRecord<String, String>> alerts() {
        return KafkaTestClients.readAll(broker.bootstrapServers(), "alerts", TIMEOUT);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void scoresPaymentsCarriesTracesAndSwapsInATrainedModel() {
        // given labelled payments: the rules score them while the training window fills
        var generator = new PaymentGenerator(new PaymentGenerator.Options(31, 400, 20.0, 0.004, Instant.now()));
        List<GeneratedPayment> first = generator.next(4_000);
        Map<String, String> traceIds = publish(first, true);
        // when they are processed
        KafkaAssertions.awaitCommittedToEnd(broker.bootstrapServers(), GROUP, "payments", TIMEOUT);
        // then a model replaces the rules
        org.awaitility.Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> RestAssured.get("/q/health/ready")
                .then().statusCode(200).body(containsString("model-v")));
        // and every alert names a real payment and continues that payment's trace
        List<ConsumerRecord<String, String>> alerts = alerts();
        assertFalse(alerts.isEmpty(), "no alerts for " + first.size() + " payments");
        for (ConsumerRecord<String, String> record : alerts) {
            Alert alert = PaymentJson.parseAlert(record.value());
            assertTrue(traceIds.containsKey(alert.paymentId()), alert.paymentId());
            assertEquals(alert.account(), record.key());
            String traceparent = header(record, "traceparent");
            assertTrue(traceparent != null && traceparent.contains(traceIds.get(alert.paymentId())),
                    "alert for " + alert.paymentId() + " has traceparent " + traceparent);
        }

        // when unlabelled payments follow
        List<GeneratedPayment> next = generator.next(2_000);
        publish(next, false);
        KafkaAssertions.awaitCommittedToEnd(broker.bootstrapServers(), GROUP, "payments", TIMEOUT);
        // then the model scores them, and its alerts find fraud
        Set<String> fraudIds = new HashSet<>();
        Set<String> nextIds = new HashSet<>();
        next.forEach(g -> {
            nextIds.add(g.payment().id());
            if (g.fraud()) {
                fraudIds.add(g.payment().id());
            }
        });
        List<Alert> modelAlerts = alerts().stream().map(r -> PaymentJson.parseAlert(r.value()))
                .filter(a -> nextIds.contains(a.paymentId())).toList();
        assertFalse(modelAlerts.isEmpty(), "no alerts among " + next.size() + " payments with " + fraudIds.size() + " frauds");
        assertTrue(modelAlerts.stream().allMatch(a -> a.scorer().startsWith("model-v")), modelAlerts.toString());
        long truePositives = modelAlerts.stream().filter(a -> fraudIds.contains(a.paymentId())).count();
        // A model fitted on ~4,000 payments in a few seconds is no benchmark (EvaluationTest and the README's
        // precision table judge quality on 30,000–100,000): here it must have learned something real, i.e. its
        // alerts are fraud far more often than a payment is (precision 0.48–0.56 in four runs, one of them
        // CI's, at a fraud share of 0.024; recall 0.46–0.67 in three), with margins that hold whichever of its
        // retrained versions scored the batch.
        double fraudShare = (double) fraudIds.size() / next.size();
        double precision = (double) truePositives / modelAlerts.size();
        double recall = (double) truePositives / fraudIds.size();
        String figures = truePositives + " of " + modelAlerts.size() + " alerts were fraud, " + fraudIds.size()
                + " frauds among " + next.size() + " payments";
        assertTrue(precision >= 10 * fraudShare, "precision not 10x the fraud share: " + figures);
        assertTrue(recall >= 0.25, "recall under 0.25: " + figures);
    }

    @Test
    @Order(2)
    void poisonRecordsGoToTheDeadLetterTopicAndTheAppKeepsGoing() {
        // given a record that is not JSON, one with a negative amount, then a valid payment behind them
        var valid = new PaymentGenerator(PaymentGenerator.Options.defaults(77, Instant.now())).next();
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>("payments", 0, "poison-1", "{not json"));
            producer.send(new ProducerRecord<>("payments", 0, "poison-2", """
                    {"id":"bad-amount","account":"a","merchant":"m","merchantCategory":"fuel","amount":-3,
                     "currency":"EUR","country":"DE","channel":"pos","timestamp":"2026-03-02T10:00:00Z"}"""));
            producer.send(new ProducerRecord<>("payments", 0, valid.payment().account(), PaymentJson.write(valid.payment())));
            producer.flush();
        }
        // when
        KafkaAssertions.awaitCommittedToEnd(broker.bootstrapServers(), GROUP, "payments", TIMEOUT);
        // then both poison records are in the dead-letter topic with the reason in the headers
        List<ConsumerRecord<String, String>> dead = KafkaTestClients.readAll(broker.bootstrapServers(), "payments-dlq", TIMEOUT);
        assertEquals(2, dead.size(), dead.toString());
        assertEquals("{not json", dead.get(0).value());
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("malformed payment"), header(dead.get(0), "dead-letter-reason"));
        assertTrue(header(dead.get(1), "dead-letter-reason").contains("amount must be > 0"), header(dead.get(1), "dead-letter-reason"));
        // and they are counted
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("homeostat_errors_total{app=\"fraud-scoring\",kind=\"malformed\"} 2.0"));
    }

    @Test
    @Order(3)
    void exposesTheStreamMetricsTheOperatorReads() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("homeostat_records_in_total{app=\"fraud-scoring\"", "homeostat_records_out_total{app=\"fraud-scoring\"",
                "homeostat_processing_seconds_bucket{app=\"fraud-scoring\"", "homeostat_busy_ratio{app=\"fraud-scoring\"",
                "kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-payments\"",
                "homeostat_consumer_lag{app=\"fraud-scoring\",partition=\"0\",topic=\"payments\"}",
                "fraud_model_version", "fraud_model_trainings_total{outcome=\"trained\"}", "fraud_score_bucket",
                "jvm_memory_used_bytes")) {
            assertTrue(metrics.contains(name), name + " missing from /q/metrics");
        }
    }

    @Test
    @Order(4)
    void ridesOutABrokerRestartWithoutLosingRecords() {
        // given payments published before and after a broker restart
        var generator = new PaymentGenerator(PaymentGenerator.Options.defaults(55, Instant.now()));
        publish(generator.next(1_000), true);
        // when
        broker.restart();
        publish(generator.next(1_000), true);
        // then the app reconnects and commits every record (commits happen only after processing)
        KafkaAssertions.awaitCommittedToEnd(broker.bootstrapServers(), GROUP, "payments", Duration.ofSeconds(90));
    }
}
