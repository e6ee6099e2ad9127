package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class FailureBurstDetectorTest {

    private static final long STEP = 5_000;

    @Test
    void poisonInAnAppThatNeverFailsIsFlaggedAtOnce() {
        // given an app that failed nothing for an hour of 5 s rounds
        var detector = new FailureBurstDetector(FailureBurstDetector.Options.defaults());
        long t = 0;
        for (int i = 0; i < 720; i++, t += STEP) {
            assertEquals(0.0, detector.score(t, 0.0));
        }
        // when 50 poison records fail within one round (10/s over 5 s)
        double score = detector.score(t, 10.0);
        // then the burst is as good as impossible under the background of one failure per hour
        assertEquals(50, detector.lastCount());
        assertTrue(score > 0.999_999, "score " + score);
    }

    @Test
    void aSteadyTrickleOfFailuresBecomesTheBackgroundAndOnlyABurstAboveItIsFlagged() {
        // given an app that fails about 0.2 records/s (Poisson) for three hours of 15 s rounds
        var detector = new FailureBurstDetector(FailureBurstDetector.Options.defaults());
        var failures = new PoissonDistribution(new Well19937c(7), 3.0, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        long t = 0;
        int flagged = 0;
        for (int i = 0; i < 720; i++, t += 15_000) {
            int count = failures.sample();
            if (detector.score(t, count / 15.0) >= 0.99 && i > 360) {
                flagged++;
            }
        }
        // then once learned, the trickle itself is rarely flagged (about 1 % of rounds at the 0.99 threshold)
        assertTrue(flagged <= 10, "trickle rounds flagged after learning: " + flagged);
        assertEquals(0.2, detector.backgroundPerSecond(), 0.06);
        // when 60 records fail in one round
        double score = detector.score(t, 60 / 15.0);
        // then that is flagged
        assertTrue(score >= 0.99, "burst score " + score);
    }

    @Test
    void poissonTailMatchesTheDirectSum() {
        // the far tail (k > mean) and the complement branch against a plain sum of terms
        for (double mean : new double[] {0.001, 0.5, 3.0, 20.0}) {
            for (long k = 1; k <= 40; k++) {
                double direct = 0;
                double term = Math.exp(-mean);
                for (int j = 0; j < 400; j++) {
                    if (j >= k) {
                        direct += term;
                    }
                    term *= mean / (j + 1);
                }
                assertEquals(direct, FailureBurstDetector.upperTail(k, mean), Math.max(1e-12, direct * 1e-9),
                        "k=" + k + " mean=" + mean);
            }
        }
    }

    @Test
    void theFirstSampleHasNoIntervalAndScoresNothing() {
        var detector = new FailureBurstDetector(FailureBurstDetector.Options.defaults());
        assertEquals(0.0, detector.score(1_000, 50.0));
        assertEquals(0, detector.lastCount());
        assertThrows(IllegalArgumentException.class, () -> detector.score(2_000, -1.0));
        assertThrows(IllegalArgumentException.class, () -> new FailureBurstDetector.Options(0, 1.0));
    }
}
