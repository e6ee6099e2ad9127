package dev.homeostat.operator.model;

import dev.homeostat.operator.api.WorkloadSpec;

/** The replica count the operator asks a Deployment for: spec.replicas (or minReplicas) within the bounds. */
public final class ReplicaTarget {

    private ReplicaTarget() {
    }

    /** spec.replicas clamped to [minReplicas, maxReplicas]; minReplicas when spec.replicas is unset. */
    public static int of(WorkloadSpec spec) {
        int min = lowerBound(spec);
        int max = Math.max(min, upperBound(spec));
        int requested = spec.getReplicas() == null ? min : spec.getReplicas();
        return Math.min(max, Math.max(min, requested));
    }

    /** Whether spec.replicas is set but lies outside the bounds (the CRD rejects this; a hand-made object may not). */
    public static boolean isClamped(WorkloadSpec spec) {
        return spec.getReplicas() != null && spec.getReplicas() != of(spec);
    }

    static int lowerBound(WorkloadSpec spec) {
        return spec.getMinReplicas() == null ? 1 : spec.getMinReplicas();
    }

    static int upperBound(WorkloadSpec spec) {
        return spec.getMaxReplicas() == null ? 10 : spec.getMaxReplicas();
    }
}
