package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DailyPhaseTest {

    private static final long START = 1_400_000_000_000L - Math.floorMod(1_400_000_000_000L, 86_400_000L);
    private static final long FIVE_MINUTES = 300_000L;

    /** A daily sine of 5-minute samples with a little noise. */
    private static double daily(int i, Random random) {
        return 50 + 20 * Math.sin(2 * Math.PI * i / 288.0) + random.nextGaussian();
    }

    /** Feeds {@code samples} samples of the daily series, returns the surprises. */
    private static double[] feed(DailyPhase phase, int samples, long step, long seed) {
        Random random = new Random(seed);
        double[] surprises = new double[samples];
        for (int i = 0; i < samples; i++) {
            long time = START + step * i;
            double value = daily((int) (time - START) / (int) FIVE_MINUTES, random);
            surprises[i] = phase.surprise(time, value);
            phase.learn(time, value, surprises[i], 50);
        }
        return surprises;
    }

    @Test
    void quietUntilThePhaseHasAnEarlierDay() {
        // given a daily series of 5-minute samples
        double[] surprises = feed(new DailyPhase(144, 0.1, 0.3, 0.01), 2 * 288, FIVE_MINUTES, 1);
        // then nothing is said on the first day, and every sample of the second day whose phase was seen on the first
        // (all but those before the 16 gaps that fix the step) is compared with it
        for (int i = 0; i < 288 + 16; i++) {
            assertTrue(Double.isNaN(surprises[i]), "day one or a phase before the step was known, sample " + i);
        }
        for (int i = 288 + 18; i < 2 * 288; i++) {
            assertFalse(Double.isNaN(surprises[i]), "day two, sample " + i);
        }
    }

    @Test
    void aValueFarFromItsPhaseIsSurprisingThoughInsideTheDailyRange() {
        // given three days of a daily sine (range 30..70)
        DailyPhase phase = new DailyPhase(144, 0.1, 0.3, 0.01);
        double[] surprises = feed(phase, 3 * 288, FIVE_MINUTES, 2);
        long noon = START + 3 * 86_400_000L + 72 * FIVE_MINUTES;
        // when at the phase of the daily peak (about 70) the value is the daily trough's 30, and then the usual 70
        double wrong = phase.surprise(noon, 30);
        double usual = phase.surprise(noon, 70);
        // then the wrong value is far beyond every residual seen, the usual one within them
        double largestSeen = 0;
        for (double s : surprises) {
            largestSeen = Double.isNaN(s) ? largestSeen : Math.max(largestSeen, s);
        }
        assertTrue(wrong > 5 * largestSeen, wrong + " vs " + largestSeen);
        assertTrue(usual < largestSeen, usual + " vs " + largestSeen);
        assertTrue(phase.seasonal(), "a daily sine is seasonal");
    }

    @Test
    void aSeriesWithoutADailyCycleIsNotSeasonal() {
        // given white noise sampled every 5 minutes for four days
        DailyPhase phase = new DailyPhase(144, 0.1, 0.3, 0.01);
        Random random = new Random(3);
        for (int i = 0; i < 4 * 288; i++) {
            long time = START + FIVE_MINUTES * i;
            double value = 50 + random.nextGaussian();
            phase.learn(time, value, phase.surprise(time, value), 50);
        }
        // then its residuals are as large as its deviations and the channel stays shut
        assertFalse(phase.seasonal());
    }

    @Test
    void memoryIsBoundedWhateverTheSamplingStep() {
        // 15-second samples share 10-minute buckets; hourly samples get one bucket each; daily samples none
        DailyPhase fast = new DailyPhase(144, 0.1, 0.3, 0.01);
        feed(fast, 3000, 15_000L, 4);
        assertEquals(144, fast.buckets());
        DailyPhase hourly = new DailyPhase(144, 0.1, 0.3, 0.01);
        feed(hourly, 100, 3_600_000L, 5);
        assertEquals(24, hourly.buckets());
        DailyPhase daily = new DailyPhase(144, 0.1, 0.3, 0.01);
        double[] surprises = feed(daily, 100, 86_400_000L, 6);
        assertEquals(0, daily.buckets());
        assertTrue(Double.isNaN(surprises[99]));
    }

    @Test
    void surprisesDoNotDependOnLaterSamples() {
        // given two runs equal for two days and different afterwards
        DailyPhase a = new DailyPhase(144, 0.1, 0.3, 0.01);
        DailyPhase b = new DailyPhase(144, 0.1, 0.3, 0.01);
        double[] first = new double[3 * 288];
        double[] second = new double[3 * 288];
        Random random = new Random(7);
        for (int i = 0; i < first.length; i++) {
            long time = START + FIVE_MINUTES * i;
            double value = daily(i, random);
            first[i] = a.surprise(time, value);
            a.learn(time, value, first[i], 50);
            double other = i < 2 * 288 ? value : 100 - value;
            second[i] = b.surprise(time, other);
            b.learn(time, other, second[i], 50);
        }
        // then the surprises agree up to the last shared sample
        assertArrayEquals(java.util.Arrays.copyOf(first, 2 * 288), java.util.Arrays.copyOf(second, 2 * 288));
    }

    @Test
    void aBucketReenteredTheSameDayHasNoEarlierDay() {
        // given 5-minute samples for a few hours, then one whose timestamp steps back into an already left bucket
        DailyPhase phase = new DailyPhase(144, 0.1, 0.3, 0.01);
        feed(phase, 60, FIVE_MINUTES, 8);
        long back = START + 40 * FIVE_MINUTES;
        // then it is compared with nothing: that bucket's only mean is from the same day
        assertTrue(Double.isNaN(phase.surprise(back, 1000)));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DailyPhase(3, 0.1, 0.3, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new DailyPhase(144, 0, 0.3, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new DailyPhase(144, 0.1, 0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new DailyPhase(144, 0.1, 0.3, 1.5));
    }
}
