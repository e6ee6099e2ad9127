package dev.homeostat.operator;

import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.embedded.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;

/** The repository's examples/ manifests as test fixtures, so the samples are exercised and cannot rot. */
public final class Examples {

    private Examples() {
    }

    /** examples/ of the repository, found from the module directory upwards. */
    public static Path directory() {
        return Manifests.findUpwards("examples");
    }

    /** Every object in examples/. */
    public static List<HasMetadata> all() {
        return Manifests.loadDirectory(directory());
    }

    /** The example object of the given type and name, fresh on every call. */
    public static <T extends HasMetadata> T named(Class<T> type, String name) {
        return all().stream().filter(type::isInstance).map(type::cast)
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " " + name + " in examples/"));
    }

    /** The example StreamApp, placed in {@code namespace} with the uid and generation an API server would give. */
    public static StreamApp streamApp(String name, String namespace) {
        return placed(named(StreamApp.class, name), namespace);
    }

    /** The example MicroService, placed like {@link #streamApp}. */
    public static MicroService microService(String name, String namespace) {
        return placed(named(MicroService.class, name), namespace);
    }

    /** The example object, moved to {@code namespace} and renamed to {@code newName}, as a test would create it. */
    public static <T extends HasMetadata> T copy(Class<T> type, String name, String namespace, String newName) {
        T resource = named(type, name);
        resource.getMetadata().setNamespace(namespace);
        resource.getMetadata().setName(newName);
        return resource;
    }

    private static <T extends HasMetadata> T placed(T resource, String namespace) {
        resource.getMetadata().setNamespace(namespace);
        resource.getMetadata().setUid("uid-" + resource.getMetadata().getName());
        resource.getMetadata().setGeneration(1L);
        return resource;
    }
}
