package dev.homeostat.operator.reconcile;

import static dev.homeostat.operator.reconcile.ClusterAssertions.TIMEOUT;
import static dev.homeostat.operator.reconcile.ClusterAssertions.awaitCondition;
import static dev.homeostat.operator.reconcile.ClusterAssertions.eventually;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.DecisionSource;
import dev.homeostat.operator.api.StreamApp;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StreamApp lifecycle through the running operator, against the Fabric8 mock API server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class StreamAppReconcilerTest {

    private static final String NAMESPACE = "streams-test";

    @Inject
    KubernetesClient client;

    @BeforeEach
    void namespace() {
        ClusterAssertions.ensureNamespace(client, NAMESPACE);
    }

    @Test
    void createUpdateScaleAndDelete() {
        // given the example trade-signals app and the ConfigMap it refers to
        client.resource(Examples.copy(ConfigMap.class, "kafka-bootstrap", NAMESPACE, "kafka-bootstrap"))
                .createOr(NonDeletingOperation::update);
        var created = client.resource(Examples.copy(StreamApp.class, "trade-signals", NAMESPACE, "normalizer")).create();

        // when the operator has reconciled it
        Deployment deployment = eventually(() -> deployment("normalizer"));

        // then the Deployment is owned by the app, labelled, and runs minReplicas
        var owner = deployment.getMetadata().getOwnerReferences();
        assertEquals(1, owner.size(), "exactly one owner reference: " + owner);
        assertEquals(created.getMetadata().getUid(), owner.getFirst().getUid());
        assertEquals("StreamApp", owner.getFirst().getKind());
        assertTrue(owner.getFirst().getController());
        assertEquals("homeostat-operator", deployment.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
        assertEquals(1, deployment.getSpec().getReplicas());
        awaitCondition(() -> app("normalizer"), ConditionTypes.DEGRADED, "False", "AsExpected");
        var status = app("normalizer").workloadStatus();
        assertEquals(app("normalizer").getMetadata().getGeneration(), status.getObservedGeneration());
        assertEquals(1, status.getDesiredReplicas());
        assertEquals(DecisionSource.Initial, status.getLastDecision().getSource());
        assertEquals("app.kubernetes.io/component=stream-app,app.kubernetes.io/name=normalizer", status.getSelector());

        // when the image changes, the Deployment rolls to it
        apps().withName("normalizer").edit(a -> {
            a.getSpec().setImage("homeostat/trade-signals:0.2.0");
            return a;
        });
        await().atMost(TIMEOUT).untilAsserted(() -> assertEquals("homeostat/trade-signals:0.2.0",
                deployment("normalizer").getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()));

        // when scaled through the scale subresource (what kubectl scale uses)
        apps().withName("normalizer").scale(3);

        // then the Deployment follows, a disruption budget appears, and the decision is explained
        await().atMost(TIMEOUT).untilAsserted(() -> assertEquals(3, deployment("normalizer").getSpec().getReplicas()));
        eventually(() -> budget("normalizer"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var decision = app("normalizer").workloadStatus().getLastDecision();
            assertEquals(DecisionSource.Spec + " 1->3", decision.getSource() + " " + decision.getFrom() + "->" + decision.getTo());
        });

        // when an unrelated field changes, the scaled replica count is kept
        apps().withName("normalizer").edit(a -> {
            a.getSpec().setImage("homeostat/trade-signals:0.2.1");
            return a;
        });
        await().atMost(TIMEOUT).untilAsserted(() -> assertEquals("homeostat/trade-signals:0.2.1",
                deployment("normalizer").getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()));
        assertEquals(3, deployment("normalizer").getSpec().getReplicas());

        // when the Deployment controller reports all pods ready (the mock has none, so the test plays its part)
        client.apps().deployments().inNamespace(NAMESPACE).withName("normalizer").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(3).withReadyReplicas(3).withUpdatedReplicas(3)
                    .withObservedGeneration(d.getMetadata().getGeneration()).build());
            return d;
        });

        // then the app is Ready
        awaitCondition(() -> app("normalizer"), ConditionTypes.READY, "True", "Available");

        // when scaled back to one replica, the budget goes away
        apps().withName("normalizer").scale(1);
        await().atMost(TIMEOUT).untilAsserted(() -> assertNull(budget("normalizer")));

        // when the app is deleted
        apps().withName("normalizer").delete();

        // then it is gone; its Deployment is gone too or (the mock has no garbage collector) still names only the
        // deleted app as its controlling owner, which is what lets a real API server's collector remove it
        await().atMost(TIMEOUT).untilAsserted(() -> assertNull(app("normalizer")));
        var left = deployment("normalizer");
        if (left != null) {
            assertEquals(created.getMetadata().getUid(), left.getMetadata().getOwnerReferences().getFirst().getUid());
            assertTrue(left.getMetadata().getOwnerReferences().getFirst().getBlockOwnerDeletion());
        }
    }

    @Test
    void aMissingSecretIsAConditionAndAnEventAndHealsWhenTheSecretAppears() {
        // given fraud-scoring with Kafka credentials from a Secret that is not there (its ConfigMap is)
        client.resource(Examples.copy(ConfigMap.class, "kafka-bootstrap", NAMESPACE, "kafka-bootstrap"))
                .createOr(NonDeletingOperation::update);
        client.resource(Examples.withKafkaCredentials(Examples.copy(StreamApp.class, "fraud-scoring", NAMESPACE, "scorer")))
                .create();

        // when reconciled
        var degraded = awaitCondition(() -> app("scorer"), ConditionTypes.DEGRADED, "True", "SecretNotFound");

        // then the problem is explained in the condition, Ready says the same, and an Event records it
        assertTrue(degraded.getMessage().contains("Secret 'kafka-credentials'"), degraded.getMessage());
        awaitCondition(() -> app("scorer"), ConditionTypes.READY, "False", "SecretNotFound");
        await().atMost(TIMEOUT).untilAsserted(() -> assertTrue(client.v1().events().inNamespace(NAMESPACE).list().getItems()
                .stream().anyMatch(e -> "scorer".equals(e.getInvolvedObject().getName())
                        && "SecretNotFound".equals(e.getReason()) && "Warning".equals(e.getType()))));
        eventually(() -> deployment("scorer"));

        // when the Secret is created, the periodic recheck clears the problem
        client.resource(Examples.credentialsSecret(NAMESPACE)).create();
        awaitCondition(() -> app("scorer"), ConditionTypes.DEGRADED, "False", "AsExpected");
    }

    private io.fabric8.kubernetes.client.dsl.MixedOperation<StreamApp, io.fabric8.kubernetes.api.model.KubernetesResourceList<StreamApp>,
            io.fabric8.kubernetes.client.dsl.Resource<StreamApp>> appsAll() {
        return client.resources(StreamApp.class);
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<StreamApp, io.fabric8.kubernetes.api.model.KubernetesResourceList<StreamApp>,
            io.fabric8.kubernetes.client.dsl.Resource<StreamApp>> apps() {
        return appsAll().inNamespace(NAMESPACE);
    }

    private StreamApp app(String name) {
        return apps().withName(name).get();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    }

    private PodDisruptionBudget budget(String name) {
        return client.policy().v1().podDisruptionBudget().inNamespace(NAMESPACE).withName(name).get();
    }
}
