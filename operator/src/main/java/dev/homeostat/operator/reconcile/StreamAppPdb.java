package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.model.PodDisruptionBudgetModel;
import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The PodDisruptionBudget of a StreamApp; the workflow deletes it when only one replica is desired. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkloadLabels.MANAGED_SELECTOR))
public class StreamAppPdb extends CRUDKubernetesDependentResource<PodDisruptionBudget, StreamApp> {

    public StreamAppPdb() {
        super(PodDisruptionBudget.class);
    }

    @Override
    protected PodDisruptionBudget desired(StreamApp primary, Context<StreamApp> context) {
        return PodDisruptionBudgetModel.of(primary);
    }

    @Override
    public PodDisruptionBudget create(PodDisruptionBudget desired, StreamApp primary, Context<StreamApp> context) {
        OwnershipGuard.checkCreatable(desired, primary, context.getClient());
        return super.create(desired, primary, context);
    }
}
