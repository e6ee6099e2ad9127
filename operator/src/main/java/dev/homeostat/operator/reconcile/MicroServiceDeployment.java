package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.model.DeploymentModel;
import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The Deployment of a MicroService, kept equal to what {@link DeploymentModel} builds. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.MANAGED_SELECTOR))
public class MicroServiceDeployment extends CRUDKubernetesDependentResource<Deployment, MicroService> {

    public MicroServiceDeployment() {
        super(Deployment.class);
    }

    @Override
    protected Deployment desired(MicroService primary, Context<MicroService> context) {
        return DeploymentModel.forMicroService(primary);
    }

    @Override
    public Deployment create(Deployment desired, MicroService primary, Context<MicroService> context) {
        OwnershipGuard.checkCreatable(desired, primary, context.getClient());
        return super.create(desired, primary, context);
    }
}
