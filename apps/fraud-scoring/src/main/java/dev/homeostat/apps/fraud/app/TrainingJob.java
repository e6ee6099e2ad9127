package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.fraud.scoring.ModelTrainer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/** Retrains the model on the schedule {@code fraud.training.interval}; scoring continues meanwhile. */
@ApplicationScoped
public class TrainingJob {

    private static final Logger LOG = Logger.getLogger(TrainingJob.class);

    private final ModelTrainer trainer;
    private final FraudMetrics metrics;

    /** The job with its collaborators. */
    public TrainingJob(ModelTrainer trainer, FraudMetrics metrics) {
        this.trainer = trainer;
        this.metrics = metrics;
    }

    /** One training run; skipped runs leave the current scorer in place. */
    @Scheduled(every = "${fraud.training.interval:60s}", delayed = "${fraud.training.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retrain() {
        switch (trainer.trainNow()) {
            case ModelTrainer.Trained t -> {
                metrics.trained(true, t.took());
                LOG.infof("model-v%d active: %d examples (%d fraud), fitted in %d ms", t.model().version(),
                        t.model().examples(), t.model().frauds(), t.took().toMillis());
            }
            case ModelTrainer.Skipped s -> {
                metrics.trained(false, Duration.ZERO);
                LOG.debugf("no new model: %s", s.reason());
            }
        }
    }
}
