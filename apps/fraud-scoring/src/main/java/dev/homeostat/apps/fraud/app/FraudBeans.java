package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.fraud.features.FeatureExtractor;
import dev.homeostat.apps.fraud.scoring.ActiveScorer;
import dev.homeostat.apps.fraud.scoring.ForestScorer;
import dev.homeostat.apps.fraud.scoring.FraudEngine;
import dev.homeostat.apps.fraud.scoring.ModelTrainer;
import dev.homeostat.apps.fraud.scoring.TrainingWindow;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the plain-Java scoring core from {@link FraudConfig}; the core itself knows nothing of CDI. */
public class FraudBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ActiveScorer activeScorer() {
        return new ActiveScorer();
    }

    @Produces
    @Singleton
    TrainingWindow trainingWindow(FraudConfig config) {
        return new TrainingWindow(config.training().windowSize(), config.training().maxAge());
    }

    @Produces
    @Singleton
    FraudEngine engine(FraudConfig config, ActiveScorer active, TrainingWindow window) {
        return new FraudEngine(new FeatureExtractor(config.maxAccounts()), active, window);
    }

    @Produces
    @Singleton
    ModelTrainer trainer(FraudConfig config, TrainingWindow window, ActiveScorer active, Clock clock) {
        FraudConfig.Training t = config.training();
        var options = new ForestScorer.Options(t.trees(), t.maxDepth(), t.nodeSize(), t.minExamples(), t.minFrauds(),
                t.negativesPerFraud(), t.seed());
        return new ModelTrainer(window, active, options, clock);
    }
}
