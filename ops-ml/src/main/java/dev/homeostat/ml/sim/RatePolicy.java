package dev.homeostat.ml.sim;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.capacity.CapacityEstimator;
import dev.homeostat.ml.telemetry.Sample;
import java.util.ArrayDeque;

/**
 * The Flink autoscaler's rule for a Kafka source (DS2), with the defaults of Apache Flink Kubernetes
 * Operator 1.8's {@code AutoScalerOptions} ({@code job.autoscaler.*}): {@code target.utilization} 0.7,
 * {@code target.utilization.boundary} 0.3, {@code metrics.window} 15 min, {@code stabilization.interval}
 * 5 min, {@code catch-up.duration} 30 min, {@code scale-down.max-factor} 0.6.
 *
 * <p>The true per-replica processing rate is learned as processed ÷ busy ÷ replicas
 * ({@link CapacityEstimator}). After every change of the replica count (and at start) it collects nothing
 * for the stabilization interval, then averages the arrival rate over a full metrics window before it
 * evaluates. The target rate is {@code mean arrivals + lag ÷ catchUp}; it scales only when that rate lies
 * outside {@code [target − boundary, target + boundary] × capacity × current}, to
 * {@code ceil(targetRate ÷ (capacity × target))}, a scale-down cutting at most 60 % at once.
 */
final class RatePolicy implements AutoscalePolicy {

    static final int PERIOD_SECONDS = 15;
    static final double TARGET_UTILIZATION = 0.7;
    static final double UTILIZATION_BOUNDARY = 0.3;
    static final int METRICS_WINDOW_SECONDS = 15 * 60;
    static final int STABILIZATION_SECONDS = 5 * 60;
    static final double CATCH_UP_SECONDS = 30 * 60;
    static final double SCALE_DOWN_MAX_FACTOR = 0.6;

    private final CapacityEstimator capacity = CapacityEstimator.create(CapacityEstimator.Options.defaults());
    private final double target;
    private final int min;
    private final int max;
    private final ArrayDeque<Sample> window = new ArrayDeque<>();
    private double windowSum;
    private long lastSample = Long.MIN_VALUE;
    private int lastChange = 0;
    private int lastRequested = -1;

    RatePolicy(int min, int max) {
        this(TARGET_UTILIZATION, min, max);
    }

    /** With another {@code target.utilization} (the knob the frontier sweeps). */
    RatePolicy(double targetUtilization, int min, int max) {
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("target utilization must be in (0, 1], got " + targetUtilization);
        }
        this.target = targetUtilization;
        this.min = min;
        this.max = max;
    }

    @Override
    public int periodSeconds() {
        return PERIOD_SECONDS;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        int current = view.requested();
        if (current != lastRequested) {
            // A rescale (ours or the start) restarts metric collection, as Flink clears its history.
            lastRequested = current;
            lastChange = view.second();
            window.clear();
            windowSum = 0;
        }
        Sample s = view.latest();
        if (s == null || s.epochMillis() == lastSample) {
            return current;
        }
        lastSample = s.epochMillis();
        capacity.observe(s);
        boolean stable = view.starting() == 0 && view.second() - lastChange >= STABILIZATION_SECONDS;
        if (!stable || !(s.arrivalRate() >= 0)) {
            return current;
        }
        window.addLast(s);
        windowSum += s.arrivalRate();
        while (window.size() > 1 && s.epochMillis() - window.peekFirst().epochMillis() >= METRICS_WINDOW_SECONDS * 1000L) {
            windowSum -= window.removeFirst().arrivalRate();
        }
        boolean full = s.epochMillis() - window.peekFirst().epochMillis() >= (METRICS_WINDOW_SECONDS - PERIOD_SECONDS) * 1000L;
        Capacity c = capacity.estimate();
        if (!full || !c.known() || c.perReplicaRate() <= 0) {
            return current;
        }
        double lag = s.lagRecords() >= 0 ? s.lagRecords() : 0;
        double targetRate = windowSum / window.size() + lag / CATCH_UP_SECONDS;
        double processing = c.perReplicaRate() * Math.max(1, current);
        if (targetRate <= processing * (target + UTILIZATION_BOUNDARY)
                && targetRate >= processing * (target - UTILIZATION_BOUNDARY)) {
            return current;
        }
        int desired = (int) Math.ceil(targetRate / (c.perReplicaRate() * target) - 1e-9);
        if (desired < current) {
            desired = Math.max(desired, (int) Math.ceil(current * (1 - SCALE_DOWN_MAX_FACTOR)));
        }
        return Math.clamp(desired, min, max);
    }
}
