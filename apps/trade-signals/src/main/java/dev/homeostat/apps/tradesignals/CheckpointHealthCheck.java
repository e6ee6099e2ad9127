package dev.homeostat.apps.tradesignals;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness DOWN once checkpointing failed: a restart replays from the last committed offsets. */
@Liveness
@ApplicationScoped
public class CheckpointHealthCheck implements HealthCheck {

    private final Checkpointer checkpointer;

    CheckpointHealthCheck(Checkpointer checkpointer) {
        this.checkpointer = checkpointer;
    }

    @Override
    public HealthCheckResponse call() {
        return checkpointer.failure()
                .map(reason -> HealthCheckResponse.named("trade-signals-checkpoint").down().withData("reason", reason).build())
                .orElseGet(() -> HealthCheckResponse.up("trade-signals-checkpoint"));
    }
}
