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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes a workload's next status from its spec, its observed Deployment and the references that are missing.
 * Pure: the same inputs give the same status, so a reconcile that changes nothing writes nothing new.
 */
public final class WorkloadStatusModel {

    /** Reasons this class writes into Scaling/ModelReady; anything else there belongs to the scaler and is kept. */
    private static final Set<String> OWN_SCALING_REASONS = Set.of("FixedMode", "ShadowMode", "ScalerNotRunning");
    private static final Set<String> OWN_MODEL_REASONS = Set.of("NotRequired", "NotTrained");

    private WorkloadStatusModel() {
    }

    /** The status after a successful reconcile. {@code deployment} may be null when it is not observed yet. */
    public static WorkloadStatus reconciled(Workload workload, Deployment deployment, List<Reference> missing, Instant now) {
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
        status.setLastDecision(nextDecision(previous, workload, desired, now));

        var conditions = Conditions.from(previous.getConditions(), generation, now);
        String stalled = stalledReason(observed);
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
            } else if (ready >= desired && replicas == desired) {
                conditions.set(ConditionTypes.READY, true, "Available", counts);
            } else {
                conditions.set(ConditionTypes.READY, false, "ReplicasNotReady", counts);
            }
            conditions.set(ConditionTypes.DEGRADED, false, "AsExpected", "no problem detected");
        }
        setScaling(conditions, workload);
        setModelReady(conditions, workload);
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
        var spec = workload.workloadSpec();
        var last = previous.getLastDecision();
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

    private static void setScaling(Conditions conditions, Workload workload) {
        var scaling = workload.workloadSpec().scalingSettings();
        ScalingMode mode = scaling.effectiveMode();
        if (mode == ScalingMode.Fixed) {
            conditions.set(ConditionTypes.SCALING, false, "FixedMode", "replicas follow spec.replicas");
        } else if (scaling.shadowOnly()) {
            conditions.set(ConditionTypes.SCALING, false, "ShadowMode",
                    "mode " + mode + " in shadow: decisions are recorded in status.lastDecision, not applied");
        } else if (conditions.reasonOf(ConditionTypes.SCALING).map(OWN_SCALING_REASONS::contains).orElse(true)) {
            conditions.set(ConditionTypes.SCALING, false, "ScalerNotRunning",
                    "mode " + mode + ": no scaler has acted yet; replicas follow spec.replicas");
        }
    }

    private static void setModelReady(Conditions conditions, Workload workload) {
        ScalingMode mode = workload.workloadSpec().scalingSettings().effectiveMode();
        if (mode != ScalingMode.Predictive) {
            conditions.set(ConditionTypes.MODEL_READY, false, "NotRequired", "mode " + mode + " uses no model");
        } else if (conditions.reasonOf(ConditionTypes.MODEL_READY).map(OWN_MODEL_REASONS::contains).orElse(true)) {
            conditions.set(ConditionTypes.MODEL_READY, false, "NotTrained",
                    "no model trained yet; the reactive rule decides until one is");
        }
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
