package dev.homeostat.operator.realapi;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The cluster KUBECONFIG names, seen with the kubeconfig's own (admin) credentials. */
public final class Cluster {

    private Cluster() {
    }

    /** The kubeconfig file, if KUBECONFIG names one that exists. */
    public static Optional<Path> kubeconfig() {
        return Optional.ofNullable(System.getenv("KUBECONFIG")).filter(s -> !s.isBlank())
                .map(s -> Path.of(s.split(java.io.File.pathSeparator)[0]))
                .filter(Files::isRegularFile);
    }

    /** A client with the kubeconfig's credentials and no impersonation, whatever system properties say. */
    public static KubernetesClient admin() {
        Config config = Config.autoConfigure(null);
        config.setImpersonateUsername(null);
        config.setImpersonateGroups();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** A client acting as {@code user} (e.g. a ServiceAccount) through impersonation. */
    public static KubernetesClient as(String user) {
        Config config = Config.autoConfigure(null);
        config.setImpersonateUsername(user);
        config.setImpersonateGroups("system:serviceaccounts", "system:authenticated");
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** A fresh namespace name with the given prefix (the tier may run again on the same cluster). */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
    }

    /** Creates the namespace. */
    public static String createNamespace(KubernetesClient client, String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return name;
    }

    /** The ServiceAccount user name the API server sees for {@code namespace/name}. */
    public static String serviceAccountUser(String namespace, String name) {
        return "system:serviceaccount:" + namespace + ":" + name;
    }
}
