package dev.homeostat.ml.sim;

/**
 * KEDA's Apache Kafka scaler in front of the HPA, as KEDA's scaler documentation describes it (KEDA 2.x):
 * the metric is the consumer group's total lag from <em>committed</em> offsets (end offset − committed
 * offset, summed over partitions), capped at {@code partitions × lagThreshold} because
 * {@code allowIdleConsumers} is false by default; it is an {@code AverageValue} external metric with target
 * {@code lagThreshold} per replica, so the HPA computes {@code desired = ceil(lag ÷ lagThreshold)} with its
 * 10 % tolerance on {@code lag ÷ (lagThreshold × current)} and its default behavior ({@link HpaBehavior}:
 * 300 s scale-down stabilization, scale-up by {@code max(+100 %, +4 pods)} per period). The HPA asks
 * KEDA's metrics adapter every 15 s (its sync period) and the adapter queries the scaler on each request,
 * so decisions come every 15 s; KEDA's own {@code pollingInterval} (30 s by default) only checks
 * activation. {@code activationLagThreshold} (default 0): while the lag is at or below it the scaler is
 * inactive, and with {@code minReplicaCount = 0} KEDA scales to zero after its {@code cooldownPeriod}
 * (300 s) and back to one when the scaler turns active. The benchmark keeps at least one replica, so
 * activation never acts there.
 */
final class KedaPolicy implements AutoscalePolicy {

    /** The HPA's sync period: how often the external metric is read. */
    static final int PERIOD_SECONDS = 15;
    /** KEDA's default cooldownPeriod before scaling an inactive target to zero. */
    static final int COOLDOWN_SECONDS = 300;

    private final double lagThreshold;
    private final double activationLagThreshold;
    private final int partitions;
    private final int min;
    private final HpaBehavior behavior;
    /** The cooldown counts from the start until the scaler is first active. */
    private int lastActive;

    KedaPolicy(double lagThreshold, double activationLagThreshold, int partitions, int min, int max) {
        if (!(lagThreshold > 0) || !(activationLagThreshold >= 0)) {
            throw new IllegalArgumentException("lagThreshold must be > 0 and activationLagThreshold >= 0, got "
                    + lagThreshold + " and " + activationLagThreshold);
        }
        this.lagThreshold = lagThreshold;
        this.activationLagThreshold = activationLagThreshold;
        this.partitions = partitions;
        this.min = min;
        this.behavior = new HpaBehavior(HpaBehavior.DOWN_WINDOW_SECONDS, PERIOD_SECONDS, Math.max(1, min), max);
    }

    @Override
    public int periodSeconds() {
        return PERIOD_SECONDS;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        int current = view.requested();
        if (view.latest() == null || !(view.latest().lagRecords() >= 0)) {
            return current;
        }
        double lag = view.latest().lagRecords();
        boolean active = lag > activationLagThreshold;
        if (active) {
            lastActive = view.second();
        }
        if (min == 0) {
            if (!active && view.second() - lastActive >= COOLDOWN_SECONDS) {
                return 0;
            }
            if (current == 0) {
                return active ? 1 : 0;
            }
        }
        int recommendation = recommend(lag, current, lagThreshold, partitions);
        return behavior.normalise(view.second(), recommendation, current);
    }

    /** The average-value external-metric replica calculation (exposed to tests). */
    static int recommend(double totalLag, int current, double lagThreshold, int partitions) {
        double lag = Math.min(totalLag, partitions * lagThreshold);
        double ratio = lag / (lagThreshold * Math.max(1, current));
        if (Math.abs(1.0 - ratio) <= HpaPolicy.TOLERANCE) {
            return current;
        }
        return (int) Math.ceil(lag / lagThreshold);
    }
}
