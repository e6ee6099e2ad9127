package dev.homeostat.operator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import dev.homeostat.operator.api.MetricsSpec;
import dev.homeostat.operator.api.ProbesSpec;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Deployments built from the example specs, with no server. */
class DeploymentModelTest {

    @Test
    void streamAppDeploymentCarriesOwnerLabelsReplicasKafkaEnvAndScrapeAnnotations() {
        // given the example lag-scaled stream app, which leaves spec.replicas unset
        var app = Examples.streamApp("trade-signals", "trading");

        // when
        var deployment = DeploymentModel.forStreamApp(app);

        // then
        assertEquals("trade-signals", deployment.getMetadata().getName());
        assertEquals("trading", deployment.getMetadata().getNamespace());
        var owners = deployment.getMetadata().getOwnerReferences();
        assertEquals(1, owners.size());
        var owner = owners.getFirst();
        assertEquals("StreamApp", owner.getKind());
        assertEquals("homeostat.dev/v1alpha1", owner.getApiVersion());
        assertEquals("uid-trade-signals", owner.getUid());
        assertTrue(owner.getController());
        assertTrue(owner.getBlockOwnerDeletion());
        var labels = deployment.getMetadata().getLabels();
        assertEquals("trade-signals", labels.get("app.kubernetes.io/name"));
        assertEquals("stream-app", labels.get("app.kubernetes.io/component"));
        assertEquals("homeostat-operator", labels.get("app.kubernetes.io/managed-by"));
        assertEquals(1, deployment.getSpec().getReplicas(), "minReplicas when spec.replicas is unset");
        var selector = deployment.getSpec().getSelector().getMatchLabels();
        assertEquals(Map.of("app.kubernetes.io/name", "trade-signals", "app.kubernetes.io/component", "stream-app"),
                selector);
        var template = deployment.getSpec().getTemplate();
        assertTrue(template.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
        var annotations = template.getMetadata().getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals("8080", annotations.get("prometheus.io/port"));
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        var container = template.getSpec().getContainers().getFirst();
        assertEquals("homeostat/trade-signals:0.1.0-SNAPSHOT", container.getImage());
        assertEquals("500m", container.getResources().getRequests().get("cpu").toString());
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertEquals("trade-signals", env.get("KAFKA_GROUP_ID").getValue());
        assertEquals("quotes", env.get("HOMEOSTAT_INPUT_TOPICS").getValue());
        assertEquals("orders", env.get("HOMEOSTAT_OUTPUT_TOPICS").getValue());
        assertEquals("kafka-bootstrap", env.get("KAFKA_BOOTSTRAP_SERVERS").getValueFrom().getConfigMapKeyRef().getName());
        assertEquals("8080", env.get("QUARKUS_HTTP_PORT").getValue(), "the app listens where metrics are scraped");
    }

    @Test
    void microServiceDeploymentUsesSpecReplicasAndDeclaresTheHttpPort() {
        // given a Fixed service asking for 3 replicas within [2, 6]
        var service = Examples.fixedPortfolio("trading");

        // when
        var deployment = DeploymentModel.forMicroService(service);

        // then
        assertEquals(3, deployment.getSpec().getReplicas());
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals(List.of("http"), container.getPorts().stream().map(ContainerPort::getName).toList());
        assertEquals(8080, container.getPorts().getFirst().getContainerPort());
        var names = container.getEnv().stream().map(EnvVar::getName).toList();
        assertTrue(names.containsAll(List.of("KAFKA_GROUP_ID", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_HTTP_PORT")), names.toString());
        assertEquals("micro-service", deployment.getMetadata().getLabels().get("app.kubernetes.io/component"));
    }

    @Test
    void podsGetHealthProbesOnTheMetricsPortAndTheRestrictedSecurityProfile() {
        // given a stream app whose metrics (and so HTTP) port is 9000
        var app = Examples.streamApp("trade-signals", "trading");
        var metrics = new MetricsSpec();
        metrics.setPort(9000);
        app.getSpec().setMetrics(metrics);

        // when
        var pod = DeploymentModel.forStreamApp(app).getSpec().getTemplate().getSpec();

        // then
        var container = pod.getContainers().getFirst();
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals(9000, container.getLivenessProbe().getHttpGet().getPort().getIntVal());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(9000, container.getReadinessProbe().getHttpGet().getPort().getIntVal());
        assertEquals("9000", container.getEnv().stream().filter(e -> e.getName().equals("QUARKUS_HTTP_PORT"))
                .findFirst().orElseThrow().getValue());
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        var security = container.getSecurityContext();
        assertTrue(security.getRunAsNonRoot());
        assertTrue(security.getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        assertEquals("RuntimeDefault", security.getSeccompProfile().getType());
        assertEquals(List.of("tmp:/tmp"), container.getVolumeMounts().stream()
                .map(m -> m.getName() + ":" + m.getMountPath()).toList());
        assertEquals("tmp", pod.getVolumes().getFirst().getName());
        assertTrue(pod.getVolumes().getFirst().getEmptyDir() != null, "/tmp is an emptyDir");
    }

    @Test
    void probesGivenInTheSpecReplaceTheDefaultsOneByOne() {
        // given a service that overrides only its liveness probe
        var service = Examples.fixedPortfolio("trading");
        var probes = new ProbesSpec();
        probes.setLiveness(new ProbeBuilder().withNewTcpSocket().withNewPort(8080).endTcpSocket()
                .withPeriodSeconds(30).build());
        service.getSpec().setProbes(probes);

        // when
        var container = DeploymentModel.forMicroService(service).getSpec().getTemplate().getSpec().getContainers().getFirst();

        // then
        assertEquals(8080, container.getLivenessProbe().getTcpSocket().getPort().getIntVal());
        assertEquals(30, container.getLivenessProbe().getPeriodSeconds());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(8080, container.getReadinessProbe().getHttpGet().getPort().getIntVal());
    }

    @Test
    void replicasOutsideTheBoundsAreClamped() {
        // given spec.replicas above maxReplicas (the CRD rejects this; a hand-made object is not checked)
        var service = Examples.fixedPortfolio("trading");
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
        var app = Examples.streamApp("fraud-scoring", "risk");
        app.getSpec().setImage(null);

        // when
        var error = assertThrows(IllegalArgumentException.class, () -> DeploymentModel.forStreamApp(app));

        // then
        assertTrue(error.getMessage().contains("spec.image") && error.getMessage().contains("risk/fraud-scoring"),
                error.getMessage());
    }
}
