package dev.homeostat.ml.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The normal quantile approximation matches tabulated values. */
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
}
