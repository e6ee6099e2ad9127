package dev.homeostat.ml.bench;

import dev.homeostat.ml.anomaly.EnsembleDetector;
import dev.homeostat.ml.anomaly.StreamingDetector;
import java.util.Locale;
import java.util.Random;

/**
 * The main detector's score on a sudden, lasting change of a rate by a factor, measured: for each factor, 3 noise
 * seeds × 200 / 1,000 / 5,000 samples of a 5 %-noise rate before the change, the largest score in the 40 samples
 * from the change on, printed as the range over those 9 runs. It shows which threshold separates a surge from a step
 * of load. Run: {@code java -cp ops-ml/target/homeostat-ml.jar dev.homeostat.ml.bench.StepScores
 * [contextHistory differenceWindow calibrationWindow]} (default: the operator's sizing 64 64 120, see
 * {@code ScalerSettings.detector}).
 */
public final class StepScores {

    private static final double[] FACTORS = {0, 0.5, 1.5, 2, 3, 5, 10};
    private static final int[] SAMPLES_BEFORE = {200, 1000, 5000};
    private static final int SEEDS = 3;
    private static final int SAMPLES_AFTER = 40;

    private StepScores() {
    }

    public static void main(String[] args) {
        int context = args.length >= 3 ? Integer.parseInt(args[0]) : 64;
        int difference = args.length >= 3 ? Integer.parseInt(args[1]) : 64;
        int calibration = args.length >= 3 ? Integer.parseInt(args[2]) : 120;
        System.out.printf(Locale.ROOT, "contextHistory %d, differenceWindow %d, calibrationWindow %d: largest score in the "
                + "%d samples from a lasting change of a 5 %%-noise rate (%d seeds x %d lengths before it)%n", context,
                difference, calibration, SAMPLES_AFTER, SEEDS, SAMPLES_BEFORE.length);
        for (double factor : FACTORS) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (int seed = 1; seed <= SEEDS; seed++) {
                for (int before : SAMPLES_BEFORE) {
                    StreamingDetector detector = EnsembleDetector.create(EnsembleDetector.Options.builder(seed)
                            .contextHistory(context).differenceWindow(difference).calibrationWindow(calibration).build());
                    double peak = peakAfterChange(detector, new Random(seed), before, factor);
                    lowest = Math.min(lowest, peak);
                    highest = Math.max(highest, peak);
                }
            }
            System.out.printf(Locale.ROOT, "x%-4s %.3f - %.3f%n", factor, lowest, highest);
        }
    }

    private static double peakAfterChange(StreamingDetector detector, Random noise, int before, double factor) {
        double peak = 0;
        for (int t = 0; t < before + SAMPLES_AFTER; t++) {
            double value = 100 * (1 + 0.05 * noise.nextGaussian()) * (t < before ? 1 : factor);
            double score = detector.score(t * 15_000L, value);
            if (t >= before) {
                peak = Math.max(peak, score);
            }
        }
        return peak;
    }
}
