package dev.homeostat.ml.policy;

/**
 * What the anomaly detector currently says about the app.
 *
 * @param active  whether an anomaly is currently flagged
 * @param score   latest anomaly score in [0, 1] (NaN if no detector runs)
 * @param summary short description of the anomaly, empty when none
 */
public record AnomalyState(boolean active, double score, String summary) {

    /** No detector or nothing flagged. */
    public static final AnomalyState NONE = new AnomalyState(false, Double.NaN, "");

    /** Validates the score range and the summary. */
    public AnomalyState {
        if (!Double.isNaN(score) && !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1] or NaN, got " + score);
        }
        if (summary == null) {
            throw new IllegalArgumentException("summary must not be null (use \"\")");
        }
    }
}
