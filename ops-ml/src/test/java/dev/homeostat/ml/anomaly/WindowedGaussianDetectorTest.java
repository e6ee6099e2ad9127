package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowedGaussianDetectorTest {

    @Test
    void farOutlierScoresNearOneAndTypicalValueLow() {
        // given 500 standard-normal samples
        WindowedGaussianDetector detector = WindowedGaussianDetector.create(new WindowedGaussianDetector.Options(400, 10));
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            detector.score(i, random.nextGaussian());
        }
        // then an 8-sigma value scores ~1 and the mean scores ~0
        assertTrue(detector.score(500, 8.0) > 0.999);
        assertTrue(detector.score(501, 0.0) < 0.2);
    }

    @Test
    void firstSampleScoresZero() {
        assertEquals(0.0, WindowedGaussianDetector.create(new WindowedGaussianDetector.Options()).score(0, 5.0));
    }

    @Test
    void optionsValidate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WindowedGaussianDetector.Options(1, 0));
        assertTrue(e.getMessage().contains("window=1"), e.getMessage());
    }

    @Test
    void gaussianTailMatchesKnownValues() {
        assertEquals(0.5, Gaussian.upperTail(0), 1e-7);
        assertEquals(0.0227501, Gaussian.upperTail(2), 1e-6);
        assertEquals(0.9772499, Gaussian.upperTail(-2), 1e-6);
    }
}
