package dev.homeostat.ml.policy;

import java.time.Instant;

/**
 * One earlier decision, as the caller remembers it, for stabilization and rate limits.
 *
 * @param at          when it was made
 * @param recommended the replicas the terms asked for before the scale-down guardrails
 * @param before      the requested replicas when it was made
 * @param desired     the replicas it decided
 */
public record PastDecision(Instant at, int recommended, int before, int desired) {

    /** Validates the counts. */
    public PastDecision {
        if (at == null || recommended < 0 || before < 0 || desired < 0) {
            throw new IllegalArgumentException("past decision needs a time and counts >= 0, got at=" + at
                    + " recommended=" + recommended + " before=" + before + " desired=" + desired);
        }
    }

    /** Whether it changed the replica count. */
    public boolean changed() {
        return desired != before;
    }
}
