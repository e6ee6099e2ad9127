package dev.homeostat.apps.fraud.domain;

import java.util.List;

/**
 * The fraud score of one payment in [0, 1], which scorer produced it, and any human-readable reasons.
 *
 * @param scorer  {@code rules} before the first model exists, else {@code model-v<N>}
 */
public record Assessment(double score, String scorer, List<String> reasons) {

    /** Rejects scores outside [0, 1] so a broken scorer cannot hide behind the threshold. */
    public Assessment {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0,1], got " + score);
        }
        reasons = List.copyOf(reasons);
    }
}
