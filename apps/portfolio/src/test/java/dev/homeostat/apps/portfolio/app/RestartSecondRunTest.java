package dev.homeostat.apps.portfolio.app;

import dev.homeostat.kafka.testing.JvmWideKafkaResource;
import dev.homeostat.kafka.testing.KafkaAssertions;
import dev.homeostat.apps.portfolio.domain.AccountBook;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Second half of the restart test: the restarted service restores the books from the compacted state
 * topic (fills committed before the stop are not read again), applies the rest, and ends with exactly
 * the books of every fill applied once — repeats after the restart are recognised by offset and skipped.
 */
@QuarkusTest
@TestProfile(RestartProfiles.SecondRun.class)
@QuarkusTestResource(value = JvmWideKafkaResource.class, initArgs = @ResourceArg(
        name = "topics", value = RestartProfiles.TOPICS))
class RestartSecondRunTest {

    @Test
    void restoresTheBooksAndAppliesEveryFillExactlyOnce() {
        // given the stream the first run left half-processed
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(),
                RestartProfiles.FILLS, Duration.ofSeconds(30)).size() >= RestartFirstRunTest.TOTAL);
        int stateRecords = KafkaTestClients.readAll(JvmWideKafkaResource.bootstrapServers(), RestartProfiles.STATE, Duration.ofSeconds(30)).size();
        assumeTrue(stateRecords > 0, "run together with RestartFirstRunTest");
        // when the restarted service is ready and has caught up
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200));
        KafkaAssertions.awaitCommittedToEnd(JvmWideKafkaResource.bootstrapServers(), RestartProfiles.GROUP, RestartProfiles.FILLS, Duration.ofSeconds(60));
        // then every account's positions are those of each fill applied exactly once
        Map<String, AccountBook> expected = TestFills.expectedBooks(
                TestFills.stream(RestartFirstRunTest.SEED, RestartFirstRunTest.ACCOUNTS, RestartFirstRunTest.TOTAL));
        for (AccountBook book : expected.values()) {
            List<Map<String, Object>> positions = RestAssured.get("/accounts/" + book.account() + "/positions")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(book.positions().size(), positions.size(), book.account());
            for (Map<String, Object> position : positions) {
                var want = book.positions().get((String) position.get("symbol"));
                assertEquals(0, want.quantity().compareTo(new BigDecimal(position.get("quantity").toString())),
                        book.account() + " " + position);
            }
            BigDecimal fees = new BigDecimal(RestAssured.get("/accounts/" + book.account() + "/pnl").then().statusCode(200)
                    .extract().jsonPath().getString("fees"));
            assertEquals(0, book.fees().compareTo(fees), book.account() + " fees (one per applied fill)");
        }
        // and the books came from the state topic: it was read on start
        String restored = RestAssured.get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("portfolio_state_restored_total")).findFirst().orElse("none");
        assertTrue(!restored.equals("none") && !restored.endsWith(" 0.0"), restored);
    }
}
