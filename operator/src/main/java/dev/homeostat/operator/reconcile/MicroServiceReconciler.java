package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.scaler.ScalerViews;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import jakarta.inject.Inject;
import java.util.List;

/** Reconciles MicroServices: Deployment, Service and PodDisruptionBudget from the spec, then status. */
@ControllerConfiguration(name = "microservice")
// Explicit invocation so the reconcile span covers the dependents too.
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = "deployment", type = MicroServiceDeployment.class),
        @Dependent(name = "service", type = MicroServiceService.class),
        @Dependent(name = "pdb", type = MicroServicePdb.class, reconcilePrecondition = MultipleReplicas.class)})
@RBACRule(apiGroups = "", resources = {"secrets", "configmaps"}, verbs = "get")
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
// The telemetry collector's Pod informer (telemetry/pods/PodDirectory) finds each app's ready pods to scrape.
@RBACRule(apiGroups = "", resources = "pods", verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "coordination.k8s.io", resources = "leases", verbs = {"get", "create", "update"})
public class MicroServiceReconciler implements Reconciler<MicroService> {

    private final WorkloadReconciliation reconciliation;
    private final ScalerViews scaler;

    @Inject
    public MicroServiceReconciler(WorkloadReconciliation reconciliation, ScalerViews scaler) {
        this.reconciliation = reconciliation;
        this.scaler = scaler;
    }

    /** The scaler loop triggers a reconcile through this source when it has news for the status. */
    @Override
    public List<EventSource<?, MicroService>> prepareEventSources(EventSourceContext<MicroService> context) {
        return List.of(scaler.microServiceSource());
    }

    @Override
    public UpdateControl<MicroService> reconcile(MicroService resource, Context<MicroService> context) throws Exception {
        return reconciliation.reconcile(resource, context);
    }

    @Override
    public ErrorStatusUpdateControl<MicroService> updateErrorStatus(MicroService resource, Context<MicroService> context, Exception e) {
        return reconciliation.failed(resource, context, e);
    }
}
