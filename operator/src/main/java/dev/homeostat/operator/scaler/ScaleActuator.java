package dev.homeostat.operator.scaler;

import dev.homeostat.operator.api.Workload;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Applies a decision the way {@code kubectl scale} does: through the custom resource's scale subresource, which
 * writes {@code spec.replicas}; the reconciler then makes the Deployment follow.
 */
final class ScaleActuator {

    private final KubernetesClient client;

    ScaleActuator(KubernetesClient client) {
        this.client = client;
    }

    /** Sets spec.replicas of {@code app} to {@code replicas}. */
    void scale(Workload app, int replicas) {
        ScaleSubresource.patchReplicas(client, app, replicas);
    }
}
