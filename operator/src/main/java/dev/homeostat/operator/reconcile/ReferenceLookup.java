package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.model.Reference;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Asks the API server whether a referenced Secret or ConfigMap exists (one GET, no waiting). */
final class ReferenceLookup {

    private ReferenceLookup() {
    }

    /** Whether {@code reference} exists in {@code namespace}. */
    static boolean exists(KubernetesClient client, String namespace, Reference reference) {
        return switch (reference.kind()) {
            case Reference.SECRET -> client.secrets().inNamespace(namespace).withName(reference.name()).get() != null;
            case Reference.CONFIG_MAP -> client.configMaps().inNamespace(namespace).withName(reference.name()).get() != null;
            default -> throw new IllegalArgumentException("unknown reference kind " + reference.kind());
        };
    }
}
