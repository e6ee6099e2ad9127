package dev.homeostat.ml.anomaly;

/**
 * Turns a raw surprise into a tail probability against the component's own recent history, so that
 * surprises of different series and components become comparable and a single threshold fits all.
 * Below the top {@code tailCount} history values the probability is the empirical rank; above it, an
 * exponential tail (a generalised Pareto tail with zero shape, as in SPOT, Siffer et al. 2017) is fitted
 * to the excesses, so values never seen before still get graded probabilities.
 */
final class TailCalibrator {

    private final SortedWindow history;
    private final int minHistory;
    private final double tailFraction;

    TailCalibrator(int capacity, int minHistory, double tailFraction) {
        this.history = new SortedWindow(capacity);
        this.minHistory = minHistory;
        this.tailFraction = tailFraction;
    }

    /** P(raw' &gt;= raw) under the recent history; 1 while the history is shorter than {@code minHistory}. */
    double pValue(double raw) {
        int n = history.size();
        if (n < minHistory) {
            return 1.0;
        }
        double max = history.largest(1);
        if (raw <= max) {
            return (history.countAtLeast(raw) + 1.0) / (n + 1.0);
        }
        int tail = Math.max(5, (int) Math.ceil(tailFraction * n));
        double threshold = history.largest(tail);
        double excessSum = 0;
        for (int k = 1; k < tail; k++) {
            excessSum += history.largest(k) - threshold;
        }
        double meanExcess = Math.max(excessSum / (tail - 1), 1e-12 * Math.max(1.0, Math.abs(max)));
        // Beyond everything seen: the fitted exponential tail, continued from the empirical 1/(n+1) at the maximum.
        return Math.exp(-(raw - max) / meanExcess) / (n + 1.0);
    }

    /** Records a raw surprise. */
    void learn(double raw) {
        history.add(raw);
    }
}
