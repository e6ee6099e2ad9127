package dev.homeostat.operator.model;

import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.DecisionSource;
import dev.homeostat.operator.api.ScalingDecision;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.api.WorkloadStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Computes a workload's next status from its spec, its observed Deployment and the references that are missing.
 * Pure: the same inputs give the same status, so a reconcile that changes nothing writes nothing new.
 */
public final class WorkloadStatusModel {

    private WorkloadStatusModel() {
    }

    /** The status after a successful reconcile in an operator without a scaler loop. */
    public static WorkloadStatus reconciled(Workload workload, Deployment deployment, List<Reference> missing, Instant now) {
        return reconciled(workload, deployment, missing, ScalerFindings.NONE, now);
    }

    /**
     * The status after a successful reconcile. {@code deployment} may be null when it is not observed yet;
     * {@code scaler} is what the scaler loop found (telemetry, decision, models, anomalies).
     */
    public static WorkloadStatus reconciled(Workload workload, Deployment deployment, List<Reference> missing,
                                            ScalerFindings scaler, Instant now) {
        var previous = workload.workloadStatus() == null ? new WorkloadStatus() : workload.workloadStatus();
        var spec = workload.workloadSpec();
        long generation = generation(workload);
        int desired = ReplicaTarget.of(spec);
        DeploymentStatus observed = deployment == null || deployment.getStatus() == null
                ? new DeploymentStatus() : deployment.getStatus();
        int replicas = orZero(observed.getReplicas());
        int ready = orZero(observed.getReadyReplicas());

        var status = new WorkloadStatus();
        status.setObservedGeneration(generation);
        status.setDesiredReplicas(desired);
        status.setReplicas(replicas);
        status.setReadyReplicas(ready);
        status.setSelector(WorkloadLabels.selectorString(workload));
        status.setLastDecision(nextDecision(previous, workload, desired, scaler.lastChange().orElse(null), now));

        var conditions = Conditions.from(previous.getConditions(), generation, now);
        String stalled = stalledReason(observed);
        var latest = scaler.latest();
        String telemetryMissing = latest.map(ScalerFindings.Latest::missing).orElse("");
        if (!missing.isEmpty()) {
            String reason = missing.getFirst().kind() + "NotFound";
            String message = missing.stream().map(Reference::describe).collect(Collectors.joining("; "));
            conditions.set(ConditionTypes.READY, false, reason, message);
            conditions.set(ConditionTypes.DEGRADED, true, reason, message);
        } else if (stalled != null) {
            conditions.set(ConditionTypes.READY, false, stalled, "the Deployment's rollout made no progress");
            conditions.set(ConditionTypes.DEGRADED, true, stalled, "the Deployment's rollout made no progress");
        } else {
            String counts = ready + "/" + desired + " replicas ready";
            if (deployment == null) {
                conditions.set(ConditionTypes.READY, false, "DeploymentPending", "the Deployment is not observed yet");
            } else if (rollingOut(deployment, desired)) {
                conditions.set(ConditionTypes.READY, false, "RolloutInProgress",
                        "the Deployment has not rolled out its latest spec yet: " + orZero(observed.getUpdatedReplicas())
                                + "/" + desired + " replicas updated, " + counts);
            } else if (ready >= desired && replicas == desired) {
                conditions.set(ConditionTypes.READY, true, "Available", counts);
            } else {
                conditions.set(ConditionTypes.READY, false, "ReplicasNotReady", counts);
            }
            if (!telemetryMissing.isEmpty()) {
                conditions.set(ConditionTypes.DEGRADED, true, "TelemetryMissing",
                        telemetryMissing + "; the replica count is never lowered on missing telemetry");
            } else {
                conditions.set(ConditionTypes.DEGRADED, false, "AsExpected", "no problem detected");
            }
        }
        setScaling(conditions, workload, scaler);
        setModelReady(conditions, workload, latest);
        setAnomaly(conditions, workload, latest);
        latest.ifPresent(l -> {
            if (l.oomMessage().isEmpty()) {
                conditions.set(ConditionTypes.OUT_OF_MEMORY_PREDICTED, false, "NoHeapTrend",
                        "the heap is not on course to reach its limit");
            } else {
                conditions.set(ConditionTypes.OUT_OF_MEMORY_PREDICTED, true, "HeapTrend", l.oomMessage());
            }
        });
        status.setConditions(conditions.toList());
        return status;
    }

    /** The status after a failed reconcile: Ready=False with the failure's class as reason; the rest is kept. */
    public static WorkloadStatus failed(Workload workload, String reason, String message, Instant now) {
        var previous = workload.workloadStatus() == null ? new WorkloadStatus() : workload.workloadStatus();
        long generation = generation(workload);
        var status = new WorkloadStatus();
        status.setObservedGeneration(generation);
        status.setDesiredReplicas(previous.getDesiredReplicas());
        status.setReplicas(previous.getReplicas());
        status.setReadyReplicas(previous.getReadyReplicas());
        status.setSelector(WorkloadLabels.selectorString(workload));
        status.setLastDecision(previous.getLastDecision());
        status.setConditions(Conditions.from(previous.getConditions(), generation, now)
                .set(ConditionTypes.READY, false, reason, message)
                .toList());
        return status;
    }

    /** Records why desiredReplicas changed, unless whoever changed it (the scaler) already explained it. */
    static ScalingDecision nextDecision(WorkloadStatus previous, Workload workload, int desired, Instant now) {
        return nextDecision(previous, workload, desired, null, now);
    }

    /**
     * Records why desiredReplicas changed. The scaler's own decision wins when it is the change that happened
     * (its {@code to} is the new count), and in shadow mode the decision it would have applied is recorded.
     */
    static ScalingDecision nextDecision(WorkloadStatus previous, Workload workload, int desired, ScalingDecision scaler,
                                        Instant now) {
        var spec = workload.workloadSpec();
        var last = previous.getLastDecision();
        if (scaler != null && Boolean.FALSE.equals(scaler.getApplied())) {
            return scaler;
        }
        if (scaler != null && Objects.equals(scaler.getTo(), desired) && !Objects.equals(previous.getDesiredReplicas(), desired)) {
            return scaler;
        }
        Integer before = previous.getDesiredReplicas();
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        if (before == null) {
            if (last != null && Objects.equals(last.getTo(), desired)) {
                return last;
            }
            String why = spec.getReplicas() == null
                    ? "spec.replicas is unset: starting at minReplicas " + desired
                    : explainRequested(spec.getReplicas(), desired, spec.getMinReplicas(), spec.getMaxReplicas());
            return new ScalingDecision(DecisionSource.Initial, null, desired, time, why);
        }
        if (before == desired || (last != null && Objects.equals(last.getTo(), desired))) {
            return last;
        }
        if (spec.getReplicas() != null && spec.getReplicas() == desired) {
            return new ScalingDecision(DecisionSource.Spec, before, desired, time,
                    "spec.replicas changed to " + desired + " (kubectl scale, apply or a scale subresource client)");
        }
        String why = spec.getReplicas() == null
                ? "spec.replicas is unset and minReplicas is now " + desired
                : explainRequested(spec.getReplicas(), desired, spec.getMinReplicas(), spec.getMaxReplicas());
        return new ScalingDecision(DecisionSource.Bounds, before, desired, time, why);
    }

    private static String explainRequested(int requested, int desired, Integer min, Integer max) {
        if (requested == desired) {
            return "spec.replicas is " + desired;
        }
        return "spec.replicas " + requested + " clamped to [" + min + ", " + max + "]: " + desired;
    }

    private static void setScaling(Conditions conditions, Workload workload, ScalerFindings scaler) {
        var scaling = workload.workloadSpec().scalingSettings();
        ScalingMode mode = scaling.effectiveMode();
        var latest = scaler.latest();
        if (mode == ScalingMode.Fixed) {
            conditions.set(ConditionTypes.SCALING, false, "FixedMode", "replicas follow spec.replicas");
        } else if (scaling.shadowOnly()) {
            conditions.set(ConditionTypes.SCALING, false, "ShadowMode", "mode " + mode
                    + " in shadow: decisions are recorded in status.lastDecision, not applied"
                    + latest.map(l -> ". Latest: " + l.message()).orElse(""));
        } else if (!scaler.running()) {
            conditions.set(ConditionTypes.SCALING, false, "ScalerDisabled",
                    "mode " + mode + ": the scaler loop is disabled in this operator; replicas follow spec.replicas");
        } else if (latest.isEmpty()) {
            conditions.set(ConditionTypes.SCALING, false, "AwaitingTelemetry",
                    "mode " + mode + ": the scaler has not evaluated this app yet");
        } else {
            conditions.set(ConditionTypes.SCALING, true, latest.get().term(), latest.get().message());
        }
    }

    private static void setModelReady(Conditions conditions, Workload workload, Optional<ScalerFindings.Latest> latest) {
        ScalingMode mode = workload.workloadSpec().scalingSettings().effectiveMode();
        if (mode != ScalingMode.Predictive) {
            conditions.set(ConditionTypes.MODEL_READY, false, "NotRequired", "mode " + mode + " uses no forecast model");
        } else if (latest.isEmpty()) {
            conditions.set(ConditionTypes.MODEL_READY, false, "NotTrained",
                    "no model trained yet; the reactive rule decides until one is");
        } else if (latest.get().modelReady()) {
            conditions.set(ConditionTypes.MODEL_READY, true, "Trained", latest.get().modelQuality());
        } else {
            conditions.set(ConditionTypes.MODEL_READY, false, "Training",
                    latest.get().modelQuality() + "; the reactive rule decides until the models are trusted");
        }
    }

    private static void setAnomaly(Conditions conditions, Workload workload, Optional<ScalerFindings.Latest> latest) {
        var detection = workload.workloadSpec().getAnomalyDetection();
        if (detection != null && Boolean.FALSE.equals(detection.getEnabled())) {
            conditions.set(ConditionTypes.ANOMALY_DETECTED, false, "Disabled", "spec.anomalyDetection.enabled is false");
            return;
        }
        latest.ifPresent(l -> {
            if (l.anomalyReason().isEmpty()) {
                conditions.set(ConditionTypes.ANOMALY_DETECTED, false, "NoAnomaly", "no signal is anomalous");
            } else {
                conditions.set(ConditionTypes.ANOMALY_DETECTED, true, l.anomalyReason(), l.anomalyMessage());
            }
        });
    }

    /** Whether the Deployment still lags its spec: not observed this generation, or not all replicas updated. */
    private static boolean rollingOut(Deployment deployment, int desired) {
        DeploymentStatus status = deployment.getStatus();
        if (status == null) {
            return false;
        }
        Long generation = deployment.getMetadata() == null ? null : deployment.getMetadata().getGeneration();
        boolean observedOld = generation != null && (status.getObservedGeneration() == null
                || status.getObservedGeneration() < generation);
        return observedOld || orZero(status.getUpdatedReplicas()) < desired;
    }

    /** The reason a Deployment reports for a stalled rollout, or null. */
    private static String stalledReason(DeploymentStatus status) {
        if (status.getConditions() == null) {
            return null;
        }
        return status.getConditions().stream()
                .filter(c -> "Progressing".equals(c.getType()) && "False".equals(c.getStatus()))
                .map(c -> c.getReason() == null ? "RolloutStalled" : c.getReason())
                .findFirst().orElse(null);
    }

    private static long generation(Workload workload) {
        Long generation = workload.getMetadata().getGeneration();
        return generation == null ? 0L : generation;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
