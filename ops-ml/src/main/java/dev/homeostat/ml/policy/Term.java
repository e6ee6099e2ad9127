package dev.homeostat.ml.policy;

/** Which part of the policy set the decided replica count. */
public enum Term {
    /** The configured fixed count. */
    FIXED,
    /** The forecast peak arrival rate over the provisioning horizon ÷ (capacity × target utilisation). */
    FORECAST,
    /** Enough capacity to serve arrivals and drain the current lag within the provisioning horizon. */
    LAG_DRAIN,
    /** The reactive rule (measured utilisation or arrival rate), acting as the predictive floor or in reactive mode. */
    REACTIVE,
    /** The predictive model is untrained or doing badly, so the reactive rule acts. */
    REACTIVE_FALLBACK,
    /** The min/max bound of the app. */
    BOUND,
    /** A guardrail: partition cap or even division, step limit, scale-down stabilization. */
    GUARDRAIL,
    /** Nothing changes: within tolerance, too soon after a change, or still draining lag. */
    HOLD,
    /** Lag grows for a reason more replicas cannot fix; hold and raise an anomaly. */
    SCALING_WILL_NOT_HELP,
    /** Telemetry is missing or stale; never scale down on it. */
    STALE_TELEMETRY
}
