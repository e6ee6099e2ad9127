package dev.homeostat.apps.fraud.scoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fits a new forest on the fresh part of the training window and swaps it in atomically; keeps the
 * current scorer when there is not enough fresh data.
 */
public final class ModelTrainer {

    private final TrainingWindow window;
    private final ActiveScorer active;
    private final ForestScorer.Options options;
    private final Clock clock;
    private final AtomicInteger versions = new AtomicInteger();

    /** A trainer reading {@code window} and swapping into {@code active}; {@code clock} decides what is fresh. */
    public ModelTrainer(TrainingWindow window, ActiveScorer active, ForestScorer.Options options, Clock clock) {
        this.window = window;
        this.active = active;
        this.options = options;
        this.clock = clock;
    }

    /** What one training run did. */
    public sealed interface Outcome permits Trained, Skipped {
    }

    /** A model was fitted and is now active. */
    public record Trained(ForestScorer model, Duration took) implements Outcome {
    }

    /** No model was fitted; the previous scorer stays. */
    public record Skipped(String reason) implements Outcome {
    }

    /** Trains on the examples fresh at the clock's current time. */
    public Outcome trainNow() {
        return trainAt(clock.instant());
    }

    /** Trains on the examples fresh at {@code now} (the evaluation replays stream time). */
    public synchronized Outcome trainAt(Instant now) {
        List<LabelledExample> fresh = window.freshAt(now);
        long started = System.nanoTime();
        try {
            ForestScorer model = ForestScorer.fit(fresh, options, versions.get() + 1, now);
            versions.incrementAndGet();
            active.swap(model);
            return new Trained(model, Duration.ofNanos(System.nanoTime() - started));
        } catch (ForestScorer.NotEnoughData e) {
            return new Skipped(e.getMessage());
        }
    }
}
