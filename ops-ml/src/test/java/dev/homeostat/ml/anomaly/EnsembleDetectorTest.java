package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EnsembleDetectorTest {

    /** Every channel this module has; ISOLATION (Smile) lives in homeostat-ops-ml-smile. */
    private static final Set<EnsembleDetector.Channel> ALL = EnumSet.complementOf(EnumSet.of(EnsembleDetector.Channel.ISOLATION));

    /** A daily-looking pattern with noise and a few spikes. */
    private static double[] series(long seed, int length) {
        Random random = new Random(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = 50 + 20 * Math.sin(2 * Math.PI * i / 288.0) + 2 * random.nextGaussian() + (random.nextDouble() < 0.002 ? 30 : 0);
        }
        return values;
    }

    private static double[] scores(StreamingDetector detector, double[] values) {
        double[] scores = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = detector.score(1_400_000_000_000L + 300_000L * i, values[i]);
        }
        return scores;
    }

    /** Asserts that two score series are identical before {@code row}: nothing after a row changes its score. */
    private static void assertSameBefore(double[] a, double[] b, int row) {
        for (int i = 0; i < row; i++) {
            assertEquals(a[i], b[i], 0.0, "row " + i);
        }
    }

    /** The largest score in rows {@code from} (inclusive) to {@code to} (exclusive). */
    private static double maxScore(double[] scores, int from, int to) {
        double best = 0;
        for (int k = from; k < to; k++) {
            best = Math.max(best, scores[k]);
        }
        return best;
    }

    @Test
    void scoresStayInUnitInterval() {
        // given noisy, constant and wildly scaled inputs
        double[] noisy = series(1, 3000);
        double[] constant = new double[1500];
        double[] wild = new double[1500];
        Random random = new Random(3);
        for (int i = 0; i < wild.length; i++) {
            wild[i] = random.nextDouble() < 0.01 ? 1e12 : random.nextGaussian() * 1e-6;
        }
        for (double[] input : new double[][] {noisy, constant, wild}) {
            // when
            double[] scores = scores(EnsembleDetector.create(new EnsembleDetector.Options(42, ALL)), input);
            // then
            for (double s : scores) {
                assertTrue(s >= 0.0 && s <= 1.0, "score " + s);
            }
        }
    }

    @Test
    void scoreAtTimeTDoesNotDependOnTheFuture() {
        // given two series equal up to row 1999 and different afterwards
        double[] a = series(5, 3000);
        double[] b = a.clone();
        Random random = new Random(9);
        for (int i = 2000; i < b.length; i++) {
            b[i] = random.nextGaussian() * 100;
        }
        // when both are scored by detectors with every channel
        double[] scoresA = scores(EnsembleDetector.create(new EnsembleDetector.Options(42, ALL)), a);
        double[] scoresB = scores(EnsembleDetector.create(new EnsembleDetector.Options(42, ALL)), b);
        // then the first 2000 scores are identical
        assertSameBefore(scoresA, scoresB, 2000);
    }

    @Test
    void sameSeedGivesSameScores() {
        double[] values = series(11, 3000);
        Supplier<StreamingDetector> detector = () -> EnsembleDetector.create(new EnsembleDetector.Options(7, ALL));
        assertArrayEquals(scores(detector.get(), values), scores(detector.get(), values));
    }

    @Test
    void anObviousStepIsTheStrongestAlarm() {
        // given a quiet noisy series that jumps by 20 standard deviations at row 2500
        Random random = new Random(13);
        double[] values = new double[3000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + random.nextGaussian() + (i >= 2500 ? 20 : 0);
        }
        // when
        double[] scores = scores(EnsembleDetector.create(new EnsembleDetector.Options(42)), values);
        // then the highest score after warm-up is at the step
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        assertEquals(2500, best);
    }

    @Test
    void optionsBuilderStartsFromTheDefaultsAndSetsByName() {
        EnsembleDetector.Options defaults = new EnsembleDetector.Options(3);
        assertEquals(defaults, EnsembleDetector.Options.builder(3).build());
        EnsembleDetector.Options sized = defaults.toBuilder().contextHistory(64).differenceWindow(64).calibrationWindow(120).build();
        assertEquals(64, sized.contextHistory());
        assertEquals(64, sized.differenceWindow());
        assertEquals(120, sized.calibrationWindow());
        assertEquals(defaults, sized.toBuilder().contextHistory(1000).differenceWindow(400).calibrationWindow(2000).build());
    }

    @Test
    void aNewLargerJumpStillScoresHighAfterManyRepeatedOnesAndNothingReadsAhead() {
        // given a noisy level that rises by 10 for 5 samples every 40 samples (150 times: the rise and the fall each
        // recur), then rises by 100 once at row 6500; and a copy that differs from row 6000 on
        Random random = new Random(17);
        double[] values = new double[7000];
        for (int i = 0; i < values.length; i++) {
            boolean pulse = i < 6000 && i % 40 >= 20 && i % 40 < 25;
            values[i] = 100 + random.nextGaussian() + (pulse ? 10 : 0) + (i >= 6500 && i < 6505 ? 100 : 0);
        }
        double[] other = values.clone();
        for (int i = 6000; i < other.length; i++) {
            other[i] = 100 + 50 * random.nextGaussian();
        }
        // when
        double[] scores = scores(EnsembleDetector.create(new EnsembleDetector.Options(42)), values);
        double[] otherScores = scores(EnsembleDetector.create(new EnsembleDetector.Options(42)), other);
        // then the tenfold rise, never seen before, scores high (0.916 measured)
        assertTrue(scores[6500] > 0.8, "the new rise scored " + scores[6500]);
        // and the scores before row 6000 do not depend on what follows
        assertSameBefore(scores, otherScores, 6000);
    }

    @Test
    void aValueStuckForLongerThanEverBeforeIsFlaggedAndNothingReadsAhead() {
        // given an intermittent signal: bursts of 10 noisy values between runs of 0 of 30 to 49 samples, and from
        // row 3000 on a run of 0 that lasts 300 samples; and a copy that differs from row 3100 on
        Random random = new Random(19);
        double[] values = new double[3400];
        int i = 0;
        while (i < 3000) {
            int zeros = 30 + random.nextInt(20);
            for (int k = 0; k < zeros && i < 3000; k++) {
                values[i++] = 0;
            }
            for (int k = 0; k < 10 && i < 3000; k++) {
                values[i++] = 5 + random.nextGaussian();
            }
        }
        double[] other = values.clone();
        for (int k = 3100; k < other.length; k++) {
            other[k] = 5 + random.nextGaussian();
        }
        // when
        double[] scores = scores(EnsembleDetector.create(new EnsembleDetector.Options(42)), values);
        double[] otherScores = scores(EnsembleDetector.create(new EnsembleDetector.Options(42)), other);
        // then the long run of 0 is flagged once it outlasts every earlier run (49 samples at most), before row 3050
        double best = maxScore(scores, 3000, 3050);
        assertTrue(best > 0.33, "the stuck run scored at most " + best);
        // and the scores before row 3100 do not depend on what follows
        assertSameBefore(scores, otherScores, 3100);
    }

    @Test
    void aSlowDriftBelowTheLowestLevelEverIsFlagged() {
        // given a noisy daily swing between about 42 and 58 for 3090 samples, then, from a trough, a sink of 0.3 per
        // sample for 14 samples (each new low less than 5 % of the range below the last) that holds 4 below for 30
        // samples before the swing resumes
        Random random = new Random(23);
        double[] values = new double[3400];
        for (int k = 0; k < values.length; k++) {
            double sink = k < 3090 || k >= 3134 ? 0 : Math.min(4, 0.3 * (k - 3090));
            values[k] = 50 + 8 * Math.sin(2 * Math.PI * k / 288.0) + 0.5 * random.nextGaussian() - sink;
        }
        // when
        double[] scores = scores(EnsembleDetector.create(new EnsembleDetector.Options(42)), values);
        // then some sample of the sink scores above the NAB threshold (any channel may flag it; DelayedRangeBreachTest
        // checks the delayed range alone)
        double best = maxScore(scores, 3090, 3134);
        assertTrue(best > 0.33, "the drift scored at most " + best);
    }

    @Test
    void optionsRejectBadValuesWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnsembleDetector.Options.builder(1).channels(ALL).levelWindow(4).build());
        assertTrue(e.getMessage().contains("levelWindow=4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EnsembleDetector.Options(1, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> EnsembleDetector.Options.builder(1).channels(ALL).alarmPValue(1.5).build());
        assertThrows(IllegalArgumentException.class,
                () -> EnsembleDetector.create(new EnsembleDetector.Options(1)).score(0, Double.NaN));
    }
}
