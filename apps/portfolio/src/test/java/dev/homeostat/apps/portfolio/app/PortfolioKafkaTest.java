package dev.homeostat.apps.portfolio.app;

import dev.homeostat.kafka.testing.JvmWideKafkaResource;
import dev.homeostat.kafka.testing.KafkaAssertions;
import dev.homeostat.apps.portfolio.domain.AccountBook;
import dev.homeostat.apps.portfolio.domain.Fill;
import dev.homeostat.apps.portfolio.domain.PortfolioJson;
import dev.homeostat.apps.portfolio.domain.Shard;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service on a real broker: fills in, books on the state topic, positions and P&L over REST. */
@QuarkusTest
@QuarkusTestResource(value = JvmWideKafkaResource.class, initArgs = @ResourceArg(name = "topics",
        value = "fills:3,orders:3,quotes:1,portfolio-state:3:compact,fills-dlq:1,orders-dlq:1,quotes-dlq:1"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortfolioKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    @Order(1)
    void buildsPositionsFromFillsAndPersistsEachBook() {
        // given a ready service and a stream of fills
        await().atMost(TIMEOUT).untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200));
        List<Fill> fills = TestFills.stream(1, 4, 120);
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(JvmWideKafkaResource.bootstrapServers())) {
            fills.forEach(f -> TestFills.send(producer, "fills", f));
        }
        // when they are processed
        KafkaAssertions.awaitCommittedToEnd(JvmWideKafkaResource.bootstrapServers(), "portfolio", "fills", TIMEOUT);
        // then the REST view matches every fill applied once
        Map<String, AccountBook> expected = TestFills.expectedBooks(fills);
        for (AccountBook book : expected.values()) {
            for (var position : book.positions().values()) {
                RestAssured.get("/accounts/" + book.account() + "/positions").then().statusCode(200)
                        .body("find { it.symbol == '" + position.symbol() + "' }.quantity",
                                equalTo(position.quantity().intValueExact()));
            }
            RestAssured.get("/accounts/" + book.account() + "/pnl").then().statusCode(200)
                    .body("realizedPnl", equalTo(book.realizedPnl().setScale(4, java.math.RoundingMode.HALF_EVEN).floatValue()));
        }
        // and the state topic holds each account's latest book (fills are keyed by account: one shard each)
        List<ConsumerRecord<String, String>> state = KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(), "portfolio-state", TIMEOUT);
        for (AccountBook book : expected.values()) {
            AccountBook latest = state.stream().filter(r -> Shard.parse(r.key()).account().equals(book.account()))
                    .map(r -> PortfolioJson.parseBook(r.value())).reduce((a, b) -> b).orElseThrow();
            assertEquals(book.positions(), latest.positions());
            assertEquals(book.version(), latest.version());
        }
    }

    @Test
    @Order(2)
    void marksPositionsToTheLatestQuote() {
        // given acc-9 long 10 AAPL at 100
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(JvmWideKafkaResource.bootstrapServers())) {
            producer.send(new ProducerRecord<>("fills", "acc-9", """
                    {"fillId":"m1","orderId":"o1","account":"acc-9","symbol":"AAPL","side":"BUY","quantity":10,
                     "price":100,"timestamp":"2026-03-02T14:30:00Z"}"""));
            producer.flush();
            // when quotes arrive (resent until the quotes consumer, which starts at the latest offset, sees one)
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                producer.send(new ProducerRecord<>("quotes", "AAPL", """
                        {"symbol":"AAPL","bid":104.0,"ask":106.0,"size":100,"eventTime":"2026-03-02T14:31:00Z","sequence":1}"""));
                producer.flush();
                // then
                RestAssured.get("/accounts/acc-9/pnl").then().statusCode(200).body("unrealizedPnl", equalTo(50.0f));
            });
        }
        RestAssured.get("/accounts/acc-9/positions").then().statusCode(200)
                .body("[0].markPrice", equalTo(105.0f)).body("[0].marketValue", equalTo(1050.0f));
    }

    @Test
    @Order(3)
    void poisonFillsGoToTheDeadLetterTopicAndTheServiceKeepsGoing() {
        // given a broken fill, then a good one for the same account
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(JvmWideKafkaResource.bootstrapServers())) {
            producer.send(new ProducerRecord<>("fills", "acc-p", "{\"fillId\":\"p1\",\"account\":\"acc-p\",\"side\":\"HOLD\"}"));
            producer.send(new ProducerRecord<>("fills", "acc-p", """
                    {"fillId":"p2","account":"acc-p","symbol":"MSFT","side":"SELL","quantity":3,"price":300,
                     "timestamp":"2026-03-02T14:30:00Z"}"""));
        }
        // when
        KafkaAssertions.awaitCommittedToEnd(JvmWideKafkaResource.bootstrapServers(), "portfolio", "fills", TIMEOUT);
        // then the broken one is dead-lettered with its reason, the good one applied, the failure counted
        List<ConsumerRecord<String, String>> dead = KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(), "fills-dlq", TIMEOUT);
        assertEquals(1, dead.size());
        String reason = new String(dead.getFirst().headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("malformed fill"), reason);
        RestAssured.get("/accounts/acc-p/positions").then().statusCode(200).body("[0].quantity", equalTo(-3));
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("homeostat_errors_total{app=\"portfolio\",kind=\"malformed\",topic=\"fills\"} 1.0"));
    }

    @Test
    @Order(4)
    void booksTradeSignalsOrdersOnceEvenWhenReEmitted() {
        // given two orders of trade-signals, the first re-emitted after a (simulated) crash with the same id
        String buy = """
                {"orderId":"NVDA:1:40","symbol":"NVDA","side":"BUY","quantity":100,"limitPrice":120.5,
                 "quoteTime":"2026-03-02T14:30:00Z","fastEma":120.1,"slowEma":119.9}""";
        String sell = """
                {"orderId":"NVDA:1:90","symbol":"NVDA","side":"SELL","quantity":40,"limitPrice":121.5,
                 "quoteTime":"2026-03-02T14:31:00Z","fastEma":121.0,"slowEma":121.2}""";
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(JvmWideKafkaResource.bootstrapServers())) {
            producer.send(new ProducerRecord<>("orders", "NVDA", buy));
            producer.send(new ProducerRecord<>("orders", "NVDA", sell));
            producer.send(new ProducerRecord<>("orders", "NVDA", buy));
        }
        // when
        KafkaAssertions.awaitCommittedToEnd(JvmWideKafkaResource.bootstrapServers(), "portfolio", "orders", TIMEOUT);
        // then the strategy account holds 100 - 40 and realized 40 x 1.0, the repeat skipped
        RestAssured.get("/accounts/trade-signals/positions").then().statusCode(200)
                .body("[0].symbol", equalTo("NVDA")).body("[0].quantity", equalTo(60));
        RestAssured.get("/accounts/trade-signals/pnl").then().statusCode(200).body("realizedPnl", equalTo(40.0f));
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("portfolio_fills_duplicates_total 1.0"));
    }

    @Test
    @Order(5)
    void answersNotFoundForAnUnknownAccountAndExposesMetrics() {
        RestAssured.get("/accounts/nobody/pnl").then().statusCode(404);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("homeostat_records_in_total{app=\"portfolio\",topic=\"fills\"}",
                "homeostat_records_out_total{app=\"portfolio\",topic=\"portfolio-state\"}",
                "homeostat_processing_seconds_bucket{app=\"portfolio\"", "homeostat_busy_ratio{app=\"portfolio\"}",
                "portfolio_accounts", "kafka_consumer_fetch_manager_records_lag_max{", "http_server_requests_seconds_count",
                "homeostat_consumer_lag{app=\"portfolio\",partition=\"0\",topic=\"fills\"}")) {
            assertTrue(metrics.contains(name), name + " missing from /q/metrics");
        }
    }
}
