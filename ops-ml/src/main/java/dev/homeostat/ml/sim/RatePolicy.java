package dev.homeostat.ml.sim;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.capacity.CapacityEstimator;
import dev.homeostat.ml.telemetry.Sample;

/**
 * DS2 / Flink-autoscaler style rate rule: every 15 s, with the true per-replica processing rate
 * learned as processed ÷ busy ÷ replicas ({@link CapacityEstimator}),
 * {@code desired = ceil((arrival + lag ÷ catchUp) ÷ (capacity × targetUtilization))}.
 * Flink's defaults: target utilisation 0.7 and a catch-up time of 5 minutes; a 10 % tolerance and
 * the HPA's 300 s scale-down window keep it from chasing noise (Flink's own loop has a comparable
 * stabilization interval). Until capacity is known it keeps the current replicas.
 */
final class RatePolicy implements AutoscalePolicy {

    static final int PERIOD_SECONDS = 15;
    static final double TARGET_UTILIZATION = 0.7;
    static final double CATCH_UP_SECONDS = 300;

    private final CapacityEstimator capacity = CapacityEstimator.create(CapacityEstimator.Options.defaults());
    private final HpaBehavior behavior;
    private long lastSample = Long.MIN_VALUE;

    RatePolicy(int min, int max) {
        this.behavior = new HpaBehavior(HpaBehavior.DOWN_WINDOW_SECONDS, PERIOD_SECONDS, min, max);
    }

    @Override
    public int periodSeconds() {
        return PERIOD_SECONDS;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        int current = view.requested();
        Sample s = view.latest();
        if (s == null) {
            return current;
        }
        if (s.epochMillis() != lastSample) {
            capacity.observe(s);
            lastSample = s.epochMillis();
        }
        Capacity c = capacity.estimate();
        if (!c.known() || c.perReplicaRate() <= 0 || !(s.arrivalRate() >= 0)) {
            return current;
        }
        double lag = s.lagRecords() >= 0 ? s.lagRecords() : 0;
        double need = (s.arrivalRate() + lag / CATCH_UP_SECONDS) / (c.perReplicaRate() * TARGET_UTILIZATION);
        int recommendation = Math.abs(need / Math.max(1, current) - 1) <= HpaPolicy.TOLERANCE
                ? current : (int) Math.ceil(need);
        return behavior.normalise(view.second(), recommendation, current);
    }
}
