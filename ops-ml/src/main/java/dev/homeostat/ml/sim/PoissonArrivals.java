package dev.homeostat.ml.sim;

import java.util.SplittableRandom;

/**
 * Seeded Poisson counts of arrivals per second around a given rate. Below {@value #NORMAL_ABOVE}
 * records/s it draws exactly (Knuth's product of uniforms); above, the normal approximation
 * {@code round(λ + √λ·z)}, whose error is negligible there and which costs O(1) whatever λ. The same
 * seed and the same rates give the same counts, so every policy of a seed faces the same load.
 */
final class PoissonArrivals {

    /** Rate above which the normal approximation is used. */
    static final double NORMAL_ABOVE = 30;

    private final SplittableRandom random;

    PoissonArrivals(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One draw with mean {@code rate}. */
    int next(double rate) {
        if (rate <= 0) {
            return 0;
        }
        if (rate > NORMAL_ABOVE) {
            return (int) Math.max(0, Math.round(rate + Math.sqrt(rate) * random.nextGaussian()));
        }
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
