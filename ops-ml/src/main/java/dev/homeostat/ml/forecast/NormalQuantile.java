package dev.homeostat.ml.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Quantile function of the standard normal distribution (Commons Math's, through the inverse error function),
 * used only for the rough band a forecaster gives before it has measured errors.
 */
final class NormalQuantile {

    /** N(0, 1) without a random generator: only its quantile function is used, and that draws nothing. */
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private NormalQuantile() {
    }

    /** The {@code p}-quantile of N(0, 1), {@code 0 < p < 1}. */
    static double of(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        return STANDARD.inverseCumulativeProbability(p);
    }
}
