package dev.homeostat.ml.sim;

/**
 * One policy's figures over the seeds, evaluation part only.
 *
 * @param policy             the policy
 * @param replicaSeconds     replica-seconds
 * @param costOverReference  replica-seconds ÷ the reference oracle's on the same seed
 * @param costOverWorkBound  replica-seconds ÷ the work bound (1 ÷ mean utilisation)
 * @param percentOverSlo     % of evaluation time with time-lag over the SLO
 * @param maxTimeLag         largest time-lag, seconds
 * @param actions            scaling actions
 * @param rebalanceSeconds   seconds lost to rebalances
 */
public record PolicySummary(String policy, Stat replicaSeconds, Stat costOverReference, Stat costOverWorkBound,
                            Stat percentOverSlo, Stat maxTimeLag, Stat actions, Stat rebalanceSeconds) {
}
