package dev.homeostat.operator.scaler;

import dev.homeostat.ml.anomaly.Detectors;
import dev.homeostat.ml.anomaly.StreamingDetector;
import dev.homeostat.ml.policy.AnomalyState;
import dev.homeostat.ml.telemetry.Sample;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One {@code ops-ml} streaming anomaly detector per telemetry signal of one app, and which signal (if any) is
 * anomalous now and since when. Detectors are seeded from the app's key, so a replay of the same history gives
 * the same scores (that is how a restored app rebuilds them).
 */
public final class AnomalyWatch {

    /** A signal whose latest score reached the threshold. */
    public record Finding(String signal, double score, Instant since) {
    }

    /** The signals watched, by the name used in conditions and in the {@code signal} tag of the score gauge. */
    static final Map<String, ToDoubleFunction<Sample>> SIGNALS = signals();

    private final Map<String, StreamingDetector> detectors = new LinkedHashMap<>();
    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final double threshold;
    private Finding finding;

    AnomalyWatch(String appKey, double threshold) {
        this.threshold = threshold;
        long seed = appKey.hashCode();
        SIGNALS.keySet().forEach(signal -> detectors.put(signal, Detectors.create(Detectors.DEFAULT, seed + signal.hashCode())));
    }

    private static Map<String, ToDoubleFunction<Sample>> signals() {
        Map<String, ToDoubleFunction<Sample>> out = new LinkedHashMap<>();
        out.put("arrival_rate", Sample::arrivalRate);
        out.put("processed_per_replica", s -> s.readyReplicas() >= 1 ? s.processedRate() / s.readyReplicas() : Double.NaN);
        out.put("lag_seconds", Sample::lagSeconds);
        out.put("busy_fraction", Sample::busyFraction);
        out.put("errors", Sample::errors);
        out.put("memory", Sample::memory);
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
            double score = detectors.get(e.getKey()).score(sample.epochMillis(), value);
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
