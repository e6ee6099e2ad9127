package dev.homeostat.operator.scaler;

import dev.homeostat.ml.anomaly.EnsembleDetector;
import dev.homeostat.ml.anomaly.StreamingDetector;
import dev.homeostat.ml.policy.AnomalyState;
import dev.homeostat.ml.telemetry.Sample;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * One {@code ops-ml} streaming anomaly detector per telemetry signal of one app, and which signal (if any) is
 * anomalous now and since when. Detectors are seeded from the app's key, so a replay of the same history gives
 * the same scores (that is how a restored app rebuilds them). A detector is built on the first measured value of
 * its signal, so a signal an app never reports (lag of a MicroService) costs no memory.
 */
public final class AnomalyWatch {

    /** A signal whose latest score reached the threshold. */
    public record Finding(String signal, double score, Instant since) {
    }

    /**
     * The signals watched, by the name used in conditions and in the {@code signal} tag of the score gauge: the
     * ones a decision depends on: arrival rate (a flagged one makes the policy distrust the forecast) and processed
     * per replica (capacity collapsing). Lag is what the policy scales on directly, busy fraction follows from
     * processed rate and capacity, and the heap has its own trend model (time to out-of-memory); a detector each
     * would cost about 53 KB per app (measured) and change no decision.
     */
    static final Map<String, ToDoubleFunction<Sample>> SIGNALS = signals();

    private final Map<String, StreamingDetector> detectors = new LinkedHashMap<>();
    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final double threshold;
    private final long seed;
    private final LongFunction<EnsembleDetector.Options> options;
    private Finding finding;

    /** Detectors built from {@code options} (given a seed) on each signal's first measured value. */
    AnomalyWatch(String appKey, double threshold, LongFunction<EnsembleDetector.Options> options) {
        this.threshold = threshold;
        this.seed = appKey.hashCode();
        this.options = options;
    }

    private static Map<String, ToDoubleFunction<Sample>> signals() {
        Map<String, ToDoubleFunction<Sample>> out = new LinkedHashMap<>();
        out.put("arrival_rate", Sample::arrivalRate);
        out.put("processed_per_replica", s -> s.readyReplicas() >= 1 ? s.processedRate() / s.readyReplicas() : Double.NaN);
        return out;
    }

    /** Scores every measured signal of {@code sample}; unmeasured signals keep their last score. */
    void observe(Sample sample) {
        Finding strongest = null;
        for (var e : SIGNALS.entrySet()) {
            double value = e.getValue().applyAsDouble(sample);
            if (!Double.isFinite(value)) {
                continue;
            }
            double score = detectors.computeIfAbsent(e.getKey(),
                    signal -> EnsembleDetector.create(options.apply(seed + signal.hashCode())))
                    .score(sample.epochMillis(), value);
            scores.put(e.getKey(), score);
            if (score >= threshold && (strongest == null || score > strongest.score())) {
                strongest = new Finding(e.getKey(), score, Instant.ofEpochMilli(sample.epochMillis()));
            }
        }
        if (strongest == null) {
            finding = null;
        } else if (finding != null && finding.signal().equals(strongest.signal())) {
            finding = new Finding(strongest.signal(), strongest.score(), finding.since());
        } else {
            finding = strongest;
        }
    }

    /** The latest score per signal. */
    Map<String, Double> scores() {
        return Map.copyOf(scores);
    }

    /** The signal flagged now, if any. */
    Optional<Finding> finding() {
        return Optional.ofNullable(finding);
    }

    /** What the scaling policy should know: a flagged signal makes it distrust the forecast. */
    AnomalyState state() {
        if (finding == null) {
            double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            return new AnomalyState(false, max, "");
        }
        return new AnomalyState(true, finding.score(), finding.signal() + " anomalous since " + finding.since());
    }
}
