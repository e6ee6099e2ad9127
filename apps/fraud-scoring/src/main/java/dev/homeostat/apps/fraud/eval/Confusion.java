package dev.homeostat.apps.fraud.eval;

/** Counts of a binary alert decision against the truth, with the usual ratios. */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    /** An empty table. */
    public static Confusion empty() {
        return new Confusion(0, 0, 0, 0);
    }

    /** This table plus one decision. */
    public Confusion add(boolean alerted, boolean fraud) {
        return new Confusion(truePositives + (alerted && fraud ? 1 : 0), falsePositives + (alerted && !fraud ? 1 : 0),
                falseNegatives + (!alerted && fraud ? 1 : 0), trueNegatives + (!alerted && !fraud ? 1 : 0));
    }

    /** Share of alerts that were fraud; NaN without alerts. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** Share of frauds that raised an alert; NaN without frauds. */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** Harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
