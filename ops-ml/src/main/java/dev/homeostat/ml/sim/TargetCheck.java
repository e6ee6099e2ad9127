package dev.homeostat.ml.sim;

/**
 * The target for {@code homeostat} on one trace: at most {@link Benchmark#SLO_TARGET_PERCENT} % of evaluation time
 * over the SLO and cost at most {@link #COST_FACTOR}× the offline optimum (mean over seeds of each run's
 * replica-seconds ÷ its seed's optimum). Whether it dominates {@code hpa} and {@code keda} (better on cost or SLO, worse
 * on neither) is reported beside it, not part of it: a baseline may buy 0.00 % at any price.
 *
 * @param sloMet       time over the SLO within the bar
 * @param costMet      cost ÷ offline optimum within the factor
 * @param beatsHpa     dominates hpa (null when hpa did not run)
 * @param beatsKeda    dominates keda (null when keda did not run)
 */
public record TargetCheck(boolean sloMet, boolean costMet, Boolean beatsHpa, Boolean beatsKeda) {

    /** Largest cost relative to the offline optimum. */
    public static final double COST_FACTOR = 1.15;

    /** The check for {@code policy} in {@code result}, or null when it did not run. */
    public static TargetCheck of(Benchmark.Result result, String policy) {
        PolicySummary p = result.summary(policy);
        if (p == null) {
            return null;
        }
        boolean slo = p.percentOverSlo().mean() <= Benchmark.SLO_TARGET_PERCENT;
        boolean cost = result.costOverOptimum(policy) <= COST_FACTOR;
        return new TargetCheck(slo, cost, dominates(p, result.summary("hpa")), dominates(p, result.summary("keda")));
    }

    /** Whether the target (SLO and cost) holds. */
    public boolean met() {
        return sloMet && costMet;
    }

    private static Boolean dominates(PolicySummary p, PolicySummary other) {
        if (other == null) {
            return null;
        }
        double cost = p.replicaSeconds().mean();
        double otherCost = other.replicaSeconds().mean();
        double over = p.percentOverSlo().mean();
        double otherOver = other.percentOverSlo().mean();
        boolean notWorse = cost <= otherCost && over <= otherOver;
        return notWorse && (cost < otherCost || over < otherOver);
    }
}
