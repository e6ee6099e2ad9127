package dev.homeostat.operator.telemetry.pods;

import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The pods Homeostat manages, from one shared Pod informer over all namespaces, filtered by the managed-by label
 * every pod of an owned Deployment carries, and indexed by namespace. Started on first use, so an operator that
 * collects nothing does not watch pods.
 */
public final class PodDirectory implements AutoCloseable {

    private final KubernetesClient client;
    private SharedIndexInformer<Pod> informer;
    private CompletableFuture<Void> synced;

    public PodDirectory(KubernetesClient client) {
        this.client = client;
    }

    /** Completes once the informer's cache holds the cluster's pods (at once after the first time). */
    public synchronized CompletableFuture<Void> ready() {
        if (synced == null) {
            informer = client.pods().inAnyNamespace()
                    .withLabel(WorkloadLabels.MANAGED_BY, WorkloadLabels.MANAGER)
                    .runnableInformer(0);
            synced = informer.start().toCompletableFuture();
        }
        return synced;
    }

    /** Pods in {@code namespace} whose labels include all of {@code selector}, from the cache. */
    public List<Pod> pods(String namespace, Map<String, String> selector) {
        SharedIndexInformer<Pod> current;
        synchronized (this) {
            current = informer;
        }
        if (current == null) {
            return List.of();
        }
        return current.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
                .filter(pod -> matches(pod, selector))
                .toList();
    }

    private static boolean matches(Pod pod, Map<String, String> selector) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    @Override
    public synchronized void close() {
        if (informer != null) {
            informer.close();
        }
    }
}
