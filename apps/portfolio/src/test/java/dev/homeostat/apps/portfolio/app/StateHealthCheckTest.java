package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.Portfolio;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Readiness stays DOWN while the books are restored. */
class StateHealthCheckTest {

    @Test
    void notReadyBeforeTheBooksAreRestored() {
        // given a reader that has not finished (here: not started) restoring
        Portfolio portfolio = new Portfolio();
        StateReader reader = new StateReader(portfolio, null, null, null, java.util.Map.of("bootstrap.servers", "127.0.0.1:1"));
        // when
        HealthCheckResponse response = new StateHealthCheck(reader, portfolio).call();
        // then
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("restoring", response.getData().orElseThrow().get("phase"));
    }
}
