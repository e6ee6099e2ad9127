package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.StreamApp;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import jakarta.inject.Inject;

/** Reconciles StreamApps: Deployment and PodDisruptionBudget from the spec, then status. */
@ControllerConfiguration(name = "streamapp")
// Explicit invocation so the reconcile span covers the dependents too.
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = "deployment", type = StreamAppDeployment.class),
        @Dependent(name = "pdb", type = StreamAppPdb.class, reconcilePrecondition = MultipleReplicas.class)})
@RBACRule(apiGroups = "", resources = {"secrets", "configmaps"}, verbs = "get")
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
// Fabric8 7.4 renews the Lease with PATCH; JOSDK checks only get/create/update at start.
@RBACRule(apiGroups = "coordination.k8s.io", resources = "leases", verbs = {"get", "create", "update", "patch"})
public class StreamAppReconciler implements Reconciler<StreamApp> {

    private final WorkloadReconciliation reconciliation;

    @Inject
    public StreamAppReconciler(WorkloadReconciliation reconciliation) {
        this.reconciliation = reconciliation;
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
