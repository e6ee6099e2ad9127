package dev.homeostat.ml.maintenance;

import java.util.Objects;

/**
 * What {@link OomPredictor} concludes about one app's heap.
 *
 * @param state             whether a growing trend was found
 * @param secondsToOom      seconds until the after-GC heap reaches the limit at the current trend; NaN unless
 *                          {@link State#GROWING}
 * @param slopeBytesPerSecond growth of the after-GC heap in bytes/s at the current limit (NaN when not fitted)
 * @param usedFraction      fitted after-GC heap now, as a fraction of the limit (NaN when not fitted)
 * @param confidence        in [0, 1]: agreement of the pairwise slopes times the evidence of the window
 * @param reason            the conclusion in words, with the figures
 */
public record OomPrediction(State state, double secondsToOom, double slopeBytesPerSecond, double usedFraction,
                            double confidence, String reason) {

    /** The possible conclusions. */
    public enum State {
        /** Not enough after-GC lows in the window to fit anything. */
        INSUFFICIENT_DATA,
        /** The after-GC heap is flat, falling, or its growth is too small or too noisy to call. */
        NO_TREND,
        /** The after-GC heap grows steadily toward the limit. */
        GROWING
    }

    /** Validates the ranges. */
    public OomPrediction {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        if (state == State.GROWING && !(secondsToOom >= 0)) {
            throw new IllegalArgumentException("a growing heap needs secondsToOom >= 0, got " + secondsToOom);
        }
    }

    /** Whether the heap is heading for the limit. */
    public boolean growing() {
        return state == State.GROWING;
    }
}
