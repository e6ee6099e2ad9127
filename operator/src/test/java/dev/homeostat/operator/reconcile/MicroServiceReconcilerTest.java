package dev.homeostat.operator.reconcile;

import static dev.homeostat.operator.reconcile.ClusterAssertions.awaitCondition;
import static dev.homeostat.operator.reconcile.ClusterAssertions.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MicroService reconciliation through the running operator, against the Fabric8 mock API server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class MicroServiceReconcilerTest {

    private static final String NAMESPACE = "services-test";

    @Inject
    KubernetesClient client;

    @BeforeEach
    void namespace() {
        ClusterAssertions.ensureNamespace(client, NAMESPACE);
    }

    @Test
    void createsDeploymentServiceAndBudgetOwnedByTheService() {
        // given the example portfolio at a Fixed 3 replicas
        var portfolio = Examples.fixedPortfolio(NAMESPACE);
        portfolio.getMetadata().setName("quotes");
        portfolio.getMetadata().setUid(null);
        portfolio.getMetadata().setGeneration(null);
        var created = client.resource(portfolio).create();

        // when reconciled
        var deployment = eventually(() -> client.apps().deployments().inNamespace(NAMESPACE).withName("quotes").get());
        var service = eventually(() -> client.services().inNamespace(NAMESPACE).withName("quotes").get());
        var budget = eventually(() -> client.policy().v1().podDisruptionBudget().inNamespace(NAMESPACE).withName("quotes").get());

        // then all three are owned by it and agree on the pods they select
        String uid = created.getMetadata().getUid();
        assertEquals(uid, deployment.getMetadata().getOwnerReferences().getFirst().getUid());
        assertEquals(uid, service.getMetadata().getOwnerReferences().getFirst().getUid());
        assertEquals(uid, budget.getMetadata().getOwnerReferences().getFirst().getUid());
        assertEquals(3, deployment.getSpec().getReplicas());
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());
        assertEquals(8080, service.getSpec().getPorts().getFirst().getPort());
        awaitCondition(() -> get("quotes"), ConditionTypes.READY, "False", "ReplicasNotReady");
        assertEquals(3, get("quotes").workloadStatus().getDesiredReplicas());
    }

    @Test
    void aNameTakenByAnotherAppIsAFailureWithReadyFalseAndAMessage() {
        // given a StreamApp called "clash" that already owns the Deployment "clash"
        client.resource(Examples.copy(ConfigMap.class, "kafka-bootstrap", NAMESPACE, "kafka-bootstrap")).create();
        client.resource(Examples.copy(StreamApp.class, "trade-signals", NAMESPACE, "clash")).create();
        eventually(() -> client.apps().deployments().inNamespace(NAMESPACE).withName("clash").get());

        // when a MicroService of the same name arrives
        client.resource(Examples.copy(MicroService.class, "market-feed", NAMESPACE, "clash")).create();

        // then it does not take the Deployment over; its status says why
        var ready = awaitCondition(() -> get("clash"), ConditionTypes.READY, "False", "ResourceConflictException");
        assertTrue(ready.getMessage().contains("Deployment services-test/clash already exists and is controlled by StreamApp clash"),
                ready.getMessage());
        assertEquals(get("clash").getMetadata().getGeneration(), get("clash").workloadStatus().getObservedGeneration());
        var deployment = client.apps().deployments().inNamespace(NAMESPACE).withName("clash").get();
        assertEquals("StreamApp", deployment.getMetadata().getOwnerReferences().getFirst().getKind());
    }

    private MicroService get(String name) {
        return client.resources(MicroService.class).inNamespace(NAMESPACE).withName(name).get();
    }
}
