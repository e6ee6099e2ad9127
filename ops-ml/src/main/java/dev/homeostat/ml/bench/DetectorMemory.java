package dev.homeostat.ml.bench;

import dev.homeostat.ml.anomaly.EnsembleDetector;
import dev.homeostat.ml.anomaly.StreamingDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Heap per main-detector instance, measured: builds many detectors with the given window sizes, feeds each the
 * same number of samples, and prints the growth of the used heap after garbage collection divided by their number.
 * Run: {@code java -XX:+UseSerialGC -cp ops-ml/target/homeostat-ml.jar dev.homeostat.ml.bench.DetectorMemory
 * [detectors] [contextHistory differenceWindow calibrationWindow]} (defaults 2000 detectors and the operator's
 * sizing 64 64 120, see {@code ScalerSettings.detector}; {@code 1000 400 2000} are the NAB defaults).
 */
public final class DetectorMemory {

    private static final int SAMPLES = 2200;

    private DetectorMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int context = args.length > 3 ? Integer.parseInt(args[1]) : 64;
        int difference = args.length > 3 ? Integer.parseInt(args[2]) : 64;
        int calibration = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        long before = usedAfterGc();
        List<StreamingDetector> detectors = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < count; i++) {
            StreamingDetector detector = EnsembleDetector.create(EnsembleDetector.Options.builder(i)
                    .differenceWindow(difference).contextHistory(context).calibrationWindow(calibration).build());
            for (int t = 0; t < SAMPLES; t++) {
                detector.score(t * 15_000L, 1000 + 50 * random.nextGaussian());
            }
            detectors.add(detector);
        }
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "%d detectors (contextHistory %d, differenceWindow %d, calibrationWindow %d), %d samples each: "
                + "%.1f KB per detector%n", detectors.size(), context, difference, calibration, SAMPLES, (after - before) / 1024.0 / count);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
