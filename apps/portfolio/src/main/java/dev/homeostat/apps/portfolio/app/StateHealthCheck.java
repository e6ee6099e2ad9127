package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.Portfolio;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the books are restored from the state topic: serving earlier would show stale positions. */
@Readiness
@ApplicationScoped
public class StateHealthCheck implements HealthCheck {

    private final StateReader reader;
    private final Portfolio portfolio;

    /** The check over the reader and the books. */
    public StateHealthCheck(StateReader reader, Portfolio portfolio) {
        this.reader = reader;
        this.portfolio = portfolio;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("portfolio-state").status(reader.restored())
                .withData("phase", reader.restored() ? "serving" : "restoring")
                .withData("stateRecordsRead", reader.records()).withData("accounts", portfolio.size()).build();
    }
}
