package dev.homeostat.operator.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Objects;

/** Owner references that let the API server's garbage collector delete what a workload owns. */
public final class Ownership {

    private Ownership() {
    }

    /** A controller owner reference to the given resource. */
    public static OwnerReference controllerReference(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /** Metadata of an object owned by {@code owner}, in its namespace, with the given name and labels. */
    public static ObjectMeta ownedMetadata(HasMetadata owner, String name, java.util.Map<String, String> labels) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(List.of(controllerReference(owner)))
                .build();
    }

    /** Whether {@code owned} names {@code owner} as its controller (matched by uid). */
    public static boolean isControlledBy(HasMetadata owned, HasMetadata owner) {
        var refs = owned.getMetadata().getOwnerReferences();
        return refs != null && refs.stream().anyMatch(ref -> Boolean.TRUE.equals(ref.getController())
                && Objects.equals(ref.getUid(), owner.getMetadata().getUid()));
    }

    /** "Kind name" of the controller of {@code owned}, or "nobody" when it has none. */
    public static String describeController(HasMetadata owned) {
        var refs = owned.getMetadata().getOwnerReferences();
        if (refs == null) {
            return "nobody";
        }
        return refs.stream().filter(ref -> Boolean.TRUE.equals(ref.getController()))
                .map(ref -> ref.getKind() + " " + ref.getName())
                .findFirst().orElse("nobody");
    }
}
