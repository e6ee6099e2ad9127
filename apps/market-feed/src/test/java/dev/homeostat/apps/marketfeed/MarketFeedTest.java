package dev.homeostat.apps.marketfeed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.InjectKafkaBroker;
import dev.homeostat.kafka.testing.KafkaBrokerTestResource;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed against a real in-JVM Kafka broker: REST profile control, records on the topic, metrics, broker restart. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class,
        initArgs = @ResourceArg(name = KafkaBrokerTestResource.TOPICS_ARG, value = "quotes:3"))
@QuarkusTestResource(TraceDirectoryResource.class)
class MarketFeedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void pause() {
        putProfile("{\"type\":\"constant\",\"rate\":0}");
        await().atMost(TIMEOUT).until(() -> status().path("inFlight").asLong() == 0);
    }

    @Test
    void publishesValidQuotesKeyedBySymbol() throws Exception {
        // given
        long before = status().path("acknowledged").asLong();
        // when
        putProfile("{\"type\":\"constant\",\"rate\":400}");
        await().atMost(TIMEOUT).until(() -> status().path("acknowledged").asLong() >= before + 200);
        // then
        List<ConsumerRecord<String, String>> records = readQuotes();
        assertTrue(records.size() >= 200, "records: " + records.size());
        for (ConsumerRecord<String, String> record : records) {
            JsonNode quote = mapper.readTree(record.value());
            assertEquals(record.key(), quote.path("symbol").asText());
            assertTrue(quote.path("bid").asDouble() > 0 && quote.path("ask").asDouble() > quote.path("bid").asDouble());
            assertTrue(quote.path("size").asLong() > 0);
            assertTrue(quote.path("eventTime").asText().endsWith("Z"), record.value());
        }
    }

    @Test
    void rejectsAnInvalidProfileWithTheReasonAndKeepsTheOldOne() {
        // given
        putProfile("{\"type\":\"constant\",\"rate\":5}");
        // when / then
        given().contentType(ContentType.JSON).body("{\"type\":\"ramp\",\"fromRate\":1,\"rampSeconds\":3}")
                .put("/profile")
                .then().statusCode(400).body(containsString("toRate"));
        assertEquals(5.0, status().path("profile").path("rate").asDouble());
    }

    @Test
    void replaysTheNycTaxiTraceTimeCompressed() {
        // given
        assumeTrue(NabData.file("realKnownCause/nyc_taxi.csv").isPresent(),
                "shared NAB data not found beside the clone; skipping the trace replay");
        long before = status().path("acknowledged").asLong();
        // when: half a second per half-hour point, 0.01 records/s per taxi passenger
        putProfile("{\"type\":\"trace\",\"traceFile\":\"nyc_taxi.csv\",\"secondsPerPoint\":0.5,\"traceScale\":0.01}");
        // then: nyc_taxi values lie between 8 and 39197, so the rate is within [0.08, 392]
        double rate = status().path("currentRate").asDouble();
        assertTrue(rate > 0.0 && rate < 392, "rate " + rate);
        await().atMost(TIMEOUT).until(() -> status().path("acknowledged").asLong() > before + 20);
    }

    @Test
    void exposesPrometheusMetricsAndHealth() {
        // given
        putProfile("{\"type\":\"constant\",\"rate\":100}");
        await().atMost(TIMEOUT).until(() -> status().path("acknowledged").asLong() > 20);
        // when / then
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("homeostat_records_out_total{app=\"market-feed\",topic=\"quotes\"}"))
                .body(containsString("homeostat_processing_seconds_bucket{app=\"market-feed\""))
                .body(containsString("homeostat_busy_ratio{app=\"market-feed\"}"))
                .body(containsString("market_feed_target_rate{app=\"market-feed\"}"))
                .body(containsString("kafka_producer_record_send_total"))
                .body(containsString("jvm_memory_used_bytes"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void ridesOutABrokerRestartWithoutLosingQuotes() {
        // given: publishing at 300 records/s
        putProfile("{\"type\":\"constant\",\"rate\":300}");
        long before = status().path("acknowledged").asLong();
        await().atMost(TIMEOUT).until(() -> status().path("acknowledged").asLong() >= before + 150);
        // when: the broker goes away and comes back while the feed keeps generating
        broker.restart();
        long afterRestart = status().path("acknowledged").asLong();
        await().atMost(TIMEOUT).until(() -> status().path("acknowledged").asLong() >= afterRestart + 300);
        pause();
        // then: every quote generated so far is on the topic exactly once
        JsonNode status = status();
        long generated = status.path("generated").asLong();
        assertEquals(0, status.path("failed").asLong());
        assertEquals(generated, status.path("acknowledged").asLong());
        List<ConsumerRecord<String, String>> records = readQuotes();
        Set<Long> sequences = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            sequences.add(sequenceOf(record));
        }
        assertEquals(generated, sequences.size(), "distinct sequences on the topic");
        assertEquals(generated - 1, ((TreeSet<Long>) sequences).last());
        assertEquals(records.size(), sequences.size(), "the idempotent producer wrote no duplicate");
    }

    private long sequenceOf(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value()).path("sequence").asLong();
        } catch (Exception e) {
            throw new AssertionError("not a quote: " + record.value(), e);
        }
    }

    private List<ConsumerRecord<String, String>> readQuotes() {
        return KafkaTestClients.readAll(broker.bootstrapServers(), "quotes", TIMEOUT);
    }

    private static void putProfile(String json) {
        given().contentType(ContentType.JSON).body(json).put("/profile").then().statusCode(200);
    }

    private JsonNode status() {
        try {
            return mapper.readTree(given().get("/profile").then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
