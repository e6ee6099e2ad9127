package dev.homeostat.operator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Deployments built from the example specs, with no server. */
class DeploymentModelTest {

    @Test
    void streamAppDeploymentCarriesOwnerLabelsReplicasKafkaEnvAndScrapeAnnotations() {
        // given the example lag-scaled stream app, which leaves spec.replicas unset
        var app = Examples.streamApp("market-data-normalizer", "trading");

        // when
        var deployment = DeploymentModel.forStreamApp(app);

        // then
        assertEquals("market-data-normalizer", deployment.getMetadata().getName());
        assertEquals("trading", deployment.getMetadata().getNamespace());
        var owners = deployment.getMetadata().getOwnerReferences();
        assertEquals(1, owners.size());
        var owner = owners.getFirst();
        assertEquals("StreamApp", owner.getKind());
        assertEquals("homeostat.dev/v1alpha1", owner.getApiVersion());
        assertEquals("uid-market-data-normalizer", owner.getUid());
        assertTrue(owner.getController());
        assertTrue(owner.getBlockOwnerDeletion());
        var labels = deployment.getMetadata().getLabels();
        assertEquals("market-data-normalizer", labels.get("app.kubernetes.io/name"));
        assertEquals("stream-app", labels.get("app.kubernetes.io/component"));
        assertEquals("homeostat-operator", labels.get("app.kubernetes.io/managed-by"));
        assertEquals(1, deployment.getSpec().getReplicas(), "minReplicas when spec.replicas is unset");
        var selector = deployment.getSpec().getSelector().getMatchLabels();
        assertEquals(Map.of("app.kubernetes.io/name", "market-data-normalizer", "app.kubernetes.io/component", "stream-app"),
                selector);
        var template = deployment.getSpec().getTemplate();
        assertTrue(template.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
        var annotations = template.getMetadata().getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals("8080", annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        var container = template.getSpec().getContainers().getFirst();
        assertEquals("ghcr.io/homeostat/market-data-normalizer:0.1.0", container.getImage());
        assertEquals("250m", container.getResources().getRequests().get("cpu").toString());
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertEquals("market-data-normalizer", env.get("KAFKA_GROUP_ID").getValue());
        assertEquals("market-data.raw", env.get("HOMEOSTAT_INPUT_TOPICS").getValue());
        assertEquals("market-data.normalized", env.get("HOMEOSTAT_OUTPUT_TOPICS").getValue());
        assertEquals("kafka-bootstrap", env.get("KAFKA_BOOTSTRAP_SERVERS").getValueFrom().getConfigMapKeyRef().getName());
    }

    @Test
    void microServiceDeploymentUsesSpecReplicasAndDeclaresTheHttpPort() {
        // given a Fixed service asking for 3 replicas within [2, 6]
        var service = Examples.microService("quote-service", "trading");

        // when
        var deployment = DeploymentModel.forMicroService(service);

        // then
        assertEquals(3, deployment.getSpec().getReplicas());
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals(List.of("http"), container.getPorts().stream().map(ContainerPort::getName).toList());
        assertEquals(8080, container.getPorts().getFirst().getContainerPort());
        var names = container.getEnv().stream().map(EnvVar::getName).toList();
        assertTrue(names.containsAll(List.of("QUOTE_CACHE_TTL", "QUARKUS_HTTP_PORT")), names.toString());
        assertEquals("micro-service", deployment.getMetadata().getLabels().get("app.kubernetes.io/component"));
    }

    @Test
    void replicasOutsideTheBoundsAreClamped() {
        // given spec.replicas above maxReplicas (the CRD rejects this; a hand-made object is not checked)
        var service = Examples.microService("quote-service", "trading");
        service.getSpec().setReplicas(50);

        // when
        int replicas = DeploymentModel.forMicroService(service).getSpec().getReplicas();

        // then
        assertEquals(6, replicas);
    }

    @Test
    void aUserVariableReplacesTheOperatorVariableOfTheSameName() {
        // given
        var operatorEnv = List.of(new EnvVarBuilder().withName("KAFKA_GROUP_ID").withValue("from-spec").build(),
                new EnvVarBuilder().withName("HOMEOSTAT_APP").withValue("app").build());
        var userEnv = List.of(new EnvVarBuilder().withName("KAFKA_GROUP_ID").withValue("override").build());

        // when
        var merged = DeploymentModel.mergeEnv(operatorEnv, userEnv);

        // then
        assertEquals(List.of("HOMEOSTAT_APP=app", "KAFKA_GROUP_ID=override"),
                merged.stream().map(e -> e.getName() + "=" + e.getValue()).toList());
    }

    @Test
    void aMissingImageIsAClearError() {
        // given
        var app = Examples.streamApp("fraud-scorer", "risk");
        app.getSpec().setImage(null);

        // when
        var error = assertThrows(IllegalArgumentException.class, () -> DeploymentModel.forStreamApp(app));

        // then
        assertTrue(error.getMessage().contains("spec.image") && error.getMessage().contains("risk/fraud-scorer"),
                error.getMessage());
    }
}
