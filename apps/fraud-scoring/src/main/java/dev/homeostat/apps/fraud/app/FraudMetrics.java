package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.fraud.domain.Assessment;
import dev.homeostat.apps.fraud.scoring.ActiveScorer;
import dev.homeostat.apps.fraud.scoring.ForestScorer;
import dev.homeostat.apps.fraud.scoring.TrainingWindow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;

/**
 * Fraud-specific metrics: which scorer acts (0 = rules fallback, else the model version), model age,
 * training runs by outcome, training time, examples in the window, and the score distribution.
 */
@ApplicationScoped
public class FraudMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary scores;
    private final Timer training;

    /** Registers the meters. */
    public FraudMetrics(MeterRegistry registry, ActiveScorer active, TrainingWindow window, Clock clock) {
        this.registry = registry;
        Gauge.builder("fraud.model.version", active, a -> a.model().map(ForestScorer::version).orElse(0))
                .description("Version of the model in use; 0 means the rule-based fallback scores").register(registry);
        Gauge.builder("fraud.model.age", active, a -> a.model()
                        .map(m -> Duration.between(m.trainedAt(), clock.instant()).toMillis() / 1000.0).orElse(Double.NaN))
                .baseUnit("seconds").description("Time since the model in use was fitted").register(registry);
        Gauge.builder("fraud.training.window.examples", window, TrainingWindow::size)
                .description("Labelled examples held for training").register(registry);
        scores = DistributionSummary.builder("fraud.score").description("Fraud scores of payments")
                .serviceLevelObjectives(0.1, 0.25, 0.5, 0.75, 0.9).register(registry);
        training = Timer.builder("fraud.model.training").description("Time to fit a model").register(registry);
    }

    /** Records the score of one payment. */
    public void scored(Assessment assessment) {
        scores.record(assessment.score());
    }

    /** Records a training run. */
    public void trained(boolean fitted, Duration took) {
        Counter.builder("fraud.model.trainings").tag("outcome", fitted ? "trained" : "skipped")
                .description("Training runs by outcome").register(registry).increment();
        if (fitted) {
            training.record(took);
        }
    }
}
