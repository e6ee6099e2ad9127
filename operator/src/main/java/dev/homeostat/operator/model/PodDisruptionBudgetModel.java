package dev.homeostat.operator.model;

import dev.homeostat.operator.api.Workload;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/** Builds the PodDisruptionBudget that keeps voluntary evictions to one pod at a time. */
public final class PodDisruptionBudgetModel {

    private PodDisruptionBudgetModel() {
    }

    /** Whether a budget makes sense: with one replica, any eviction is an outage, and a budget would block drains. */
    public static boolean wanted(Workload workload) {
        return ReplicaTarget.of(workload.workloadSpec()) > 1;
    }

    /** A budget allowing at most one unavailable pod of the workload. */
    public static PodDisruptionBudget of(Workload workload) {
        var metadata = Ownership.ownedMetadata(workload, workload.getMetadata().getName(), WorkloadLabels.all(workload));
        return new PodDisruptionBudgetBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                    .withMaxUnavailable(new IntOrString(1))
                    .withNewSelector().withMatchLabels(WorkloadLabels.selector(workload)).endSelector()
                .endSpec()
                .build();
    }
}
