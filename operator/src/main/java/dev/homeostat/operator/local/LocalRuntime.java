package dev.homeostat.operator.local;

import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Stands in for the kubelet and the Deployment controller on one machine: each Deployment the operator owns becomes
 * real local processes of the app jar its image names, one per replica, each reported as a Pod object with its own
 * loopback address and the readiness its health endpoint gives. Scaling starts or stops processes; a crashed process
 * is restarted; a changed pod template rolls the replicas.
 */
public final class LocalRuntime {

    private static final Logger LOG = Logger.getLogger(LocalRuntime.class);
    private static final String DEFAULT_READINESS_PATH = "/q/health/ready";

    private final KubernetesClient client;
    private final AppJars jars;
    private final PodEnvironment environment;
    private final JvmCommand jvm;
    private final ProcessLauncher launcher;
    private final LoopbackAddresses addresses = new LoopbackAddresses();
    private final Path logDirectory;
    private final Duration grace;
    private final Duration syncInterval;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, List<LocalReplica>> replicas = new ConcurrentHashMap<>();
    private final Map<String, String> podStatusWritten = new ConcurrentHashMap<>();
    private final Map<String, String> deploymentStatusWritten = new ConcurrentHashMap<>();
    private final Set<String> reportedProblems = ConcurrentHashMap.newKeySet();
    private final List<LocalReplica> terminating = new CopyOnWriteArrayList<>();
    private final List<Long> startedPids = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "homeostat-local-runtime");
        thread.setDaemon(true);
        return thread;
    });
    private SharedIndexInformer<Deployment> deployments;
    private SharedIndexInformer<io.fabric8.kubernetes.api.model.Pod> pods;
    private final Set<String> seenPods = ConcurrentHashMap.newKeySet();
    private volatile int crashRestarts;
    private final Map<String, Integer> restartTotals = new ConcurrentHashMap<>();

    public LocalRuntime(KubernetesClient client, AppJars jars, JvmCommand jvm, ProcessLauncher launcher, Path logDirectory,
            Duration grace, Duration syncInterval) {
        this.client = client;
        this.jars = jars;
        this.environment = new PodEnvironment(client);
        this.jvm = jvm;
        this.launcher = launcher;
        this.logDirectory = logDirectory;
        this.grace = grace;
        this.syncInterval = syncInterval;
    }

    /** Watches the operator's Deployments in every namespace and keeps their replicas running. */
    public void start() {
        deployments = client.apps().deployments().inAnyNamespace().withLabel(WorkloadLabels.MANAGED_SELECTOR).inform();
        pods = client.pods().inAnyNamespace().withLabel(WorkloadLabels.MANAGED_SELECTOR).inform();
        loop.scheduleWithFixedDelay(this::syncSafely, 0, syncInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Watches the operator's Deployments in one namespace only: on a shared API server, apps of other namespaces are
     * not this run's to start.
     */
    public void start(String namespace) {
        // Pods a killed run left behind have no process (no node runs them): removed, as a kubelet's restart would.
        client.pods().inNamespace(namespace).withLabel(WorkloadLabels.MANAGED_SELECTOR).withGracePeriod(0).delete();
        deployments = client.apps().deployments().inNamespace(namespace).withLabel(WorkloadLabels.MANAGED_SELECTOR).inform();
        pods = client.pods().inNamespace(namespace).withLabel(WorkloadLabels.MANAGED_SELECTOR).inform();
        loop.scheduleWithFixedDelay(this::syncSafely, 0, syncInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops following the Deployments: no more starts, stops or restarts; the replicas keep running. */
    public void freeze() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (deployments != null) {
            deployments.stop();
        }
        if (pods != null) {
            pods.stop();
        }
    }

    /** Stops one Deployment's replicas gracefully and waits for them (after {@link #freeze()}: the end of a run). */
    public void stopDeployment(String namespace, String deployment) {
        var list = replicas.remove(namespace + "/" + deployment);
        if (list == null) {
            return;
        }
        try (var stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            list.forEach(replica -> stopping.submit(() -> {
                replica.stop(grace);
                removePod(replica);
            }));
        }
    }

    /** Stops the loop, then every replica gracefully (in parallel), and removes their Pod objects. */
    public void stop() {
        freeze();
        var all = new ArrayList<LocalReplica>(terminating);
        replicas.values().forEach(all::addAll);
        try (var stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            all.forEach(replica -> stopping.submit(() -> {
                replica.stop(grace);
                removePod(replica);
            }));
        }
        replicas.clear();
    }

    /** Kills one running replica of the Deployment at once, as a node or OOM kill would; empty when none runs. */
    public Optional<String> killOne(String namespace, String deployment) {
        var running = replicas.getOrDefault(namespace + "/" + deployment, List.of()).stream()
                .filter(r -> !r.stopping() && r.isAlive()).toList();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        LocalReplica victim = running.get(ThreadLocalRandom.current().nextInt(running.size()));
        victim.kill();
        return Optional.of(victim.podName());
    }

    /** Replicas of one Deployment that are not being stopped. */
    public List<LocalReplica> replicasOf(String namespace, String deployment) {
        return replicas.getOrDefault(namespace + "/" + deployment, List.of()).stream().filter(r -> !r.stopping()).toList();
    }

    /** Container restarts of a Deployment's replicas, those already stopped included. */
    public int restartsOf(String namespace, String deployment) {
        return restartTotals.getOrDefault(namespace + "/" + deployment, 0);
    }

    /** Process ids of every process this runtime started, restarts included. */
    public List<Long> startedPids() {
        return List.copyOf(startedPids);
    }

    /** Restarts after crashes, over the whole run. */
    public int crashRestarts() {
        return crashRestarts;
    }

    private void syncSafely() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warnf(e, "local runtime sync failed; retrying in %s", syncInterval);
        }
    }

    private void sync() {
        var seen = new HashSet<String>();
        for (Deployment deployment : deployments.getStore().list()) {
            String key = deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
            seen.add(key);
            var list = replicas.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
            stopDeletedPods(list);
            scale(deployment, list);
            list.forEach(this::restartIfCrashed);
            list.forEach(this::probe);
            list.forEach(replica -> writePodStatus(replica, containerOf(deployment).getName()));
            writeDeploymentStatus(deployment, list);
        }
        for (String key : new ArrayList<>(replicas.keySet())) {
            if (!seen.contains(key)) {
                replicas.remove(key).forEach(this::stopInBackground);
            }
        }
        terminating.removeIf(r -> !r.isAlive());
    }

    private void scale(Deployment deployment, List<LocalReplica> list) {
        int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        String hash = PodObjects.templateHash(deployment);
        var current = list.stream().filter(r -> r.templateHash().equals(hash)).toList();
        var outdated = list.stream().filter(r -> !r.templateHash().equals(hash)).toList();
        for (int i = current.size(); i < desired; i++) {
            if (!startReplica(deployment, hash, list)) {
                break;
            }
        }
        if (current.size() > desired) {
            // Like the Deployment controller: not-ready and youngest replicas go first.
            current.stream()
                    .sorted(Comparator.comparing(LocalReplica::ready).thenComparing(LocalReplica::created, Comparator.reverseOrder()))
                    .limit(current.size() - desired)
                    .forEach(r -> {
                        list.remove(r);
                        stopInBackground(r);
                    });
        }
        boolean rolledOut = current.size() >= desired && current.stream().limit(desired).allMatch(LocalReplica::ready);
        if (!outdated.isEmpty() && (rolledOut || desired == 0)) {
            outdated.forEach(r -> {
                list.remove(r);
                stopInBackground(r);
            });
        }
    }

    private boolean startReplica(Deployment deployment, String hash, List<LocalReplica> list) {
        String namespace = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName();
        Container container = containerOf(deployment);
        String podName = name + "-" + hash + "-" + suffix();
        String address = null;
        try {
            Path jar = jars.jarFor(container.getImage());
            int port = port(container);
            address = addresses.acquire(port);
            Map<String, String> env = new java.util.LinkedHashMap<>(environment.resolve(namespace, podName, address, container));
            env.putIfAbsent("QUARKUS_HTTP_PORT", Integer.toString(port));
            // No trace collector runs on the machine; an app would retry its exports forever.
            env.putIfAbsent("QUARKUS_OTEL_SDK_DISABLED", "true");
            var replica = new LocalReplica(namespace, name, podName, hash, address, port, jvm.command(jar, container), env,
                    logDirectory.resolve(podName + ".log"), launcher);
            client.pods().inNamespace(namespace).resource(PodObjects.pod(deployment, replica)).create();
            replica.start();
            startedPids.add(replica.pid());
            list.add(replica);
            reportedProblems.remove(namespace + "/" + name);
            return true;
        } catch (RuntimeException e) {
            if (address != null) {
                addresses.release(address);
            }
            if (reportedProblems.add(namespace + "/" + name)) {
                LOG.errorf("cannot start a replica of Deployment %s/%s: %s", namespace, name, e.getMessage());
            }
            return false;
        }
    }

    private void restartIfCrashed(LocalReplica replica) {
        try {
            if (replica.restartIfCrashed()) {
                startedPids.add(replica.pid());
                crashRestarts++;
                restartTotals.merge(replica.namespace() + "/" + replica.deployment(), 1, Integer::sum);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot restart pod %s: %s", replica.podName(), e.getMessage());
        }
    }

    private void probe(LocalReplica replica) {
        if (!replica.isAlive() || replica.stopping()) {
            replica.markReady(false);
            return;
        }
        var request = HttpRequest.newBuilder(URI.create("http://" + replica.address() + ":" + replica.port() + DEFAULT_READINESS_PATH))
                .timeout(Duration.ofSeconds(2)).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> replica.markReady(error == null && response.statusCode() == 200));
    }

    private void stopInBackground(LocalReplica replica) {
        terminating.add(replica);
        deletePod(replica);
        Thread.ofVirtual().name("homeostat-local-stop-" + replica.podName()).start(() -> {
            replica.stop(grace);
            removePod(replica);
            addresses.release(replica.address());
        });
    }

    /**
     * Like a kubelet: a replica whose Pod object was deleted by someone else (e.g. {@code kubectl delete pod}) is
     * stopped, and the Deployment's replica count then starts a new one.
     */
    private void stopDeletedPods(List<LocalReplica> list) {
        for (LocalReplica replica : list) {
            if (!replica.stopping() && podGoneOrDeleting(replica)) {
                LOG.infof("pod %s/%s was deleted: stopping its process", replica.namespace(), replica.podName());
                list.remove(replica);
                stopInBackground(replica);
            }
        }
    }

    private boolean podGoneOrDeleting(LocalReplica replica) {
        if (pods == null) {
            return false;
        }
        var pod = pods.getStore().getByKey(replica.namespace() + "/" + replica.podName());
        // The informer may not have seen a just-created Pod yet; only a Pod seen before and gone since counts.
        if (pod == null) {
            return seenPods.contains(replica.podName());
        }
        seenPods.add(replica.podName());
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    private void writePodStatus(LocalReplica replica, String containerName) {
        String signature = replica.isAlive() + "/" + replica.ready() + "/" + replica.restarts();
        if (signature.equals(podStatusWritten.get(replica.podName()))) {
            return;
        }
        var status = PodObjects.status(replica, containerName, Instant.now().toString());
        client.pods().inNamespace(replica.namespace()).withName(replica.podName()).editStatus(pod -> {
            pod.setStatus(status);
            return pod;
        });
        podStatusWritten.put(replica.podName(), signature);
    }

    private void writeDeploymentStatus(Deployment deployment, List<LocalReplica> list) {
        var status = PodObjects.deploymentStatus(deployment, list);
        String key = deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
        String signature = status.toString();
        if (signature.equals(deploymentStatusWritten.get(key)) && status.equals(deployment.getStatus())) {
            return;
        }
        client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                .withName(deployment.getMetadata().getName()).editStatus(d -> {
                    d.setStatus(status);
                    return d;
                });
        deploymentStatusWritten.put(key, signature);
    }

    /** Asks for the Pod's deletion: an API server with a grace period marks it Terminating until {@link #removePod}. */
    private void deletePod(LocalReplica replica) {
        try {
            client.pods().inNamespace(replica.namespace()).withName(replica.podName()).delete();
        } catch (RuntimeException e) {
            LOG.debugf("pod %s not deleted: %s", replica.podName(), e.getMessage());
        }
        podStatusWritten.remove(replica.podName());
    }

    /**
     * Removes the Pod object once its process has ended, as a kubelet confirms a deletion (grace period 0); without
     * it a real API server keeps the Pod Terminating for ever.
     */
    private void removePod(LocalReplica replica) {
        try {
            client.pods().inNamespace(replica.namespace()).withName(replica.podName()).withGracePeriod(0).delete();
        } catch (RuntimeException e) {
            LOG.debugf("pod %s not removed: %s", replica.podName(), e.getMessage());
        }
        podStatusWritten.remove(replica.podName());
        seenPods.remove(replica.podName());
    }

    private static Container containerOf(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static int port(Container container) {
        if (container.getPorts() == null || container.getPorts().isEmpty()) {
            return 8080;
        }
        return container.getPorts().getFirst().getContainerPort();
    }

    private static String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var random = ThreadLocalRandom.current();
        var out = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
