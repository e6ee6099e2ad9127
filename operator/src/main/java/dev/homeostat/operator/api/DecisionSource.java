package dev.homeostat.operator.api;

/** What caused the last change of an app's desired replica count. */
public enum DecisionSource {
    /** First reconcile: the count came from spec.replicas or, if unset, minReplicas. */
    Initial,
    /** spec.replicas changed (kubectl scale, kubectl apply, any client of the scale subresource). */
    Spec,
    /** The replica bounds changed and clamped the count. */
    Bounds,
    /** The reactive scaling rule decided. */
    Reactive,
    /** The predictive (model-driven) policy decided. */
    Predictive
}
