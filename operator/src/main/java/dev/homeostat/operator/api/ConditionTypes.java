package dev.homeostat.operator.api;

/** Condition types Homeostat writes into status.conditions. */
public final class ConditionTypes {

    /** The app runs its desired replicas, all ready, with nothing blocking it. */
    public static final String READY = "Ready";
    /** Whether an autoscaler acts on the replica count. */
    public static final String SCALING = "Scaling";
    /** Whether a trained model drives decisions (Predictive mode). */
    public static final String MODEL_READY = "ModelReady";
    /** Something only the operator can see is wrong (missing reference, stalled rollout, missing telemetry). */
    public static final String DEGRADED = "Degraded";
    /** A telemetry signal is anomalous, or lag grows for a reason more replicas cannot fix. */
    public static final String ANOMALY_DETECTED = "AnomalyDetected";
    /** The heap trend reaches the memory limit soon (predictive maintenance). */
    public static final String OUT_OF_MEMORY_PREDICTED = "OutOfMemoryPredicted";

    private ConditionTypes() {
    }
}
