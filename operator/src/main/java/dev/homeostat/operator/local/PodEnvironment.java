package dev.homeostat.operator.local;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a kubelet would give the container: literal values, ConfigMap and Secret keys and the downward
 * API's pod name and IP, plus what a local process needs to behave like a pod (its own loopback address).
 */
public final class PodEnvironment {

    private final KubernetesClient client;

    public PodEnvironment(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Resolves the container's variables in order.
     *
     * @throws IllegalStateException naming the variable whose source does not exist (a kubelet would not start the
     *                               container either: CreateContainerConfigError)
     */
    public Map<String, String> resolve(String namespace, String podName, String address, Container container) {
        var env = new LinkedHashMap<String, String>();
        // Only what a JVM needs from the host; a pod sees nothing else of it.
        copyHost(env, "PATH");
        copyHost(env, "LANG");
        env.put("HOME", System.getProperty("java.io.tmpdir"));
        env.put("HOSTNAME", podName);
        if (container.getEnv() != null) {
            for (EnvVar variable : container.getEnv()) {
                env.put(variable.getName(), value(namespace, podName, address, variable));
            }
        }
        env.put("QUARKUS_HTTP_HOST", address);
        return env;
    }

    private String value(String namespace, String podName, String address, EnvVar variable) {
        var from = variable.getValueFrom();
        if (from == null) {
            return variable.getValue() == null ? "" : variable.getValue();
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.getName()).get();
            String value = map == null || map.getData() == null ? null : map.getData().get(ref.getKey());
            return required(variable, value, "ConfigMap " + ref.getName() + " key " + ref.getKey(), ref.getOptional());
        }
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
            String value = null;
            if (secret != null && secret.getData() != null && secret.getData().get(ref.getKey()) != null) {
                value = new String(Base64.getDecoder().decode(secret.getData().get(ref.getKey())), StandardCharsets.UTF_8);
            } else if (secret != null && secret.getStringData() != null) {
                value = secret.getStringData().get(ref.getKey());
            }
            return required(variable, value, "Secret " + ref.getName() + " key " + ref.getKey(), ref.getOptional());
        }
        if (from.getFieldRef() != null) {
            return switch (from.getFieldRef().getFieldPath()) {
                case "metadata.name" -> podName;
                case "metadata.namespace" -> namespace;
                case "status.podIP" -> address;
                default -> throw new IllegalStateException("env " + variable.getName() + ": fieldRef "
                        + from.getFieldRef().getFieldPath() + " is not supported in local mode");
            };
        }
        throw new IllegalStateException("env " + variable.getName() + ": this valueFrom is not supported in local mode");
    }

    private static String required(EnvVar variable, String value, String source, Boolean optional) {
        if (value != null) {
            return value;
        }
        if (Boolean.TRUE.equals(optional)) {
            return "";
        }
        throw new IllegalStateException("env " + variable.getName() + ": " + source + " not found");
    }

    private static void copyHost(Map<String, String> env, String name) {
        String value = System.getenv(name);
        if (value != null) {
            env.put(name, value);
        }
    }
}
