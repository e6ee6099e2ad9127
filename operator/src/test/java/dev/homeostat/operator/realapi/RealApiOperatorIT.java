package dev.homeostat.operator.realapi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator, in this JVM, against a real kube-apiserver: installed by the chart, acting as the chart's
 * ServiceAccount, reconciling examples/ with server-side apply on.
 */
@RealApiTier
@QuarkusTest
@TestProfile(RealApiProfile.class)
class RealApiOperatorIT {

    private static final Duration RECONCILED = Duration.ofSeconds(60);

    private static KubernetesClient admin;
    private static String namespace;

    @BeforeAll
    static void applyExamples() {
        admin = Cluster.admin();
        namespace = InstalledOperator.get().watchedNamespace();
        for (HasMetadata object : Examples.all()) {
            object.getMetadata().setNamespace(namespace);
            admin.resource(object).inNamespace(namespace).create();
        }
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void ownedDeploymentsAreServerSideAppliedByTheOperator() {
        for (Workload app : workloads()) {
            Deployment deployment = await().atMost(RECONCILED).until(
                    () -> admin.apps().deployments().inNamespace(namespace).withName(app.getMetadata().getName()).get(),
                    d -> d != null);
            String manager = app instanceof StreamApp ? "streamapp" : "microservice";
            List<ManagedFieldsEntry> fields = deployment.getMetadata().getManagedFields();
            assertTrue(fields.stream().anyMatch(f -> manager.equals(f.getManager()) && "Apply".equals(f.getOperation())),
                    () -> "no server-side apply by " + manager + " on " + app.getMetadata().getName() + ": " + fields);
            assertTrue(deployment.getMetadata().getOwnerReferences().stream()
                    .anyMatch(o -> app.getMetadata().getUid().equals(o.getUid())), "owned by its app");
        }
    }

    @Test
    void statusCarriesObservedGenerationAndConditions() {
        for (Workload app : workloads()) {
            Workload seen = await().atMost(RECONCILED).until(() -> reread(app),
                    w -> w.workloadStatus() != null && w.workloadStatus().getObservedGeneration() != null
                            && w.workloadStatus().getObservedGeneration().equals(w.getMetadata().getGeneration()));
            List<String> types = seen.workloadStatus().getConditions().stream().map(c -> c.getType()).toList();
            assertTrue(types.containsAll(List.of("Ready", "Scaling", "Degraded")), () -> "conditions " + types);
        }
    }

    @Test
    void scaleSubresourceChangesSpecReplicasAndTheDeploymentFollows() {
        // portfolio: a Reactive MicroService with minReplicas 2 and maxReplicas 6 (the scaler is off in tests)
        String name = "portfolio";
        await().atMost(RECONCILED).until(() -> admin.apps().deployments().inNamespace(namespace).withName(name).get(),
                d -> d != null && Integer.valueOf(2).equals(d.getSpec().getReplicas()));

        // The example leaves spec.replicas out (a scaled app, as shipped): the operator sets it once, so the scale
        // subresource answers GET (HPA, kubectl get --subresource=scale) and Fabric8's read-modify-write scale works.
        assertEquals(2, admin.resources(MicroService.class).inNamespace(namespace).withName(name).scale().getSpec()
                .getReplicas());
        admin.resources(MicroService.class).inNamespace(namespace).withName(name).scale(5);

        assertEquals(5, admin.resources(MicroService.class).inNamespace(namespace).withName(name).get()
                .getSpec().getReplicas());
        await().atMost(RECONCILED).until(() -> admin.apps().deployments().inNamespace(namespace).withName(name).get()
                .getSpec().getReplicas(), r -> r == 5);
    }

    @Test
    void rbacDeniesWhatTheOperatorMustNotDo() {
        try (KubernetesClient operator = Cluster.as(InstalledOperator.get().user())) {
            // Needed: Secrets it is told about, in the namespace it watches (one an app's env could refer to).
            admin.secrets().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                    .withNewMetadata().withName("kafka-credentials").endMetadata()
                    .addToStringData("password", "not-a-real-one").build()).serverSideApply();
            assertNotNull(operator.secrets().inNamespace(namespace).withName("kafka-credentials").get());

            KubernetesClientException otherNamespace = assertThrows(KubernetesClientException.class,
                    () -> operator.secrets().inNamespace("default").list());
            assertEquals(403, otherNamespace.getCode());
            KubernetesClientException listSecrets = assertThrows(KubernetesClientException.class,
                    () -> operator.secrets().inNamespace(namespace).list());
            assertEquals(403, listSecrets.getCode());
            KubernetesClientException crds = assertThrows(KubernetesClientException.class,
                    () -> operator.apiextensions().v1().customResourceDefinitions().withName("streamapps.homeostat.dev")
                            .delete());
            assertEquals(403, crds.getCode());
        }
    }

    private static List<Workload> workloads() {
        return List.of(admin.resources(StreamApp.class).inNamespace(namespace).withName("fraud-scoring").get(),
                admin.resources(StreamApp.class).inNamespace(namespace).withName("trade-signals").get(),
                admin.resources(MicroService.class).inNamespace(namespace).withName("portfolio").get(),
                admin.resources(MicroService.class).inNamespace(namespace).withName("market-feed").get());
    }

    private static Workload reread(Workload app) {
        Class<? extends Workload> type = app instanceof StreamApp ? StreamApp.class : MicroService.class;
        return (Workload) admin.resources(type.asSubclass(HasMetadata.class)).inNamespace(namespace)
                .withName(app.getMetadata().getName()).get();
    }
}
