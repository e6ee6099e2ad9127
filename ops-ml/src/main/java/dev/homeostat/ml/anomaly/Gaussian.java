package dev.homeostat.ml.anomaly;

/** Standard normal tail probabilities, accurate to about 1e-7 absolute (Abramowitz &amp; Stegun 7.1.26 via erfc). */
final class Gaussian {

    private Gaussian() {
    }

    /** P(Z &gt; z) for a standard normal Z. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2.0));
    }

    /** Complementary error function, Numerical Recipes' Chebyshev fit (fractional error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
