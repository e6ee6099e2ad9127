package dev.homeostat.operator.scaler;

import dev.homeostat.ml.anomaly.EnsembleDetector;
import dev.homeostat.ml.anomaly.FailureBurstDetector;
import dev.homeostat.ml.anomaly.StreamingDetector;
import dev.homeostat.ml.policy.AnomalyState;
import dev.homeostat.ml.telemetry.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * One {@code ops-ml} streaming anomaly detector per telemetry signal of one app, and which signal (if any) is
 * anomalous now and since when. Detectors are seeded from the app's key, so a replay of the same history gives
 * the same scores (that is how a restored app rebuilds them). A detector is built on the first measured value of
 * its signal, so a signal an app never reports (lag of a MicroService) costs no memory.
 *
 * <p>Failed records ({@value #ERROR_RATE}: the rate of {@code homeostat_errors_total}, mostly malformed records
 * sent to the dead-letter topic) are watched apart from the load signals, by a {@link FailureBurstDetector}: they
 * are a cause scaling cannot remove, so a flagged burst is reported (and outranks a load signal in the status) but
 * is not handed to the scaling policy, which therefore neither adds replicas for it nor distrusts its forecast.
 */
public final class AnomalyWatch {

    /**
     * A signal whose latest score reached the threshold.
     *
     * @param signal the signal's name
     * @param score  its score in [0, 1]
     * @param since  the first sample of this finding
     * @param detail for {@value #ERROR_RATE}: the failed records, rate and background in words; else empty
     */
    public record Finding(String signal, double score, Instant since, String detail) {

        /** Whether this finding is about failed records (scaling will not help), not load. */
        public boolean failingRecords() {
            return ERROR_RATE.equals(signal);
        }
    }

    /** The failed-records signal (rate of {@code homeostat_errors_total}, e.g. records dead-lettered). */
    static final String ERROR_RATE = "error_rate";

    /**
     * Default threshold of the load signals' scores ({@code homeostat.scaler.anomaly-threshold}). The main detector
     * reports {@code s / (s + 10)} with {@code s = -ln p} bounded by the smallest normal double, so its scores never
     * exceed about 0.986; with the operator's detector sizes a sudden doubling of a 5 %-noise rate peaks at 0.82–0.87
     * and a halving at 0.69–0.75 (a step of load, normal for an autoscaled app, is not an anomaly by itself), a threefold jump at
     * 0.91–0.93, fivefold 0.95–0.97 and tenfold 0.98 ({@code ops-ml}'s {@code StepScores}; {@code AnomalyWatchTest}).
     */
    public static final String DEFAULT_THRESHOLD = "0.9";

    /**
     * Threshold of the failed-records score {@code 1 − P(X ≥ k)} under the app's Poisson background: a round's
     * failures count as a burst when the background alone would give fewer with probability 0.99 or more.
     */
    static final double FAILURE_THRESHOLD = 0.99;

    /**
     * How long a flagged failure burst stays reported after its last flagged sample: poison is often consumed within
     * one round, and a condition that is True for a single round is easily missed by whoever watches.
     */
    static final Duration FAILURE_HOLD = Duration.ofMinutes(2);

    /**
     * The signals watched, by the name used in conditions and in the {@code signal} tag of the score gauge: the
     * ones a decision depends on: arrival rate (a flagged one makes the policy distrust the forecast) and processed
     * per replica (capacity collapsing). Lag is what the policy scales on directly, busy fraction follows from
     * processed rate and capacity, and the heap has its own trend model (time to out-of-memory); a detector each
     * would cost about 53 KB per app (measured) and change no decision.
     */
    static final Map<String, ToDoubleFunction<Sample>> SIGNALS = signals();

    /** Every signal scored, in the order of the {@code homeostat_anomaly_score} series. */
    static final List<String> SIGNAL_NAMES = List.of("arrival_rate", "processed_per_replica", ERROR_RATE);

    private final Map<String, StreamingDetector> detectors = new LinkedHashMap<>();
    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final double threshold;
    private final long seed;
    private final LongFunction<EnsembleDetector.Options> options;
    private final FailureBurstDetector failures = new FailureBurstDetector(FailureBurstDetector.Options.defaults());
    private Finding finding;
    private Finding failing;
    private long failingUntilMillis = Long.MIN_VALUE;

    /**
     * Detectors built from {@code options} (given a seed) on each signal's first measured value; a load signal counts
     * as anomalous from a score of {@code threshold}, failed records from {@link #FAILURE_THRESHOLD}.
     */
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
                strongest = new Finding(e.getKey(), score, Instant.ofEpochMilli(sample.epochMillis()), "");
            }
        }
        if (strongest == null) {
            finding = null;
        } else if (finding != null && finding.signal().equals(strongest.signal())) {
            finding = new Finding(strongest.signal(), strongest.score(), finding.since(), "");
        } else {
            finding = strongest;
        }
        observeFailures(sample);
    }

    /** Scores the failed-records rate; a flagged burst is held for {@link #FAILURE_HOLD} after its last flag. */
    private void observeFailures(Sample sample) {
        long at = sample.epochMillis();
        if (Double.isFinite(sample.errors())) {
            double score = failures.score(at, sample.errors());
            scores.put(ERROR_RATE, score);
            if (score >= FAILURE_THRESHOLD) {
                String detail = String.format(Locale.ROOT, "%d records failed in the last round (%.2f/s; background "
                        + "%.4f/s)", failures.lastCount(), sample.errors(), failures.backgroundPerSecond());
                Instant since = failing == null ? Instant.ofEpochMilli(at) : failing.since();
                failing = new Finding(ERROR_RATE, score, since, detail);
                failingUntilMillis = at + FAILURE_HOLD.toMillis();
            }
        }
        if (failing != null && at > failingUntilMillis) {
            failing = null;
        }
    }

    /** The latest score per signal. */
    Map<String, Double> scores() {
        return Map.copyOf(scores);
    }

    /** The signal flagged now, if any: failed records first (they say scaling will not help), else a load signal. */
    Optional<Finding> finding() {
        return Optional.ofNullable(failing != null ? failing : finding);
    }

    /**
     * What the scaling policy should know: a flagged load signal makes it distrust the forecast. Failed records are
     * left out on purpose (see the class comment).
     */
    AnomalyState state() {
        if (finding == null) {
            double max = scores.entrySet().stream().filter(e -> !e.getKey().equals(ERROR_RATE))
                    .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
            return new AnomalyState(false, max, "");
        }
        return new AnomalyState(true, finding.score(), finding.signal() + " anomalous since " + finding.since());
    }
}
