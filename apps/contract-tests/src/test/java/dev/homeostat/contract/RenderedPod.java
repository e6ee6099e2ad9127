package dev.homeostat.contract;

import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.DeploymentModel;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the operator would put in an app's pod, rendered by its own model: the container's environment (with the
 * broker address swapped for the test broker's, as the only change), the image and the ports probes and scrapes use.
 *
 * @param workload   the custom resource
 * @param deployment the Deployment the operator's model builds for it
 */
record RenderedPod(Workload workload, Deployment deployment) {

    /** Renders the workload's Deployment with the operator's pure model. */
    static RenderedPod of(Workload workload) {
        return new RenderedPod(workload, DeploymentModel.of(workload));
    }

    /** The app container. */
    Container container() {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    /**
     * The container's environment as the kubelet would resolve it; {@code KAFKA_BOOTSTRAP_SERVERS} (inline or from
     * the ConfigMap) becomes {@code bootstrapServers}, Secret references resolve from {@code secrets}
     * ({@code name/key} to value).
     */
    Map<String, String> environment(String bootstrapServers, Map<String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container().getEnv()) {
            env.put(var.getName(), resolve(var, bootstrapServers, secrets));
        }
        return env;
    }

    /** The port the readiness probe asks. */
    int probePort() {
        return container().getReadinessProbe().getHttpGet().getPort().getIntVal();
    }

    /** The port the scrape annotations name. */
    int scrapePort() {
        return Integer.parseInt(deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port"));
    }

    /** The app directory under apps/ that the image names, by the rule homeostat/&lt;app-dir&gt;:&lt;version&gt;. */
    String appDirectory(String projectVersion) {
        String image = container().getImage();
        String prefix = "homeostat/";
        String suffix = ":" + projectVersion;
        if (!image.startsWith(prefix) || !image.endsWith(suffix)) {
            throw new AssertionError("image " + image + " is not homeostat/<app-dir>:" + projectVersion);
        }
        return image.substring(prefix.length(), image.length() - suffix.length());
    }

    private static String resolve(EnvVar var, String bootstrapServers, Map<String, String> secrets) {
        if (var.getName().equals("KAFKA_BOOTSTRAP_SERVERS")) {
            return bootstrapServers;
        }
        if (var.getValueFrom() == null) {
            return var.getValue() == null ? "" : var.getValue();
        }
        var secret = var.getValueFrom().getSecretKeyRef();
        if (secret != null && secrets.containsKey(secret.getName() + "/" + secret.getKey())) {
            return secrets.get(secret.getName() + "/" + secret.getKey());
        }
        throw new AssertionError("env " + var.getName() + " refers to " + var.getValueFrom() + ", which this test cannot resolve");
    }
}
