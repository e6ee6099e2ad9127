package dev.homeostat.ml.policy;

/** How a {@link ScalingPolicy} decides. */
public enum Mode {
    /** A fixed replica count (within the bounds). */
    FIXED,
    /** Reacts to what is measured now: utilisation, arrival rate and lag (the HPA/KEDA family). */
    REACTIVE,
    /** Provisions for the forecast peak over the provisioning horizon, with the reactive rule as a floor. */
    PREDICTIVE
}
