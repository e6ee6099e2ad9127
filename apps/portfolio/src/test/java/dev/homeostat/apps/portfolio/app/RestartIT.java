package dev.homeostat.apps.portfolio.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.homeostat.apps.portfolio.domain.AccountBook;
import dev.homeostat.apps.portfolio.domain.Fill;
import dev.homeostat.kafka.testing.AppProcess;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaAssertions;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * A restart as a pod sees it, in one test: the packaged service runs as a process, gets SIGTERM while
 * fills keep arriving, and a second process restores the books from the compacted state topic and
 * applies the rest. The books must be those of every fill applied exactly once.
 */
class RestartIT {

    private static final long SEED = 5;
    private static final int ACCOUNTS = 6;
    private static final int TOTAL = 400;
    private static final int BEFORE_STOP = 250;

    @Test
    void restoresTheBooksAndAppliesEveryFillExactlyOnceAcrossASigtermRestart() throws Exception {
        try (EmbeddedKafkaBroker broker = PackagedService.broker()) {
            String bootstrap = broker.bootstrapServers();
            Map<String, String> config = PackagedService.config(broker);
            List<Fill> fills = TestFills.stream(SEED, ACCOUNTS, TOTAL);
            // given: the first run applies part of the stream
            try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(bootstrap);
                 AppProcess first = AppProcess.start(PackagedService.jar(), config, Path.of("target/restart-it-first.log"))) {
                first.awaitLog("restored", Duration.ofSeconds(90));
                fills.subList(0, BEFORE_STOP).forEach(f -> TestFills.send(producer, "fills", f));
                producer.flush();
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        KafkaTestClients.readAll(bootstrap, "portfolio-state", Duration.ofSeconds(30)).size() >= 50);
                // when: it gets SIGTERM while the rest of the stream arrives
                Thread sender = Thread.ofPlatform().start(() -> {
                    for (Fill fill : fills.subList(BEFORE_STOP, TOTAL)) {
                        TestFills.send(producer, "fills", fill);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    producer.flush();
                });
                assertTrue(first.terminate(Duration.ofSeconds(60)) != null, "the first run did not stop:\n" + first.log());
                sender.join();
            }
            // then: a second run restores the books and applies the rest, each fill exactly once
            try (AppProcess second = AppProcess.start(PackagedService.jar(), config, Path.of("target/restart-it-second.log"))) {
                second.awaitLog("restored", Duration.ofSeconds(90));
                KafkaAssertions.awaitCommittedToEnd(bootstrap, "portfolio", "fills", Duration.ofSeconds(120));
                RequestSpecification api = RestAssured.given().port(second.httpPort());
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        RestAssured.given().port(second.httpPort()).get("/q/health/ready").then().statusCode(200));
                for (AccountBook book : TestFills.expectedBooks(fills).values()) {
                    List<Map<String, Object>> positions = RestAssured.given().port(second.httpPort())
                            .get("/accounts/" + book.account() + "/positions")
                            .then().statusCode(200).extract().jsonPath().getList("$");
                    assertEquals(book.positions().size(), positions.size(), book.account());
                    for (Map<String, Object> position : positions) {
                        var want = book.positions().get((String) position.get("symbol"));
                        assertEquals(0, want.quantity().compareTo(new BigDecimal(position.get("quantity").toString())),
                                book.account() + " " + position);
                    }
                    BigDecimal fees = new BigDecimal(RestAssured.given().port(second.httpPort())
                            .get("/accounts/" + book.account() + "/pnl")
                            .then().statusCode(200).extract().jsonPath().getString("fees"));
                    assertEquals(0, book.fees().compareTo(fees), book.account() + " fees (one per applied fill)");
                }
                // and the books came from the state topic: it was read on start
                String restored = api.get("/q/metrics").then().extract().asString().lines()
                        .filter(l -> l.startsWith("portfolio_state_restored_total")).findFirst().orElse("none");
                assertTrue(!restored.equals("none") && !restored.endsWith(" 0.0"), restored);
            }
        }
    }
}
