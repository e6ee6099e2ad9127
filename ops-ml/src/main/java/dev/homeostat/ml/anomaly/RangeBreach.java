package dev.homeostat.ml.anomaly;

/**
 * Tail probability of a value that leaves the range of every value seen so far (the "spatial anomaly" rule of
 * Numenta's NAB detector, here graded instead of binary). Inside the range widened by {@code tolerance} of its width
 * the probability is 1; beyond it, a value is rarer than all {@code n} seen ones, so the probability starts at the
 * empirical {@code 1 / (n + 1)} and falls off exponentially with a scale of {@code tolerance} range widths, as the
 * {@link TailCalibrator} continues its tail. Because the bound is {@code 1 / (n + 1)}, the longer the history, the
 * rarer a breach must be to count. Memory: three numbers.
 */
final class RangeBreach {

    private final double tolerance;
    private final int minHistory;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long count;

    /**
     * @param tolerance  part of the range's width a value may lie outside it without counting
     * @param minHistory values to see before any breach counts
     */
    RangeBreach(double tolerance, int minHistory) {
        if (!(tolerance > 0) || minHistory < 1) {
            throw new IllegalArgumentException("need tolerance > 0 and minHistory >= 1; got tolerance=" + tolerance
                    + ", minHistory=" + minHistory);
        }
        this.tolerance = tolerance;
        this.minHistory = minHistory;
    }

    /** P(a value this far outside the range) before {@code value} is learned; 1 inside the tolerated range. */
    double pValue(double value) {
        double width = max - min;
        if (count < minHistory || !(width > 0)) {
            return 1.0;
        }
        double outside = Math.max(value - max, min - value) / width;
        if (outside <= tolerance) {
            return 1.0;
        }
        return Math.exp(-(outside - tolerance) / tolerance) / (count + 1.0);
    }

    void learn(double value) {
        min = Math.min(min, value);
        max = Math.max(max, value);
        count++;
    }
}
