package dev.homeostat.operator.scaler;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.capacity.CapacityEstimator;
import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.forecast.SeasonalForecaster;
import dev.homeostat.ml.maintenance.OomPrediction;
import dev.homeostat.ml.maintenance.OomPredictor;
import dev.homeostat.ml.policy.Bounds;
import dev.homeostat.ml.policy.PastDecision;
import dev.homeostat.ml.policy.PolicyInput;
import dev.homeostat.ml.telemetry.History;
import dev.homeostat.ml.telemetry.Sample;
import dev.homeostat.operator.telemetry.TelemetryReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * What the operator has learned about one app: its telemetry history, the arrival-rate forecaster, the
 * per-replica capacity estimate, one anomaly detector per signal, the heap trend (time to out-of-memory) and the
 * recent decisions (for stabilization).
 * All are {@code ops-ml} classes; this class only feeds them and assembles the policy's input. Not thread-safe:
 * the scaler loop evaluates an app on one thread at a time.
 */
final class AppModels {

    /** Samples the policy sees (its trend and "scaling will not help" checks look at the last few). */
    static final int RECENT_SAMPLES = 16;
    /** Decisions remembered; the stabilization window needs only those within it. */
    static final int MAX_DECISIONS = 256;

    private final String key;
    private final History history;
    private final SeasonalForecaster forecaster;
    private final CapacityEstimator capacity;
    private final AnomalyWatch anomalies;
    private final OomPredictor oom;
    private final ArrayDeque<PastDecision> decisions = new ArrayDeque<>();

    private AppModels(String key, History history, SeasonalForecaster forecaster, CapacityEstimator capacity,
                      OomPredictor oom, AnomalyWatch anomalies, List<PastDecision> decisions) {
        this.oom = oom;
        this.key = key;
        this.history = history;
        this.forecaster = forecaster;
        this.capacity = capacity;
        this.anomalies = anomalies;
        // Detectors keep no persisted state: replaying the history rebuilds them deterministically.
        history.samples().forEach(anomalies::observe);
        decisions.forEach(this.decisions::addLast);
    }

    /** Models that have learned nothing yet. */
    static AppModels fresh(String key, ScalerSettings settings, int historySamples, double anomalyThreshold) {
        return new AppModels(key, new History(historySamples), SeasonalForecaster.create(settings.forecaster()),
                CapacityEstimator.create(CapacityEstimator.Options.defaults()), new OomPredictor(settings.oomPredictor()),
                new AnomalyWatch(key, anomalyThreshold, settings::detector), List.of());
    }

    /** Models restored from a snapshot's parts. */
    static AppModels restored(String key, ModelSnapshot snapshot, ScalerSettings settings, int historySamples,
                              double anomalyThreshold) {
        History history = new History(Math.max(historySamples, 2));
        snapshot.samples().forEach(history::add);
        // The heap trend is not stored (samples lack the limit): it refills within minBuckets buckets.
        return new AppModels(key, history, snapshot.forecaster(), snapshot.capacity(),
                new OomPredictor(settings.oomPredictor()), new AnomalyWatch(key, anomalyThreshold, settings::detector),
                snapshot.decisions());
    }

    /** Learns from one reading: history, capacity, forecaster (arrival rate), anomaly detectors, heap trend. */
    void observe(TelemetryReading reading) {
        Sample sample = reading.sample();
        history.add(sample);
        capacity.observe(sample);
        if (Sample.measured(sample.arrivalRate())) {
            forecaster.observe(sample.epochMillis(), sample.arrivalRate());
        }
        anomalies.observe(sample);
        if (Double.isFinite(reading.heapUsedBytes()) && Double.isFinite(reading.heapLimitBytes())
                && reading.heapLimitBytes() > 0) {
            oom.observe(sample.epochMillis(), reading.heapUsedBytes(), reading.heapLimitBytes());
        }
    }

    /** The policy's input at {@code now}. */
    PolicyInput input(Instant now, Duration horizon, int ready, int starting, Bounds bounds, double sloSeconds,
                      int partitions, double maxPartitionLagRecords) {
        List<Sample> all = history.samples();
        List<Sample> recent = all.subList(Math.max(0, all.size() - RECENT_SAMPLES), all.size());
        return new PolicyInput(now, recent, forecast(now, horizon), capacity.estimate(), sloSeconds, ready, starting,
                partitions, Double.isFinite(maxPartitionLagRecords) ? maxPartitionLagRecords : Double.NaN, bounds,
                List.copyOf(decisions), anomalies.state());
    }

    /** The forecast peak of the arrival rate over {@code horizon} from {@code now}, once anything was observed. */
    Optional<Forecast> forecast(Instant now, Duration horizon) {
        if (forecaster.observations() == 0) {
            return Optional.empty();
        }
        long from = Math.max(now.toEpochMilli(), forecaster.lastObservedMillis());
        return Optional.of(forecaster.peak(from, from + horizon.toMillis()));
    }

    /** Remembers a decision for the stabilization window and step limits. */
    void remember(PastDecision decision) {
        decisions.addLast(decision);
        while (decisions.size() > MAX_DECISIONS) {
            decisions.removeFirst();
        }
    }

    /** Predicted seconds until the heap reaches its limit at {@code now}; NaN without a rising trend. */
    double timeToOomSeconds(Instant now) {
        OomPrediction prediction = oom.predict(now.toEpochMilli());
        return prediction.growing() ? prediction.secondsToOom() : Double.NaN;
    }

    /** The learned per-replica capacity. */
    Capacity capacity() {
        return capacity.estimate();
    }

    /** Whether the forecaster has enough history and measured errors to be trusted. */
    boolean forecasterReady() {
        return forecaster.ready();
    }

    /** Samples held. */
    int historySize() {
        return history.size();
    }

    /** The anomaly detectors. */
    AnomalyWatch anomalies() {
        return anomalies;
    }

    /** The app's key, namespace/name. */
    String key() {
        return key;
    }

    /** A snapshot of the learned state, for the state store. */
    ModelSnapshot snapshot() {
        return new ModelSnapshot(history.samples(), forecaster, capacity, List.copyOf(decisions));
    }
}
