package dev.homeostat.ml.anomaly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The named detectors the CLI and benchmarks can run, each built fresh per series from a seed; {@code isolationForest}
 * only where the optional module {@code homeostat-ops-ml-smile} is on the class path.
 */
public final class Detectors {

    /** Name of the main detector. */
    public static final String DEFAULT = "homeostat";

    private static final Map<String, LongFunction<StreamingDetector>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(DEFAULT, seed -> EnsembleDetector.create(new EnsembleDetector.Options(seed)));
        if (FeatureSurprise.provider().isPresent()) {
            // Only with homeostat-ops-ml-smile on the class path (Smile, GPL-3.0).
            FACTORIES.put("isolationForest", seed -> EnsembleDetector.create(
                    new EnsembleDetector.Options(seed, java.util.EnumSet.of(EnsembleDetector.Channel.ISOLATION))));
        }
        FACTORIES.put("windowedGaussian", seed -> WindowedGaussianDetector.create(new WindowedGaussianDetector.Options()));
    }

    private Detectors() {
    }

    /** Known detector names, main detector first. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** A new detector for one series. */
    public static StreamingDetector create(String name, long seed) {
        LongFunction<StreamingDetector> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown detector '" + name + "'; known: " + names());
        }
        return factory.apply(seed);
    }
}
