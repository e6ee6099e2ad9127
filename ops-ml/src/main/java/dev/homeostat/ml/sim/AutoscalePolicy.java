package dev.homeostat.ml.sim;

/**
 * One autoscaling policy under test. The simulator asks it every {@link #periodSeconds()} seconds,
 * just after a telemetry sample became visible, and applies the answer (clamped to the bounds).
 * Instances hold per-run state, so each run gets a fresh one from a {@link PolicySpec}.
 */
public interface AutoscalePolicy {

    /** How often the policy is asked, in simulated seconds. */
    int periodSeconds();

    /** The replicas the policy wants now. */
    int desiredReplicas(PolicyView view);
}
