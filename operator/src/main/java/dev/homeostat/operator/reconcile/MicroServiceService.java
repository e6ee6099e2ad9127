package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.model.ServiceModel;
import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The Service of a MicroService, kept equal to what {@link ServiceModel} builds. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.MANAGED_SELECTOR))
public class MicroServiceService extends CRUDKubernetesDependentResource<Service, MicroService> {

    public MicroServiceService() {
        super(Service.class);
    }

    @Override
    protected Service desired(MicroService primary, Context<MicroService> context) {
        return ServiceModel.of(primary);
    }

    @Override
    public Service create(Service desired, MicroService primary, Context<MicroService> context) {
        OwnershipGuard.checkCreatable(desired, primary, context.getClient());
        return super.create(desired, primary, context);
    }
}
