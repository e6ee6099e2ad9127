package dev.homeostat.ml.sim;

/**
 * The target for {@code homeostat} on one trace: at most {@link Benchmark#SLO_TARGET_PERCENT} %
 * of evaluation time over the SLO, replica-seconds at most {@link #COST_FACTOR}× the reference oracle's,
 * and better than each of {@code hpa} and {@code keda} on cost or SLO without being worse on the other.
 *
 * @param sloMet       time over the SLO within the bar
 * @param costMet      cost within the factor of a reference oracle that itself met the SLO bar
 * @param beatsHpa     dominates hpa (null when hpa did not run)
 * @param beatsKeda    dominates keda (null when keda did not run)
 */
public record TargetCheck(boolean sloMet, boolean costMet, Boolean beatsHpa, Boolean beatsKeda) {

    /** Largest cost relative to the reference oracle. */
    public static final double COST_FACTOR = 1.15;

    /** The check for {@code policy} in {@code result}, or null when it did not run. */
    public static TargetCheck of(Benchmark.Result result, String policy) {
        PolicySummary p = result.summary(policy);
        if (p == null) {
            return null;
        }
        boolean slo = p.percentOverSlo().mean() <= Benchmark.SLO_TARGET_PERCENT;
        boolean cost = result.referenceMeetsSlo() && p.costOverReference().mean() <= COST_FACTOR;
        return new TargetCheck(slo, cost, dominates(p, result.summary("hpa")), dominates(p, result.summary("keda")));
    }

    /** Whether the target holds entirely. */
    public boolean met() {
        return sloMet && costMet && !Boolean.FALSE.equals(beatsHpa) && !Boolean.FALSE.equals(beatsKeda);
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
