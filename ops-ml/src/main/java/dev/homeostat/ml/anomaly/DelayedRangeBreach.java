package dev.homeostat.ml.anomaly;

/**
 * A {@link RangeBreach} judged against the values more than {@code lag} samples before the current one only, so a
 * value that drifts beyond the old extreme in steps smaller than the tolerance still breaches: the range it is judged
 * against does not follow it until {@code lag} samples later. Memory: {@code lag} doubles and the breach's three
 * numbers.
 */
final class DelayedRangeBreach {

    private final RangeBreach older;
    private final RecentValues pending;
    private final int lag;

    /**
     * @param tolerance  part of the older range's width a value may lie outside it without counting
     * @param minHistory older values to have learned before any breach counts
     * @param lag        samples a value waits before it joins the range, at least 1
     */
    DelayedRangeBreach(double tolerance, int minHistory, int lag) {
        if (lag < 1) {
            throw new IllegalArgumentException("lag must be >= 1, got " + lag);
        }
        this.older = new RangeBreach(tolerance, minHistory);
        this.pending = new RecentValues(lag);
        this.lag = lag;
    }

    /** {@link RangeBreach#pValue} of {@code value} against the values more than {@code lag} samples before it. */
    double pValue(double value) {
        return older.pValue(value);
    }

    /** Holds {@code value} back; the value {@code lag} samples older joins the range. */
    void learn(double value) {
        if (pending.size() == lag) {
            older.learn(pending.recent(lag - 1));
        }
        pending.add(value);
    }
}
