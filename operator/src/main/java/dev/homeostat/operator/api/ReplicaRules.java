package dev.homeostat.operator.api;

/** CEL rules on replica fields, shared by both kinds so they cannot drift apart. */
public final class ReplicaRules {

    /** minReplicas must not exceed maxReplicas. */
    public static final String MIN_LE_MAX =
            "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas";
    public static final String MIN_LE_MAX_MESSAGE = "minReplicas must be less than or equal to maxReplicas";

    /** spec.replicas, when set, must lie within the bounds (a scale request outside them is rejected). */
    public static final String REPLICAS_WITHIN_BOUNDS =
            "!has(self.replicas) || ((!has(self.minReplicas) || self.replicas >= self.minReplicas)"
                    + " && (!has(self.maxReplicas) || self.replicas <= self.maxReplicas))";
    public static final String REPLICAS_WITHIN_BOUNDS_MESSAGE = "replicas must lie within [minReplicas, maxReplicas]";

    /** Reactive and Predictive modes scale towards an SLO, so they need one. */
    public static final String SLO_UNLESS_FIXED = "!has(self.mode) || self.mode == 'Fixed' || has(self.slo)";
    public static final String SLO_UNLESS_FIXED_MESSAGE = "scaling.slo is required when scaling.mode is Reactive or Predictive";

    private ReplicaRules() {
    }
}
