package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.Conditions;
import dev.homeostat.operator.model.References;
import dev.homeostat.operator.model.ReplicaTarget;
import dev.homeostat.operator.model.WorkloadStatusModel;
import dev.homeostat.operator.observability.ReconcileTracing;
import dev.homeostat.operator.scaler.ScaleSubresource;
import dev.homeostat.operator.scaler.ScalerViews;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * One reconcile of a workload, shared by both kinds: run the dependent workflow (Deployment, Service, PDB),
 * check references, write status (including what the scaler loop found). Never waits: a missing Secret reschedules a later look instead.
 */
@ApplicationScoped
public class WorkloadReconciliation {

    private final ReconcileTracing tracing;
    private final WorkloadEvents events;
    private final Clock clock;
    private final HomeostatConfig config;
    private final ScalerViews scaler;

    @Inject
    public WorkloadReconciliation(ReconcileTracing tracing, WorkloadEvents events, Clock clock, HomeostatConfig config,
                                  ScalerViews scaler) {
        this.tracing = tracing;
        this.events = events;
        this.clock = clock;
        this.config = config;
        this.scaler = scaler;
    }

    /** Applies the desired objects and writes the resulting status. */
    public <P extends Workload> UpdateControl<P> reconcile(P primary, Context<P> context) throws Exception {
        return tracing.traced(primary, () -> {
            if (primary.workloadSpec().getReplicas() == null) {
                // Manifests of scaled apps leave spec.replicas out, and a real API server cannot read the scale
                // subresource without it (GET …/scale answers 500: kubectl get --subresource=scale, HPA, KEDA). Set it
                // once to where the app starts; the Deployment below gets the same count either way.
                setInitialReplicas(primary, context);
            }
            context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow()
                    .throwAggregateExceptionIfErrorsPresent();
            Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(null);
            String namespace = primary.getMetadata().getNamespace();
            var missing = References.missing(primary,
                    reference -> ReferenceLookup.exists(context.getClient(), namespace, reference));
            var before = primary.workloadStatus();
            var after = WorkloadStatusModel.reconciled(primary, deployment, missing, scaler.findings(primary), clock.instant());
            events.onProblemChange(context.getClient(), primary, before, after, ConditionTypes.DEGRADED, Conditions.TRUE);
            events.onProblemChange(context.getClient(), primary, before, after, ConditionTypes.ANOMALY_DETECTED,
                    Conditions.TRUE);
            events.onProblemChange(context.getClient(), primary, before, after, ConditionTypes.OUT_OF_MEMORY_PREDICTED,
                    Conditions.TRUE);
            primary.replaceStatus(after);
            UpdateControl<P> control = UpdateControl.patchStatus(primary);
            return missing.isEmpty() ? control : control.rescheduleAfter(config.references().recheckInterval());
        });
    }

    private static <P extends Workload> void setInitialReplicas(P primary, Context<P> context) {
        try {
            ScaleSubresource.patchReplicasIfUnchanged(context.getClient(), primary, ReplicaTarget.of(primary.workloadSpec()));
        } catch (KubernetesClientException e) {
            // 409: written since it was read (a kubectl scale, say), which brings its own reconcile; keep that value.
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    /** Ready=False with the failure's class as reason and its message; JOSDK retries with back-off. */
    public <P extends Workload> ErrorStatusUpdateControl<P> failed(P primary, Context<P> context, Exception e) {
        Exception cause = rootCause(e);
        String reason = cause.getClass().getSimpleName();
        String message = cause.getMessage() == null ? reason : cause.getMessage();
        var before = primary.workloadStatus();
        var after = WorkloadStatusModel.failed(primary, reason, message, clock.instant());
        events.onProblemChange(context.getClient(), primary, before, after, ConditionTypes.READY, Conditions.FALSE);
        primary.replaceStatus(after);
        return ErrorStatusUpdateControl.patchStatus(primary);
    }

    /** JOSDK wraps dependents' failures (OperatorException around AggregatedOperatorException); the user wants the first real one. */
    static Exception rootCause(Exception e) {
        if (e instanceof AggregatedOperatorException aggregated && !aggregated.getAggregatedExceptions().isEmpty()) {
            return rootCause(aggregated.getAggregatedExceptions().values().iterator().next());
        }
        if (e.getClass() == OperatorException.class && e.getCause() instanceof Exception cause) {
            return rootCause(cause);
        }
        return e;
    }
}
