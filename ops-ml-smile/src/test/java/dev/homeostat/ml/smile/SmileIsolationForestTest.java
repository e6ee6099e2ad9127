package dev.homeostat.ml.smile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.ml.anomaly.Detectors;
import dev.homeostat.ml.anomaly.StreamingDetector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Smile channel is found through ServiceLoader and is deterministic for a seed. */
class SmileIsolationForestTest {

    private static double[] run(long seed) {
        StreamingDetector detector = Detectors.create("isolationForest", seed);
        SplittableRandom random = new SplittableRandom(5);
        double[] scores = new double[3000];
        for (int i = 0; i < scores.length; i++) {
            double value = 100 + 10 * Math.sin(i / 30.0) + random.nextGaussian() + (i == 2500 ? 80 : 0);
            scores[i] = detector.score(i * 60_000L, value);
        }
        return scores;
    }

    @Test
    void isolationForestIsRegisteredWithThisModuleAndRepeatsForASeed() {
        // given this module on the class path, then the detector is known
        assertTrue(Detectors.names().contains("isolationForest"), Detectors.names().toString());
        // when it scores the same series twice with one seed, then the scores are identical and in [0, 1]
        double[] a = run(42);
        assertArrayEquals(a, run(42));
        for (double s : a) {
            assertTrue(s >= 0 && s <= 1, "score " + s);
        }
        // and the forest, once fitted, does score
        assertTrue(java.util.Arrays.stream(a).max().orElse(0) > 0);
    }
}
