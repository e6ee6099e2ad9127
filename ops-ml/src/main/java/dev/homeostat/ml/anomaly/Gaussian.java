package dev.homeostat.ml.anomaly;

import org.apache.commons.math3.special.Erf;

/** Standard normal tail probabilities, from Commons Math's complementary error function. */
final class Gaussian {

    private static final double SQRT2 = Math.sqrt(2.0);

    private Gaussian() {
    }

    /** P(Z &gt; z) for a standard normal Z. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / SQRT2);
    }

    /** Complementary error function (Commons Math: a regularized gamma function, about 1e-15 relative). */
    static double erfc(double x) {
        return Erf.erfc(x);
    }
}
