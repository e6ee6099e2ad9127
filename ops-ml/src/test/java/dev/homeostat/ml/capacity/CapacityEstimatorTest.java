package dev.homeostat.ml.capacity;

import dev.homeostat.ml.telemetry.Sample;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capacity estimator converges robustly and its confidence follows evidence and agreement. */
class CapacityEstimatorTest {

    /** A replica truly processes 250 records/s when fully busy; load and replicas vary, measurements are noisy. */
    private static final double TRUE_RATE = 250;

    private static Sample observed(SplittableRandom random, long t) {
        int replicas = 1 + random.nextInt(6);
        double busy = 0.15 + 0.8 * random.nextDouble();
        double processed = TRUE_RATE * replicas * busy * (1 + 0.05 * random.nextGaussian());
        return Sample.at(t).processedRate(processed).busyFraction(busy).readyReplicas(replicas).build();
    }

    @Test
    void convergesToTheTrueRateWithConfidenceGrowingWithEvidence() {
        // given
        SplittableRandom random = new SplittableRandom(42);
        CapacityEstimator estimator = CapacityEstimator.create(CapacityEstimator.Options.defaults());
        assertSame(Capacity.UNKNOWN, estimator.estimate());

        // when fed 2, then 10, then 100 samples
        double[] confidence = new double[3];
        int[] marks = {2, 10, 100};
        int fed = 0;
        for (int m = 0; m < marks.length; m++) {
            while (fed < marks[m]) {
                estimator.observe(observed(random, fed * 15_000L));
                fed++;
            }
            confidence[m] = estimator.estimate().confidence();
        }

        // then
        Capacity c = estimator.estimate();
        assertEquals(TRUE_RATE, c.perReplicaRate(), TRUE_RATE * 0.02);
        assertEquals(100, c.samples());
        assertTrue(confidence[0] < confidence[1] && confidence[1] < confidence[2],
                "confidence " + confidence[0] + ", " + confidence[1] + ", " + confidence[2]);
        assertTrue(confidence[2] > 0.8, "final confidence " + confidence[2]);
    }

    @Test
    void idleMissingAndReplicaLessSamplesAreIgnored() {
        // given
        CapacityEstimator estimator = CapacityEstimator.create(CapacityEstimator.Options.defaults());

        // when
        boolean idle = estimator.observe(5, 0.01, 2);
        boolean noBusy = estimator.observe(Sample.at(0).processedRate(100).readyReplicas(2).build());
        boolean noReplica = estimator.observe(100, 0.5, 0);
        boolean usable = estimator.observe(100, 0.5, 2);

        // then
        assertFalse(idle || noBusy || noReplica);
        assertTrue(usable);
        assertEquals(3, estimator.ignoredCount());
        assertEquals(1, estimator.usedCount());
        assertEquals(100, estimator.estimate().perReplicaRate(), 1e-9);
    }

    @Test
    void aFewWildSamplesMoveNeitherTheEstimateNorMuchTheConfidence() {
        // given a consistent estimator
        CapacityEstimator estimator = CapacityEstimator.create(CapacityEstimator.Options.defaults());
        for (int i = 0; i < 40; i++) {
            estimator.observe(200 + (i % 5), 0.8, 1);
        }
        double before = estimator.estimate().confidence();

        // when three absurd scrapes arrive
        for (int i = 0; i < 3; i++) {
            estimator.observe(1_000_000, 0.2, 1);
        }

        // then the median holds
        Capacity after = estimator.estimate();
        assertEquals(252.5, after.perReplicaRate(), 1.0);
        assertTrue(after.confidence() > 0.9 * before, before + " -> " + after.confidence());
    }

    @Test
    void disagreeingEstimatesGiveLowerConfidence() {
        // given two estimators with the same evidence but different spread
        CapacityEstimator steady = CapacityEstimator.create(CapacityEstimator.Options.defaults());
        CapacityEstimator erratic = CapacityEstimator.create(CapacityEstimator.Options.defaults());
        SplittableRandom random = new SplittableRandom(3);

        // when
        for (int i = 0; i < 60; i++) {
            steady.observe(100 * (1 + 0.02 * random.nextGaussian()), 0.5, 1);
            erratic.observe(100 * (1 + 0.5 * random.nextDouble()), 0.5, 1);
        }

        // then
        assertTrue(steady.estimate().confidence() > erratic.estimate().confidence() + 0.2,
                steady.estimate() + " vs " + erratic.estimate());
    }

    @Test
    void medianAndSpreadMatchABruteForceComputationAsTheWindowSlides() {
        // given a window of 7 (odd) and one of 8 (even)
        for (int window : new int[] {7, 8}) {
            CapacityEstimator estimator = CapacityEstimator.create(new CapacityEstimator.Options(0.1, window, 3));
            SplittableRandom random = new SplittableRandom(window);
            java.util.ArrayDeque<Double> held = new java.util.ArrayDeque<>();

            // when 50 samples with ties and outliers slide through it
            for (int i = 0; i < 50; i++) {
                double rate = random.nextInt(4) == 0 ? 100 : 50 + random.nextInt(100);
                estimator.observe(rate, 1.0, 1);
                held.addLast(rate);
                if (held.size() > window) {
                    held.removeFirst();
                }

                // then the estimate equals median and MAD computed by sorting
                double[] v = held.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double median = median(v);
                double[] dev = java.util.Arrays.stream(v).map(x -> Math.abs(x - median)).sorted().toArray();
                double cv = 1.4826 * median(dev) / median;
                double expected = (1 - Math.exp(-v.length / 3.0)) / (1 + Math.pow(cv / 0.25, 2));
                Capacity c = estimator.estimate();
                assertEquals(median, c.perReplicaRate(), 1e-12, "window " + window + " step " + i);
                assertEquals(expected, c.confidence(), 1e-12, "window " + window + " step " + i);
            }
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    @Test
    void optionsRejectNonsenseNamingTheValue() {
        IllegalArgumentException busy = assertThrows(IllegalArgumentException.class,
                () -> new CapacityEstimator.Options(1.5, 10, 2));
        assertTrue(busy.getMessage().contains("1.5"));
        assertThrows(IllegalArgumentException.class, () -> new CapacityEstimator.Options(0.1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new CapacityEstimator.Options(0.1, 10, 11));
        assertThrows(IllegalArgumentException.class, () -> new Capacity(10, 1.2, 1));
    }
}
