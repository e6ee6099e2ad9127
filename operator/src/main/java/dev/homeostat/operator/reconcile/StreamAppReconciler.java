package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.StreamApp;
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

/** Reconciles StreamApps: Deployment and PodDisruptionBudget from the spec, then status. */
@ControllerConfiguration(name = "streamapp")
// Explicit invocation so the reconcile span covers the dependents too.
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = "deployment", type = StreamAppDeployment.class),
        @Dependent(name = "pdb", type = StreamAppPdb.class, reconcilePrecondition = MultipleReplicas.class)})
@RBACRule(apiGroups = "", resources = {"secrets", "configmaps"}, verbs = "get")
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
// The scaler loop: per-app model state ConfigMaps, and decisions written through the scale subresource.
@RBACRule(apiGroups = "", resources = "configmaps", verbs = {"create", "update"})
@RBACRule(apiGroups = "homeostat.dev", resources = {"streamapps/scale", "microservices/scale"},
        verbs = {"get", "update", "patch"})
// The telemetry collector's Pod informer (telemetry/pods/PodDirectory) finds each app's ready pods to scrape.
@RBACRule(apiGroups = "", resources = "pods", verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "coordination.k8s.io", resources = "leases", verbs = {"get", "create", "update"})
public class StreamAppReconciler implements Reconciler<StreamApp> {

    private final WorkloadReconciliation reconciliation;
    private final ScalerViews scaler;

    @Inject
    public StreamAppReconciler(WorkloadReconciliation reconciliation, ScalerViews scaler) {
        this.reconciliation = reconciliation;
        this.scaler = scaler;
    }

    /** The scaler loop triggers a reconcile through this source when it has news for the status. */
    @Override
    public List<EventSource<?, StreamApp>> prepareEventSources(EventSourceContext<StreamApp> context) {
        return List.of(scaler.streamAppSource());
    }

    @Override
    public UpdateControl<StreamApp> reconcile(StreamApp resource, Context<StreamApp> context) throws Exception {
        return reconciliation.reconcile(resource, context);
    }

    @Override
    public ErrorStatusUpdateControl<StreamApp> updateErrorStatus(StreamApp resource, Context<StreamApp> context, Exception e) {
        return reconciliation.failed(resource, context, e);
    }
}
