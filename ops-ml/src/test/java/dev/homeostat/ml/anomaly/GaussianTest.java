package dev.homeostat.ml.anomaly;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Normal tail probabilities match reference values far into the tail, where the detector's scores live. */
class GaussianTest {

    // References: Python's math.erfc (the C library's, correctly rounded to about 1 ulp).

    @Test
    void erfcMatchesReferenceValues() {
        assertEquals(0.4795001221869535, Gaussian.erfc(0.5), 1e-15);
        assertEquals(1.842700792949715, Gaussian.erfc(-1), 1e-15);
        assertEquals(2.088487583762545e-45, Gaussian.erfc(10), 1e-57);
    }

    @Test
    void upperTailMatchesReferenceValues() {
        assertEquals(0.025, Gaussian.upperTail(1.959963984540054), 1e-15);
        assertEquals(0.0013498980316300957, Gaussian.upperTail(3), 1e-16);
        assertEquals(9.865876450377012e-10, Gaussian.upperTail(6), 1e-20);
    }

    @Test
    void tailsAreSymmetricAndMonotone() {
        for (double z = -8; z <= 8; z += 0.25) {
            assertEquals(1.0, Gaussian.upperTail(z) + Gaussian.upperTail(-z), 1e-15, "z=" + z);
            assertTrue(Gaussian.upperTail(z + 0.25) < Gaussian.upperTail(z), "z=" + z);
        }
    }
}
