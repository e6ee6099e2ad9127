package dev.homeostat.apps.tradesignals;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.apps.tradesignals.domain.Quote;
import dev.homeostat.apps.tradesignals.domain.QuoteStreams;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.InjectKafkaBroker;
import dev.homeostat.kafka.testing.KafkaBrokerTestResource;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app against a real in-JVM broker. Each test uses its own symbols, so the orders it expects are
 * those the pure strategy computes for exactly the quotes it sent.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(
        name = KafkaBrokerTestResource.TOPICS_ARG, value = "quotes:3,orders:3,quotes-dlq:1,trade-signals-state:3:compact"))
class TradeSignalsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    SignalProcessor processor;

    @Inject
    ObjectMapper mapper;

    private QuoteTraffic traffic;

    @BeforeEach
    void traffic() {
        traffic = new QuoteTraffic(broker.bootstrapServers());
    }

    @Test
    void emitsExactlyTheOrdersTheStrategyPredicts() throws Exception {
        // given
        List<Quote> quotes = interleave(QuoteStreams.wave("EMIT-A", 400, 40, 1), QuoteStreams.wave("EMIT-B", 400, 55, 2));
        // when
        Set<String> expected = QuoteTraffic.expectedOrderIds(traffic.send(quotes));
        assertFalse(expected.isEmpty(), "the quote paths should trigger orders");
        // then
        await().atMost(TIMEOUT).until(() -> Set.copyOf(traffic.orderIdsOnTopic("EMIT-")).containsAll(expected));
        List<String> emitted = traffic.orderIdsOnTopic("EMIT-");
        assertEquals(expected, Set.copyOf(emitted));
        assertEquals(emitted.size(), Set.copyOf(emitted).size(), "no order emitted twice");
        ConsumerRecord<String, String> anOrder = traffic.readAll("orders").stream()
                .filter(r -> r.key().startsWith("EMIT-")).findFirst().orElseThrow();
        JsonNode order = mapper.readTree(anOrder.value());
        assertEquals(anOrder.key(), order.path("symbol").asText());
        assertTrue(Set.of("BUY", "SELL").contains(order.path("side").asText()));
        assertEquals(100, order.path("quantity").asLong());
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndProcessingContinues() {
        // given
        List<Quote> before = QuoteStreams.wave("POISON", 30, 40, 3);
        List<Quote> after = QuoteStreams.wave("POISON", 60, 40, 3).subList(30, 60);
        // when
        traffic.send(before);
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>("quotes", "POISON", "this is not json"));
            producer.send(new ProducerRecord<>("quotes", "POISON",
                    "{\"symbol\":\"POISON\",\"bid\":2.0,\"ask\":1.0,\"size\":1,\"eventTime\":\"2026-01-02T14:30:00Z\"}"));
        }
        traffic.send(after);
        // then: both bad records are dead-lettered with their error, and every good quote was applied
        await().atMost(TIMEOUT).until(() -> deadLetters("POISON").size() == 2);
        await().atMost(TIMEOUT).until(() -> processor.state("POISON") != null && processor.state("POISON").count() == 60);
        List<ConsumerRecord<String, String>> dead = deadLetters("POISON");
        assertEquals("this is not json", dead.get(0).value());
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("invalid quote"), header(dead.get(0), "dead-letter-reason"));
        assertTrue(header(dead.get(1), "dead-letter-reason").contains("bid=2.0 ask=1.0"));
        assertEquals("quotes", header(dead.get(1), "dead-letter-topic"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("homeostat_errors_total{app=\"trade-signals\",kind=\"malformed\"}"));
    }

    @Test
    void stateFollowsPartitionsThroughARebalanceWithoutLossOrDuplicates() {
        // given: the app has processed the first half
        List<Quote> quotes = interleave(QuoteStreams.wave("REBAL-A", 600, 45, 4), QuoteStreams.wave("REBAL-B", 600, 35, 5),
                QuoteStreams.wave("REBAL-C", 600, 50, 6));
        List<SentQuote> sent = new ArrayList<>(traffic.send(quotes.subList(0, 900)));
        awaitApplied(sent);
        // when: a second member joins the group, takes partitions (and their state) away, then leaves
        try (KafkaConsumer<String, String> intruder = groupMember()) {
            intruder.subscribe(List.of("quotes"));
            await().atMost(TIMEOUT).until(() -> {
                intruder.poll(Duration.ofMillis(100));
                return !intruder.assignment().isEmpty();
            });
            sent.addAll(traffic.send(quotes.subList(900, quotes.size())));
            intruder.poll(Duration.ofMillis(300));
        }
        // then: after the partitions come back, the states restored from the state topic carry on
        awaitApplied(sent);
        Set<String> expected = QuoteTraffic.expectedOrderIds(sent);
        assertFalse(expected.isEmpty(), "the quote paths should trigger orders");
        await().atMost(TIMEOUT).until(() -> Set.copyOf(traffic.orderIdsOnTopic("REBAL-")).containsAll(expected));
        List<String> emitted = traffic.orderIdsOnTopic("REBAL-");
        assertEquals(expected, Set.copyOf(emitted));
        assertEquals(emitted.size(), Set.copyOf(emitted).size(), "no order emitted twice");
    }

    @Test
    void survivesABrokerRestartMidStream() {
        // given
        List<Quote> quotes = interleave(QuoteStreams.wave("RESTART-A", 500, 45, 7), QuoteStreams.wave("RESTART-B", 500, 30, 8));
        List<SentQuote> sent = new ArrayList<>(traffic.send(quotes.subList(0, 400)));
        // when: the broker stops and starts while the app is consuming, then the rest arrives
        broker.restart();
        sent.addAll(traffic.send(quotes.subList(400, quotes.size())));
        // then
        awaitApplied(sent);
        Set<String> expected = QuoteTraffic.expectedOrderIds(sent);
        assertFalse(expected.isEmpty(), "the quote paths should trigger orders");
        await().atMost(TIMEOUT).until(() -> Set.copyOf(traffic.orderIdsOnTopic("RESTART-")).containsAll(expected));
        List<String> emitted = traffic.orderIdsOnTopic("RESTART-");
        assertEquals(expected, Set.copyOf(emitted));
        assertEquals(emitted.size(), Set.copyOf(emitted).size(), "the idempotent producer wrote no order twice");
    }

    @Test
    void exposesThroughputLagBusyAndHealth() throws IOException {
        // given
        awaitApplied(traffic.send(QuoteStreams.wave("METRICS", 50, 40, 9)));
        // when / then
        await().atMost(TIMEOUT).until(() -> given().get("/q/metrics").asString()
                .contains("homeostat_consumer_lag{app=\"trade-signals\",partition=\""));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("homeostat_records_in_total{app=\"trade-signals\",topic=\"quotes\"}"))
                .body(containsString("homeostat_records_out_total{app=\"trade-signals\",topic=\"orders\"}"))
                .body(containsString("homeostat_processing_seconds_bucket{app=\"trade-signals\""))
                .body(containsString("homeostat_busy_ratio{app=\"trade-signals\"}"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{"))
                .body(containsString("jvm_memory_used_bytes"));
        // Kept for the chart's dashboard check (helm module, DashboardQueriesTest): the metric names a running app has.
        Path scrape = Path.of("target", "metrics-scrape", "trade-signals.prom");
        Files.createDirectories(scrape.getParent());
        Files.writeString(scrape, given().get("/q/metrics").asString());
        given().get("/q/health/live").then().statusCode(200).body(containsString("trade-signals-checkpoint"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private void awaitApplied(List<SentQuote> sent) {
        Map<String, Long> lastOffset = new java.util.HashMap<>();
        for (SentQuote quote : sent) {
            lastOffset.merge(quote.quote().symbol(), quote.offset(), Math::max);
        }
        await().atMost(TIMEOUT).until(() -> lastOffset.entrySet().stream().allMatch(entry -> {
            var state = processor.state(entry.getKey());
            return state != null && state.lastOffset() >= entry.getValue();
        }));
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key) {
        return traffic.readAll("quotes-dlq").stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertFalse(header == null, "missing header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> groupMember() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "trade-signals");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    @SafeVarargs
    private static List<Quote> interleave(List<Quote>... streams) {
        List<Quote> merged = new ArrayList<>();
        int longest = 0;
        for (List<Quote> stream : streams) {
            longest = Math.max(longest, stream.size());
        }
        for (int i = 0; i < longest; i++) {
            for (List<Quote> stream : streams) {
                if (i < stream.size()) {
                    merged.add(stream.get(i));
                }
            }
        }
        return merged;
    }
}
