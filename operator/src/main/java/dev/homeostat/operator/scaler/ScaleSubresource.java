package dev.homeostat.operator.scaler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Writes an app's replica count the way {@code kubectl scale} does: a JSON merge patch of the custom resource's scale
 * subresource. Unlike a read-modify-write of the Scale object (Fabric8's {@code scale(int)}), it works while
 * {@code spec.replicas} is still absent, when a real API server cannot even read the Scale.
 */
public final class ScaleSubresource {

    private ScaleSubresource() {
    }

    /** Sets spec.replicas of {@code app} to {@code replicas} through {@code …/scale}, whatever it is now. */
    public static void patchReplicas(KubernetesClient client, HasMetadata app, int replicas) {
        patch(client, app, "{\"spec\":{\"replicas\":" + replicas + "}}");
    }

    /**
     * Sets spec.replicas only if {@code app} is unchanged since it was read (its resourceVersion): the API server
     * answers 409 Conflict when someone wrote it in between, e.g. a {@code kubectl scale} that must not be undone.
     */
    public static void patchReplicasIfUnchanged(KubernetesClient client, HasMetadata app, int replicas) {
        patch(client, app, "{\"metadata\":{\"resourceVersion\":\"" + app.getMetadata().getResourceVersion()
                + "\"},\"spec\":{\"replicas\":" + replicas + "}}");
    }

    private static void patch(KubernetesClient client, HasMetadata app, String mergePatch) {
        client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(app.getClass()))
                .inNamespace(app.getMetadata().getNamespace()).withName(app.getMetadata().getName())
                .subresource("scale")
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }
}
