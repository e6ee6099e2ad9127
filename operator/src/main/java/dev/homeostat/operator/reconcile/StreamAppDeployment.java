package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.model.DeploymentModel;
import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The Deployment of a StreamApp, kept equal to what {@link DeploymentModel} builds. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.MANAGED_SELECTOR))
public class StreamAppDeployment extends CRUDKubernetesDependentResource<Deployment, StreamApp> {

    public StreamAppDeployment() {
        super(Deployment.class);
    }

    @Override
    protected Deployment desired(StreamApp primary, Context<StreamApp> context) {
        return DeploymentModel.forStreamApp(primary);
    }

    @Override
    public Deployment create(Deployment desired, StreamApp primary, Context<StreamApp> context) {
        OwnershipGuard.checkCreatable(desired, primary, context.getClient());
        return super.create(desired, primary, context);
    }
}
