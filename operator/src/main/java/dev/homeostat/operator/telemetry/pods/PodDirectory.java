package dev.homeostat.operator.telemetry.pods;

import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The pods Homeostat manages, from one Pod informer per namespace that has apps, filtered by the managed-by label
 * every pod of an owned Deployment carries. Per namespace rather than cluster-wide so that an operator limited to
 * some namespaces by a namespaced Role can still list and watch pods there. Each informer starts on the first
 * app of its namespace; one that failed to start (e.g. forbidden) is retried on the next call.
 */
public final class PodDirectory implements AutoCloseable {

    private final KubernetesClient client;
    private final Map<String, Watched> namespaces = new HashMap<>();

    /** One namespace's informer and the stage that completes when its cache is filled. */
    private record Watched(SharedIndexInformer<Pod> informer, CompletableFuture<Void> synced) {
    }

    public PodDirectory(KubernetesClient client) {
        this.client = client;
    }

    /** Completes once {@code namespace}'s informer holds its pods (at once after the first time). */
    public synchronized CompletableFuture<Void> ready(String namespace) {
        Watched watched = namespaces.get(namespace);
        if (watched != null && watched.synced().isCompletedExceptionally()) {
            watched.informer().close();
            watched = null;
        }
        if (watched == null) {
            SharedIndexInformer<Pod> informer = client.pods().inNamespace(namespace)
                    .withLabel(WorkloadLabels.MANAGED_BY, WorkloadLabels.MANAGER)
                    .runnableInformer(0);
            watched = new Watched(informer, informer.start().toCompletableFuture());
            namespaces.put(namespace, watched);
        }
        return watched.synced();
    }

    /** Pods in {@code namespace} whose labels include all of {@code selector}, from the cache. */
    public List<Pod> pods(String namespace, Map<String, String> selector) {
        Watched watched;
        synchronized (this) {
            watched = namespaces.get(namespace);
        }
        if (watched == null) {
            return List.of();
        }
        return watched.informer().getStore().list().stream()
                .filter(pod -> matches(pod, selector))
                .toList();
    }

    private static boolean matches(Pod pod, Map<String, String> selector) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    @Override
    public synchronized void close() {
        namespaces.values().forEach(watched -> watched.informer().close());
        namespaces.clear();
    }
}
