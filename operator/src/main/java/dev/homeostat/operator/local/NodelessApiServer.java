package dev.homeostat.operator.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Local mode on a real API server that has no nodes (--kubeconfig, e.g. kubekit's): checks that no kubelet would run
 * the Deployments as well, creates the sample objects, and at the end removes them and what the operator made for
 * them. Such a server has no garbage collector (no controller-manager), so objects owned by the removed apps —
 * Deployments, Services, PodDisruptionBudgets, state ConfigMaps — and the Events about them are removed here.
 * The CRDs stay installed, as a chart leaves its CRDs.
 */
final class NodelessApiServer {

    private static final Logger LOG = Logger.getLogger(NodelessApiServer.class);

    private final KubernetesClient client;
    private final List<HasMetadata> created = new ArrayList<>();

    NodelessApiServer(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Refuses an API server with nodes (their kubelets would run every replica a second time) or without the
     * namespace the samples go to.
     */
    void check(String namespace) {
        try {
            int nodes = client.nodes().list().getItems().size();
            if (nodes > 0) {
                throw new IllegalStateException("the API server of --kubeconfig has " + nodes + " node(s): their kubelets "
                        + "would run the apps' pods too. Local mode needs an API server without nodes (e.g. "
                        + "../shared/tools/kubekit.sh start); on a cluster, install the chart instead (docs/operator.md)");
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            LOG.warnf("cannot list nodes (%s): assuming the API server has none", e.getMessage());
        }
        if (client.namespaces().withName(namespace).get() == null) {
            throw new IllegalStateException("namespace " + namespace + " (the kubeconfig context's) does not exist; "
                    + "create it (kubectl create namespace " + namespace + ") or choose another context namespace");
        }
    }

    /** Creates the object, or updates one a run that was killed left behind; remembers it for {@link #removeAll()}. */
    void createOrUpdate(HasMetadata object) {
        created.add(client.resource(object).createOr(NonDeletingOperation::update));
    }

    /** Removes what {@link #createOrUpdate} made, then the objects they owned and the Events about them. */
    void removeAll() {
        var owners = new HashSet<String>();
        var namespaces = new HashSet<String>();
        for (HasMetadata object : created.reversed()) {
            owners.add(object.getMetadata().getUid());
            namespaces.add(object.getMetadata().getNamespace());
            quietly("delete " + describe(object), () -> client.resource(object).withGracePeriod(0).delete());
        }
        removeOwnedIn(namespaces, owners);
        // A reconcile that was under way when its app went may still have written an object: look once more.
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeOwnedIn(namespaces, owners);
        created.clear();
    }

    private void removeOwnedIn(Set<String> namespaces, Set<String> owners) {
        for (String namespace : namespaces) {
            removeOwned(client.apps().deployments().inNamespace(namespace).list().getItems(), owners);
            removeOwned(client.services().inNamespace(namespace).list().getItems(), owners);
            removeOwned(client.policy().v1().podDisruptionBudget().inNamespace(namespace).list().getItems(), owners);
            removeOwned(client.configMaps().inNamespace(namespace).list().getItems(), owners);
            removeOwned(client.pods().inNamespace(namespace).list().getItems(), owners);
            for (var event : client.v1().events().inNamespace(namespace).list().getItems()) {
                if (event.getInvolvedObject() != null && owners.contains(event.getInvolvedObject().getUid())) {
                    quietly("delete event " + event.getMetadata().getName(), () -> client.resource(event).delete());
                }
            }
        }
    }

    /** Removes the objects owned by one of {@code owners}, and adds theirs (a Deployment's Pods come after it). */
    private void removeOwned(List<? extends HasMetadata> objects, Set<String> owners) {
        for (HasMetadata object : objects) {
            List<OwnerReference> references = object.getMetadata().getOwnerReferences();
            if (references != null && references.stream().anyMatch(r -> owners.contains(r.getUid()))) {
                owners.add(object.getMetadata().getUid());
                quietly("delete " + describe(object), () -> client.resource(object).withGracePeriod(0).delete());
            }
        }
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (KubernetesClientException e) {
            LOG.warnf("cleanup: cannot %s: %s", what, e.getMessage());
        }
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }
}
