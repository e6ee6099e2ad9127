package dev.homeostat.ml.sim;

/**
 * KEDA's Kafka scaler: every 30 s (its polling interval) the total lag, capped at
 * {@code partitions × lagThreshold} (idle consumers not allowed), goes to the HPA as an average-value
 * external metric, i.e. {@code desired = ceil(lag ÷ lagThreshold)} with the HPA's 10 % tolerance on
 * {@code lag ÷ (lagThreshold × current)}; the 300 s cooldown is the HPA's scale-down stabilization
 * window, and scale-up follows the HPA's default rate limits ({@link HpaBehavior}).
 */
final class KedaPolicy implements AutoscalePolicy {

    /** KEDA's default polling interval. */
    static final int PERIOD_SECONDS = 30;

    private final double lagThreshold;
    private final int partitions;
    private final HpaBehavior behavior;

    KedaPolicy(double lagThreshold, int partitions, int min, int max) {
        if (!(lagThreshold > 0)) {
            throw new IllegalArgumentException("lagThreshold must be > 0, got " + lagThreshold);
        }
        this.lagThreshold = lagThreshold;
        this.partitions = partitions;
        this.behavior = new HpaBehavior(HpaBehavior.DOWN_WINDOW_SECONDS, PERIOD_SECONDS, min, max);
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
        int recommendation = recommend(view.latest().lagRecords(), current, lagThreshold, partitions);
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
