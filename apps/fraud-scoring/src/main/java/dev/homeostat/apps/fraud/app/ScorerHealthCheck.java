package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.fraud.scoring.ActiveScorer;
import dev.homeostat.apps.fraud.scoring.ForestScorer;
import dev.homeostat.apps.fraud.scoring.TrainingWindow;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Optional;

/**
 * Says which scorer acts. Always UP — the rule-based fallback can score before any model exists —
 * but the details tell an operator whether alerts come from rules or from a trained model.
 */
@Readiness
@ApplicationScoped
public class ScorerHealthCheck implements HealthCheck {

    private final ActiveScorer active;
    private final TrainingWindow window;

    /** The check over the active scorer and the training window. */
    public ScorerHealthCheck(ActiveScorer active, TrainingWindow window) {
        this.active = active;
        this.window = window;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("fraud-scorer").up()
                .withData("trainingExamples", window.size());
        Optional<ForestScorer> model = active.model();
        if (model.isEmpty()) {
            return builder.withData("scorer", "rules").withData("detail", "no model trained yet: rule-based fallback")
                    .build();
        }
        ForestScorer m = model.get();
        return builder.withData("scorer", m.name()).withData("trainedAt", m.trainedAt().toString())
                .withData("trainedOn", m.examples()).build();
    }
}
