package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How the main detector treats a step change of load, a normal event for an autoscaled app (a traffic shift,
 * a scale-out halving each replica's rate): the step itself may raise one short burst of surprise, but the new
 * level is learned and stops looking anomalous; a return to a level seen before is at most one alarm. The figures are
 * the NAB threshold chosen on the shared files
 * (0.3286, see docs/benchmarks.md).
 */
class StepChangeTest {

    private static final double NAB_THRESHOLD = 0.328612;

    private static double[] scores(double factor) {
        StreamingDetector detector = Detectors.create(Detectors.DEFAULT, 42);
        SplittableRandom random = new SplittableRandom(3);
        double[] scores = new double[6000];
        for (int i = 0; i < scores.length; i++) {
            double level = i < 3000 ? 1000 : 1000 * factor;
            scores[i] = detector.score(i * 15_000L, level * (1 + 0.05 * random.nextGaussian()));
        }
        return scores;
    }

    /** Scores a noisy rate whose level is {@code levels[k]} from sample {@code 1500 * k} on. */
    private static double[] scoresOfLevels(double... levels) {
        StreamingDetector detector = Detectors.create(Detectors.DEFAULT, 42);
        SplittableRandom random = new SplittableRandom(3);
        double[] scores = new double[1500 * levels.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = detector.score(i * 15_000L, levels[i / 1500] * (1 + 0.05 * random.nextGaussian()));
        }
        return scores;
    }

    private static long alarms(double[] s, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += s[i] >= NAB_THRESHOLD ? 1 : 0;
        }
        return n;
    }

    @Test
    void aStepOfLoadRaisesAtMostOneShortBurstAndNoMoreAlarmsAfterwardsThanNoStep() {
        // given the same noisy rate with no step, and stepping to twice or half its level at sample 3000
        double[] flat = scores(1.0);
        long flatAfter = alarms(flat, 3240, 6000);
        for (double factor : new double[] {2.0, 0.5}) {
            double[] s = scores(factor);
            long burst = alarms(s, 3000, 3240);
            long after = alarms(s, 3240, 6000);
            System.out.printf("step x%.1f: %d alarms in the hour after the step (max score %.3f), %d later (no step: %d, %d)%n",
                    factor, burst, java.util.Arrays.stream(s, 3000, 3240).max().orElse(0), after,
                    alarms(flat, 3000, 3240), flatAfter);
            // then the step raises at most a short burst, and once the new level is learned it alarms no more than
            // the same signal without a step does
            assertTrue(burst <= 5, "factor " + factor + ": " + burst + " alarms in the hour after the step");
            assertTrue(after <= flatAfter + 2, "factor " + factor + ": " + after + " later alarms vs " + flatAfter);
        }
    }

    @Test
    void returningToALevelSeenBeforeIsNoNews() {
        // given a rate that doubles at sample 3000 (a scale-out's traffic shift) and returns to its old level at 4500
        double[] s = scoresOfLevels(1000, 1000, 2000, 1000, 1000);
        double[] flat = scoresOfLevels(1000, 1000, 1000, 1000, 1000);
        long back = alarms(s, 4500, 4740);
        long after = alarms(s, 4740, 7500);
        System.out.printf("x2 at 3000, back at 4500: %d alarms in the hour after the return (max score %.3f), %d later (no step: %d)%n",
                back, java.util.Arrays.stream(s, 4500, 4740).max().orElse(0), after, alarms(flat, 4740, 7500));
        // then the return raises at most one alarm (the level is known, only the jump is new) and no more later than
        // the same signal without steps
        assertTrue(back <= 1, back + " alarms in the hour after the return");
        assertTrue(after <= alarms(flat, 4740, 7500) + 2, after + " later alarms vs " + alarms(flat, 4740, 7500));
    }
}
