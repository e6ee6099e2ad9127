package dev.homeostat.operator.local;

import dev.homeostat.operator.model.Ownership;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/** Builds the Pod objects that stand for local replicas, and the Deployment status they add up to (pure). */
public final class PodObjects {

    /** Label carrying the template hash, as the Deployment controller sets it. */
    public static final String TEMPLATE_HASH = "pod-template-hash";
    /** Node name local pods are bound to; no node object exists. */
    public static final String NODE = "homeostat-local";

    private PodObjects() {
    }

    /** A stable hash of the pod template, so a changed template rolls the replicas. */
    public static String templateHash(Deployment deployment) {
        int hash = Objects.hashCode(deployment.getSpec().getTemplate());
        return Integer.toHexString(hash);
    }

    /** The Pod object of a new replica (no status yet). */
    public static Pod pod(Deployment deployment, LocalReplica replica) {
        var template = deployment.getSpec().getTemplate();
        var labels = new LinkedHashMap<String, String>();
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.put(TEMPLATE_HASH, replica.templateHash());
        return new PodBuilder()
                .withNewMetadata()
                    .withName(replica.podName())
                    .withNamespace(replica.namespace())
                    .withLabels(labels)
                    .withAnnotations(template.getMetadata() == null ? null : template.getMetadata().getAnnotations())
                    .withOwnerReferences(List.of(Ownership.controllerReference(deployment)))
                .endMetadata()
                .withSpec(template.getSpec())
                .editSpec().withNodeName(NODE).endSpec()
                .build();
    }

    /** What a kubelet would report for the replica now. */
    public static PodStatus status(LocalReplica replica, String containerName, String now) {
        boolean alive = replica.isAlive();
        PodCondition ready = new PodConditionBuilder().withType("Ready")
                .withStatus(replica.ready() ? "True" : "False")
                .withReason(replica.ready() ? null : alive ? "ReadinessProbePending" : "ContainersNotRunning")
                .withLastTransitionTime(now).build();
        var container = new ContainerStatusBuilder()
                .withName(containerName)
                .withReady(replica.ready())
                .withStarted(alive)
                .withRestartCount(replica.restarts())
                .withImage("local")
                .withImageID("")
                .withNewState()
                    .withNewRunning().withStartedAt(replica.startedAt() == null ? now : replica.startedAt().toString()).endRunning()
                .endState()
                .build();
        return new PodStatusBuilder()
                .withPhase(alive ? "Running" : "Pending")
                .withPodIP(replica.address())
                .withHostIP("127.0.0.1")
                .withStartTime(replica.created().toString())
                .withConditions(ready)
                .withContainerStatuses(container)
                .build();
    }

    /** The Deployment status a Deployment controller would write for these replicas. */
    public static DeploymentStatus deploymentStatus(Deployment deployment, List<LocalReplica> replicas) {
        String hash = templateHash(deployment);
        long updated = replicas.stream().filter(r -> r.templateHash().equals(hash)).count();
        long ready = replicas.stream().filter(LocalReplica::ready).count();
        return new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas.size())
                .withUpdatedReplicas((int) updated)
                .withReadyReplicas((int) ready)
                .withAvailableReplicas((int) ready)
                .withUnavailableReplicas(Math.max(0, replicas.size() - (int) ready))
                .build();
    }
}
