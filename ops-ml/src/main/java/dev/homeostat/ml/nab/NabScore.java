package dev.homeostat.ml.nab;

import java.util.Map;

/**
 * The result of scoring one detector with one cost profile over a corpus.
 *
 * @param profile     the cost profile
 * @param threshold   the anomaly-score threshold that maximised the raw score over the whole corpus
 * @param raw         raw NAB score at that threshold
 * @param nullScore   raw score of a detector that never fires
 * @param perfect     {@code tpWeight * windows}: NAB's perfect detector, one detection on the first row of every window
 * @param normalized  {@code 100 * (raw - null) / (perfect - null)}: 0 for the null detector, 100 for the perfect one
 * @param byCategory  the same figures per category, at the corpus-wide threshold
 */
public record NabScore(CostProfile profile, double threshold, double raw, double nullScore, double perfect,
                       double normalized, Map<String, CategoryScore> byCategory) {

    public NabScore {
        byCategory = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byCategory));
    }

    /**
     * Figures of one category at the corpus-wide threshold.
     *
     * @param raw        raw score of the category's files
     * @param nullScore  raw score of the null detector on them
     * @param perfect    raw score of the perfect detector on them
     * @param normalized normalised score, NaN when the category has no windows (then only raw, i.e. false-positive cost, means anything)
     * @param truePositives  windows detected
     * @param falseNegatives windows missed
     * @param falsePositives detections outside every window
     */
    public record CategoryScore(double raw, double nullScore, double perfect, double normalized,
                                int truePositives, int falseNegatives, int falsePositives) {
    }
}
