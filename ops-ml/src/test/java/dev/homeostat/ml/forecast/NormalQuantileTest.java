package dev.homeostat.ml.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The normal quantile matches tabulated and reference values. */
class NormalQuantileTest {

    @Test
    void matchesTabulatedQuantiles() {
        assertEquals(0.0, NormalQuantile.of(0.5), 1e-9);
        assertEquals(1.959964, NormalQuantile.of(0.975), 1e-6);
        assertEquals(-1.281552, NormalQuantile.of(0.1), 1e-6);
        assertEquals(-2.326348, NormalQuantile.of(0.01), 1e-6);
        assertEquals(3.090232, NormalQuantile.of(0.999), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.of(1.0));
    }

    @Test
    void matchesReferenceQuantilesToNearMachinePrecision() {
        // References: Python's statistics.NormalDist().inv_cdf (Wichura's AS 241, about 1e-16 relative).
        assertEquals(1.9599639845400536, NormalQuantile.of(0.975), 1e-13);
        assertEquals(1.6448536269514715, NormalQuantile.of(0.95), 1e-13);
        assertEquals(1.2815515655446008, NormalQuantile.of(0.9), 1e-13);
        // Far in the tail 2p - 1 loses digits before the inverse error function sees it: about 1e-9 relative.
        assertEquals(4.753424308817089, NormalQuantile.of(0.999999), 1e-8);
        assertEquals(-6.361340902404056, NormalQuantile.of(1e-10), 1e-7);
        assertEquals(-NormalQuantile.of(0.8), NormalQuantile.of(0.2), 1e-15);
    }

    @Test
    void refusesProbabilitiesOutsideTheOpenInterval() {
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.of(0.0));
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.of(-0.1));
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.of(Double.NaN));
    }
}
