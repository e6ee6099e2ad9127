package dev.homeostat.ml.anomaly;

/**
 * Tail probability of a value stuck for longer than ever before: it counts how many samples in a row repeated the
 * value before them exactly, and on the sample at which the current run first outlasts every earlier run (when that
 * longest earlier run had at least {@code minLongest} samples) it gives {@code 1 / (runs + 1)}, with {@code runs} the
 * runs of one value seen so far, the current one included (the empirical chance that the newest run is the longest,
 * bounded like {@link RangeBreach}'s); 1 otherwise. Memory: four numbers.
 */
final class FlatRun {

    private final int minLongest;
    private double previous = Double.NaN;
    private long run;
    private long longest;
    private long runs;

    /** @param minLongest samples the longest earlier run must have had before a longer one counts, at least 1 */
    FlatRun(int minLongest) {
        if (minLongest < 1) {
            throw new IllegalArgumentException("minLongest must be >= 1, got " + minLongest);
        }
        this.minLongest = minLongest;
    }

    /** P(this run is the longest) on the sample that makes the current run longer than every earlier one; else 1. */
    double pValue(double value) {
        if (value != previous || longest < minLongest || run + 1 != longest + 1) {
            return 1.0;
        }
        return 1.0 / (runs + 1.0);
    }

    /** Extends the current run or starts a new one. */
    void learn(double value) {
        if (value == previous) {
            run++;
        } else {
            longest = Math.max(longest, run);
            run = 1;
            runs++;
        }
        previous = value;
    }
}
