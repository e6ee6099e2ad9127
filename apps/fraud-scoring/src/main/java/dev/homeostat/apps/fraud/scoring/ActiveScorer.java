package dev.homeostat.apps.fraud.scoring;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scorer in use: the rule-based fallback until the first model is fitted, then the newest model.
 * A swap is one atomic reference write, so a payment is scored wholly by one scorer.
 */
public final class ActiveScorer {

    private final Scorer fallback = new RuleBasedScorer();
    private final AtomicReference<ForestScorer> model = new AtomicReference<>();

    /** The scorer to use for the next payment. */
    public Scorer current() {
        ForestScorer fitted = model.get();
        return fitted != null ? fitted : fallback;
    }

    /** The fitted model, if any. */
    public Optional<ForestScorer> model() {
        return Optional.ofNullable(model.get());
    }

    /** Makes {@code next} the scorer for every payment scored after this call. */
    public void swap(ForestScorer next) {
        model.set(next);
    }
}
