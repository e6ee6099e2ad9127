package dev.homeostat.ml.sim;

/**
 * Replays an {@link OfflineOptimum.Plan} in the simulator (a foresight policy): each second it requests the
 * largest count the plan holds over the next ready delay, so added replicas are ready when their epoch starts
 * and removals happen at the epoch itself. Before the plan starts it behaves as {@code oracle-0.8}. Replaying
 * a seed's own realised-load plan on that seed checks that the plan's model of the simulator holds: its cost
 * and time over the SLO should come out close to the plan's (the run starts evaluation with whatever backlog
 * {@code oracle-0.8} left, the plan with none, and the policy decides on the simulator's phase).
 */
final class OptimumPolicy implements AutoscalePolicy {

    private final OfflineOptimum.Plan plan;
    private final int readyDelay;
    private final OraclePolicy before;

    OptimumPolicy(OfflineOptimum.Plan plan, LoadProfile profile, SimOptions options) {
        this.plan = plan;
        this.readyDelay = options.readyDelaySeconds();
        this.before = new OraclePolicy(profile, options.capacity(), 0.8, options.readyDelaySeconds());
    }

    @Override
    public int periodSeconds() {
        return 1;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        int s = view.second();
        int early = before.desiredReplicas(view);
        if (s + readyDelay < plan.fromSecond()) {
            return early;
        }
        int want = s < plan.fromSecond() ? early : plan.readyAt(s);
        for (int u = Math.max(s, plan.fromSecond()); u <= s + readyDelay; u += OfflineOptimum.EPOCH_SECONDS) {
            want = Math.max(want, plan.readyAt(u));
        }
        return Math.max(want, plan.readyAt(s + readyDelay));
    }
}
