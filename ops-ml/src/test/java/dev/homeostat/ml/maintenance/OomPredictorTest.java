package dev.homeostat.ml.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Time to out-of-memory from heap readings every 15 s, with a GC sawtooth on top of the live set. */
class OomPredictorTest {

    private static final double MIB = 1024 * 1024;
    private static final double LIMIT = 512 * MIB;
    private static final long STEP = 15_000;

    /**
     * Feeds {@code minutes} of readings: live set {@code live0 + leakPerMinute·t}, plus garbage that piles up by
     * {@code 60 MiB} and is collected every 45 s, plus ±4 MiB of noise (fixed seed).
     */
    private static OomPredictor feed(OomPredictor predictor, int minutes, double live0, double leakPerMinute,
                                     double replicas) {
        var random = new Random(42);
        for (long t = 0; t <= minutes * 60_000L; t += STEP) {
            double live = live0 + leakPerMinute * t / 60_000.0;
            double garbage = 60 * MIB * ((t % 45_000) / 45_000.0);
            double noise = (random.nextDouble() - 0.5) * 8 * MIB;
            predictor.observe(t, replicas * (live + garbage + noise), replicas * LIMIT);
        }
        return predictor;
    }

    @Test
    void aLeakUnderTheSawtoothIsFoundWithItsTimeToOom() {
        // given 30 minutes of a live set growing 2 MiB/min from 200 MiB under a GC sawtooth
        var predictor = feed(new OomPredictor(), 30, 200 * MIB, 2 * MIB, 1);

        // when asked at the end
        OomPrediction prediction = predictor.predict(30 * 60_000L);

        // then it is growing, and the time left is what the live set needs to reach 512 MiB: (512 − 260) / 2 min
        assertTrue(prediction.growing(), prediction.reason());
        double expected = (512 - 260) / 2.0 * 60;
        assertEquals(expected, prediction.secondsToOom(), expected * 0.1, prediction.reason());
        assertEquals(2 * MIB / 60, prediction.slopeBytesPerSecond(), 2 * MIB / 60 * 0.1);
        assertTrue(prediction.confidence() >= 0.5, prediction.reason());
        assertTrue(prediction.reason().startsWith("out of memory in about"), prediction.reason());
    }

    @Test
    void aNormalGcSawtoothDoesNotAlarm() {
        // given 30 minutes of a steady 200 MiB live set whose raw heap climbs 60 MiB between collections
        var predictor = feed(new OomPredictor(), 30, 200 * MIB, 0, 1);

        // when asked
        OomPrediction prediction = predictor.predict(30 * 60_000L);

        // then there is no trend, and the reason says so with the figures
        assertEquals(OomPrediction.State.NO_TREND, prediction.state(), prediction.reason());
        assertTrue(Double.isNaN(prediction.secondsToOom()));
        assertFalse(prediction.growing());
    }

    @Test
    void scalingOutIsNotGrowth() {
        // given 15 minutes on one replica, then 15 on two (sums of heaps and of limits both double)
        var predictor = new OomPredictor();
        var random = new Random(7);
        for (long t = 0; t <= 30 * 60_000L; t += STEP) {
            double replicas = t < 15 * 60_000L ? 1 : 2;
            double used = replicas * (200 * MIB + 60 * MIB * ((t % 45_000) / 45_000.0) + random.nextDouble() * MIB);
            predictor.observe(t, used, replicas * LIMIT);
        }

        // when asked, then the heap relative to its limit did not grow
        assertEquals(OomPrediction.State.NO_TREND, predictor.predict(30 * 60_000L).state());
    }

    @Test
    void tooFewLowsIsInsufficientData() {
        // given three minutes of readings
        var predictor = feed(new OomPredictor(), 3, 200 * MIB, 20 * MIB, 1);

        // when asked, then it will not guess
        OomPrediction prediction = predictor.predict(3 * 60_000L);
        assertEquals(OomPrediction.State.INSUFFICIENT_DATA, prediction.state());
        assertEquals(0.0, prediction.confidence());
        assertTrue(prediction.reason().contains("8 needed"), prediction.reason());
    }

    @Test
    void unknownReadingsAreIgnoredNotZero() {
        // given a leak with every other reading unknown (NaN used or NaN limit)
        var predictor = new OomPredictor();
        for (long t = 0; t <= 30 * 60_000L; t += STEP) {
            double live = 200 * MIB + 2 * MIB * t / 60_000.0;
            if ((t / STEP) % 2 == 0) {
                predictor.observe(t, live, LIMIT);
            } else {
                predictor.observe(t, Double.NaN, LIMIT);
                predictor.observe(t, 0.0, Double.NaN);
            }
        }

        // when asked, then the unknowns did not pull the lows to zero: the leak is still found
        assertTrue(predictor.predict(30 * 60_000L).growing());
    }

    @Test
    void oldLowsLeaveTheWindow() {
        // given an hour of readings with a 30-minute window of 1-minute buckets
        var predictor = feed(new OomPredictor(), 60, 200 * MIB, 0, 1);

        // then about 30 lows are held, not 60
        assertTrue(predictor.lows() <= 31, "lows held: " + predictor.lows());
    }

    @Test
    void aLeakThatStoppedIsForgottenOnceItLeavesTheWindow() {
        // given 30 minutes of leak, then 40 flat minutes
        var predictor = new OomPredictor();
        for (long t = 0; t <= 70 * 60_000L; t += STEP) {
            double live = 200 * MIB + 2 * MIB * Math.min(t, 30 * 60_000L) / 60_000.0;
            predictor.observe(t, live + 60 * MIB * ((t % 45_000) / 45_000.0), LIMIT);
        }

        // when asked, then no alarm remains
        assertFalse(predictor.predict(70 * 60_000L).growing());
    }

    @Test
    void optionsRejectNonsenseNamingTheValue() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new OomPredictor.Options(60_000, 60_000, 8, 0.02, 0.5));
        assertTrue(error.getMessage().contains("60000"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OomPredictor.Options(600_000, 60_000, 2, 0.02, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new OomPredictor.Options(600_000, 60_000, 8, 1.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new OomPredictor.Options(600_000, 60_000, 8, 0.02, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new OomPredictor.Options(600_000, 0, 8, 0.02, 0.5));
    }
}
