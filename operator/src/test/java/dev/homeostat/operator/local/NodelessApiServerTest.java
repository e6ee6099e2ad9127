package dev.homeostat.operator.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

/** What local mode does on a nodeless API server: refuse one with nodes, and remove what the run made at its end. */
@EnableKubernetesMockClient(crud = true)
class NodelessApiServerTest {

    private static final String NS = "runs";

    KubernetesClient client;

    @Test
    void refusesAnApiServerWithNodesOrWithoutTheNamespace() {
        var server = new NodelessApiServer(client);
        var missing = assertThrows(IllegalStateException.class, () -> server.check(NS));
        assertTrue(missing.getMessage().contains("namespace runs"), missing.getMessage());

        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        assertDoesNotThrow(() -> server.check(NS));

        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("worker").endMetadata().build()).create();
        var nodes = assertThrows(IllegalStateException.class, () -> server.check(NS));
        assertTrue(nodes.getMessage().contains("1 node(s)"), nodes.getMessage());
    }

    @Test
    void removesWhatItCreatedWhatThoseOwnedAndTheirEventsButNothingElse() {
        var server = new NodelessApiServer(client);
        server.createOrUpdate(configMap("kafka-bootstrap"));
        HasMetadata app = client.configMaps().inNamespace(NS).withName("kafka-bootstrap").get();
        var deployment = client.resource(new DeploymentBuilder().withNewMetadata().withName("trade-signals").withNamespace(NS)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap")
                        .withName("kafka-bootstrap").withUid(app.getMetadata().getUid()).withController(true).build())
                .endMetadata().build()).create();
        client.resource(new PodBuilder().withNewMetadata().withName("trade-signals-1").withNamespace(NS)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                        .withName("trade-signals").withUid(deployment.getMetadata().getUid()).build())
                .endMetadata().build()).create();
        client.v1().events().inNamespace(NS).resource(new EventBuilder().withNewMetadata()
                .withName("about-it").withNamespace(NS).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder().withUid(app.getMetadata().getUid()).build()).build()).create();
        client.resource(configMap("someone-elses")).create();

        server.removeAll();

        assertNull(client.configMaps().inNamespace(NS).withName("kafka-bootstrap").get(), "created by the run");
        assertNull(client.apps().deployments().inNamespace(NS).withName("trade-signals").get(), "owned by it");
        assertNull(client.pods().inNamespace(NS).withName("trade-signals-1").get(), "owned by what it owned");
        assertNull(client.v1().events().inNamespace(NS).withName("about-it").get(), "an Event about it");
        assertNotNull(client.configMaps().inNamespace(NS).withName("someone-elses").get(), "not the run's");
    }

    private static io.fabric8.kubernetes.api.model.ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .addToData("k", "v").build();
    }
}
