package dev.homeostat.ml.sim;

/**
 * The Kubernetes HPA v2 algorithm on CPU utilisation with its defaults: every 15 s,
 * {@code desired = ceil(ready × utilisation ÷ target)} with a 10 % tolerance, not-ready pods counted
 * at 0 % when the ratio says scale up (and no action if that reverses the direction), then
 * {@link HpaBehavior}. Utilisation is the ready replicas' busy fraction (a Kafka consumer's CPU follows
 * the time it spends processing). Follows {@code replica_calculator.go} of Kubernetes; the CPU
 * initialisation period is not modelled because simulated pods report clean figures at once.
 */
final class HpaPolicy implements AutoscalePolicy {

    /** HPA sync period. */
    static final int PERIOD_SECONDS = 15;
    /** HPA default tolerance. */
    static final double TOLERANCE = 0.1;

    private final double target;
    private final HpaBehavior behavior;

    HpaPolicy(double targetUtilization, int min, int max) {
        this.target = targetUtilization;
        this.behavior = new HpaBehavior(HpaBehavior.DOWN_WINDOW_SECONDS, PERIOD_SECONDS, min, max);
    }

    @Override
    public int periodSeconds() {
        return PERIOD_SECONDS;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        int current = view.requested();
        if (view.latest() == null || view.ready() == 0 || !(view.latest().busyFraction() >= 0)) {
            return current;
        }
        int recommendation = recommend(view.latest().busyFraction(), view.ready(), view.starting(), current, target);
        return behavior.normalise(view.second(), recommendation, current);
    }

    /** The replica calculator for a utilisation metric (exposed to tests). */
    static int recommend(double utilization, int ready, int unready, int current, double target) {
        double ratio = utilization / target;
        boolean scaleUpWithUnready = unready > 0 && ratio > 1.0;
        if (!scaleUpWithUnready) {
            if (Math.abs(1.0 - ratio) <= TOLERANCE) {
                return current;
            }
            return (int) Math.ceil(ratio * ready);
        }
        // Unready pods are assumed idle: recompute over all pods and act only if the direction holds.
        double newRatio = utilization * ready / (ready + unready) / target;
        if (Math.abs(1.0 - newRatio) <= TOLERANCE || newRatio < 1.0) {
            return current;
        }
        int replicas = (int) Math.ceil(newRatio * (ready + unready));
        return replicas < current ? current : replicas;
    }
}
