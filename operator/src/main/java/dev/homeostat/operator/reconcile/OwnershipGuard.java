package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.model.Ownership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Refuses to create over an object of the same name that another owner controls. Without it, server-side
 * apply would silently take over, say, a hand-made Deployment or the one of a StreamApp with the same name.
 */
final class OwnershipGuard {

    private OwnershipGuard() {
    }

    /** Throws {@link ResourceConflictException} when {@code desired}'s name is taken by an object {@code owner} does not control. */
    static void checkCreatable(HasMetadata desired, HasMetadata owner, KubernetesClient client) {
        HasMetadata existing = client.resource(desired).get();
        if (existing != null && !Ownership.isControlledBy(existing, owner)) {
            throw new ResourceConflictException(desired.getKind() + " " + desired.getMetadata().getNamespace() + "/"
                    + desired.getMetadata().getName() + " already exists and is controlled by "
                    + Ownership.describeController(existing) + ", not by " + owner.getKind() + " "
                    + owner.getMetadata().getName() + "; rename one of them or delete the " + desired.getKind());
        }
    }
}
