package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.PodDisruptionBudgetModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Workflow precondition of the PodDisruptionBudget: it exists only while more than one replica is desired. */
public class MultipleReplicas implements Condition<PodDisruptionBudget, HasMetadata> {

    @Override
    public boolean isMet(DependentResource<PodDisruptionBudget, HasMetadata> dependentResource, HasMetadata primary,
            Context<HasMetadata> context) {
        return PodDisruptionBudgetModel.wanted((Workload) primary);
    }
}
