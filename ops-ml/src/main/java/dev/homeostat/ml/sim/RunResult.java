package dev.homeostat.ml.sim;

/**
 * Figures of one policy on one seed, over the evaluation part only.
 *
 * @param policy              policy name
 * @param seed                seed of the run
 * @param evalSeconds         length of the evaluation part
 * @param replicaSeconds      Σ requested replicas per second (starting replicas cost as much as ready ones)
 * @param workBound           evaluation arrivals ÷ μ: replica-seconds no policy can go below
 * @param overSloSeconds      seconds whose time-lag exceeded the SLO
 * @param maxTimeLagSeconds   largest time-lag seen
 * @param actions             changes of the requested replica count
 * @param rebalanceSeconds    seconds the group spent paused in rebalances
 * @param arrivals            records that arrived
 * @param processed           records processed
 * @param lagAtStart          lag when evaluation started, records
 * @param lagAtEnd            lag when the simulation ended, records (conservation: start + arrivals − processed)
 * @param overview            mean requested replicas per bucket over the evaluation part (for the report)
 * @param zoom                mean requested replicas per bucket over the report's zoom window
 */
public record RunResult(
        String policy,
        long seed,
        long evalSeconds,
        double replicaSeconds,
        double workBound,
        long overSloSeconds,
        double maxTimeLagSeconds,
        long actions,
        long rebalanceSeconds,
        double arrivals,
        double processed,
        double lagAtStart,
        double lagAtEnd,
        double[] overview,
        double[] zoom) {

    /** Percentage of the evaluation time over the SLO. */
    public double percentOverSlo() {
        return 100.0 * overSloSeconds / evalSeconds;
    }

    /** Replica-seconds per work-bound replica-second, i.e. 1 ÷ mean utilisation. */
    public double costOverWorkBound() {
        return replicaSeconds / workBound;
    }
}
