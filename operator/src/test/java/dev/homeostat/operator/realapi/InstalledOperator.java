package dev.homeostat.operator.realapi;

import com.marcnuri.helm.Helm;
import dev.homeostat.operator.embedded.Manifests;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator as the chart installs it on the tier's cluster: one Helm release (CRDs, ServiceAccount, RBAC,
 * Deployment with its settings) per test JVM, watching one namespace of its own. No kubelet runs the chart's
 * Deployment; the tests run the operator themselves, as the chart's ServiceAccount and with the environment of the
 * chart's container (its JVM options come in JAVA_TOOL_OPTIONS). {@code -Drealapi.chart=DIR} installs another chart.
 */
public record InstalledOperator(String release, String namespace, String watchedNamespace, String serviceAccount,
        Map<String, String> env) {

    /** A JVM-wide record of the install: Quarkus tests load this class again in their own class loader. */
    private static final String INSTALLED = "realapi.installed";

    /** The release, installed on first use in this JVM. */
    public static InstalledOperator get() {
        synchronized (System.getProperties()) {
            String installed = System.getProperty(INSTALLED);
            if (installed == null) {
                String suffix = Cluster.uniqueName("it").substring(3);
                installed = "homeostat-" + suffix + " homeostat-it-" + suffix + " homeostat-it-apps-" + suffix;
                install(installed.split(" "));
                System.setProperty(INSTALLED, installed);
            }
            return read(installed.split(" "));
        }
    }

    /** The user name the API server sees for the chart's ServiceAccount. */
    public String user() {
        return Cluster.serviceAccountUser(namespace, serviceAccount);
    }

    /** Installs release {@code names[0]} into namespace {@code names[1]}, watching {@code names[2]}. */
    private static void install(String[] names) {
        try (KubernetesClient admin = Cluster.admin()) {
            Cluster.createNamespace(admin, names[2]);
        }
        new Helm(chart()).install()
                .withName(names[0])
                .withNamespace(names[1])
                .createNamespace()
                .withKubeConfig(Cluster.kubeconfig().orElseThrow())
                .set("watchNamespaces[0]", names[2])
                .call();
    }

    /** The install's facts as the cluster holds them: the chart's Deployment gives the account and settings. */
    private static InstalledOperator read(String[] names) {
        String release = names[0];
        String namespace = names[1];
        String watched = names[2];
        try (KubernetesClient admin = Cluster.admin()) {
            Deployment deployment = admin.apps().deployments().inNamespace(namespace).list().getItems().stream()
                    .filter(d -> d.getMetadata().getName().startsWith(release))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the chart installed no operator Deployment"));
            var pod = deployment.getSpec().getTemplate().getSpec();
            var container = pod.getContainers().getFirst();
            Map<String, String> env = new LinkedHashMap<>();
            for (EnvVar var : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                if (var.getValue() != null) {
                    env.put(var.getName(), var.getValue());
                } else if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null
                        && "metadata.namespace".equals(var.getValueFrom().getFieldRef().getFieldPath())) {
                    env.put(var.getName(), namespace);
                }
            }
            return new InstalledOperator(release, namespace, watched, pod.getServiceAccountName(), env);
        }
    }

    /** helm/homeostat of this checkout, unless -Drealapi.chart names another. */
    static Path chart() {
        String other = System.getProperty("realapi.chart");
        return other != null ? Path.of(other) : Manifests.findUpwards("helm").resolve("homeostat");
    }
}
