package dev.homeostat.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chart passes `helm lint --strict`, renders with default and non-default values, and renders what it promises. */
class HelmChartTest {

    /** Kinds Fabric8 has no model class for here, that the chart may render: Prometheus Operator's. */
    private static final Set<String> PROMETHEUS_OPERATOR_KINDS = Set.of("monitoring.coreos.com/v1/ServiceMonitor",
            "monitoring.coreos.com/v1/PodMonitor");

    @Test
    void lintStrictPassesWithDefaultValues() {
        var result = Chart.helm().lint().strict().call();

        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @Test
    void defaultRenderingHasOnlyKnownKindsAndTheOperatorEssentials() {
        var objects = Chart.parse(Chart.render("homeostat", t -> t));

        assertKnownKinds(objects);
        assertEquals(Set.of("ServiceAccount/homeostat",
                        "ClusterRole/homeostat", "ClusterRole/homeostat-crd-reader", "ClusterRoleBinding/homeostat",
                        "ClusterRoleBinding/homeostat-crd-reader", "Role/homeostat-leader-election",
                        "RoleBinding/homeostat-leader-election", "Deployment/homeostat", "Service/homeostat-metrics",
                        "PodDisruptionBudget/homeostat"),
                objects.stream().filter(o -> !(o instanceof ConfigMap)).map(HelmChartTest::id).collect(Collectors.toSet()));
        var deployment = only(objects, Deployment.class);
        assertEquals(2, deployment.getSpec().getReplicas());
        var env = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> e.getValue() != null).collect(Collectors.toMap(e -> e.getName(), e -> e.getValue()));
        assertEquals("JOSDK_ALL_NAMESPACES", env.get("QUARKUS_OPERATOR_SDK_NAMESPACES"));
        assertEquals("homeostat", env.get("HOMEOSTAT_LEADER_ELECTION_LEASE_NAME"));
        assertTrue(env.get("JAVA_TOOL_OPTIONS").contains("-Xmx"), "the heap ceiling is set");
        assertRestricted(deployment);
    }

    @Test
    void everyOptionalObjectRendersWithNonDefaultValues() {
        var objects = Chart.parse(Chart.render("finance", "values-everything-on.yaml"));

        assertKnownKinds(objects);
        var kinds = objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("ServiceMonitor", "PodMonitor", "NetworkPolicy", "StreamApp", "MicroService")),
                kinds::toString);
        assertEquals(Set.of("market-feed", "trade-signals", "fraud-scoring", "portfolio"), objects.stream()
                .filter(o -> o.getApiVersion().equals("homeostat.dev/v1alpha1")).map(o -> o.getMetadata().getName())
                .collect(Collectors.toSet()));
        // A namespace list: the operator's rights are bound in those namespaces only.
        assertEquals(Set.of("trading", "risk"), objects.stream().filter(RoleBinding.class::isInstance)
                .map(RoleBinding.class::cast).filter(b -> b.getRoleRef().getKind().equals("ClusterRole"))
                .map(b -> b.getMetadata().getNamespace()).collect(Collectors.toSet()));
        assertEquals(List.of("finance-homeostat-crd-reader"), objects.stream().filter(ClusterRoleBinding.class::isInstance)
                .map(o -> o.getMetadata().getName()).toList(), "only the CRD check is bound cluster-wide");
        var deployment = only(objects, Deployment.class);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals("registry.example.com/platform/homeostat-operator:1.2.3", container.getImage());
        assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_OPERATOR_SDK_NAMESPACES")
                && e.getValue().equals("trading,risk")));
        assertTrue(objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                        .allMatch(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))
                                && c.getMetadata().getNamespace().equals("monitoring")),
                "dashboards labelled for the Grafana sidecar, in the namespace asked for");
        var stream = (GenericKubernetesResource) objects.stream()
                .filter(o -> o.getMetadata().getName().equals("trade-signals")).findFirst().orElseThrow();
        String spec = stream.getAdditionalProperties().get("spec").toString();
        assertTrue(spec.contains("KAFKA_SASL_JAAS_CONFIG") && spec.contains("finance-apps-kafka")
                && spec.contains("kafka-cluster-ca") && spec.contains("Predictive"), spec);
        assertRestricted(deployment);
    }

    @Test
    void leaseRightsAreNamespacedToTheOperatorsOwnNamespace() {
        var objects = Chart.parse(Chart.render("homeostat", t -> t));

        var role = only(objects, Role.class);
        assertEquals(Chart.NAMESPACE, role.getMetadata().getNamespace());
        assertEquals(List.of("leases"), role.getRules().getFirst().getResources());
        assertTrue(objects.stream().filter(o -> o.getKind().equals("ClusterRole")).map(o -> o.toString())
                .noneMatch(s -> s.contains("leases")), "no cluster-wide Lease rights");
    }

    @Test
    void namesStayWithin63CharactersForTheLongestReleaseName() {
        String release = "a-release-name-of-fifty-three-characters-for-testing"; // Helm's limit is 53
        var objects = Chart.parse(Chart.render(release, "values-everything-on.yaml"));

        var tooLong = objects.stream().map(o -> o.getMetadata().getName()).filter(n -> n.length() > 63).toList();
        assertEquals(List.of(), tooLong);
        assertEquals(objects.size(), new HashSet<>(objects.stream()
                        .map(o -> id(o) + "@" + o.getMetadata().getNamespace()).toList()).size(),
                "names stay unique after cutting");
    }

    @Test
    void schemaRejectsUnknownKeysAndWrongTypes() {
        var unknown = assertThrows(IllegalStateException.class,
                () -> Chart.render("homeostat", t -> t.set("replicas", 3)));
        assertTrue(unknown.getMessage().contains("replicas"), unknown.getMessage());

        var nested = assertThrows(IllegalStateException.class,
                () -> Chart.render("homeostat", t -> t.set("metrics.serviceMonitor.enable", true)));
        assertTrue(nested.getMessage().contains("enable"), nested.getMessage());

        var type = assertThrows(IllegalStateException.class,
                () -> Chart.render("homeostat", t -> t.set("replicaCount", "two")));
        assertTrue(type.getMessage().contains("replicaCount"), type.getMessage());

        var mode = assertThrows(IllegalStateException.class,
                () -> Chart.render("homeostat", t -> t.set("sampleStack.scalingMode", "Magic")));
        assertTrue(mode.getMessage().contains("scalingMode"), mode.getMessage());
    }

    @Test
    void saslWithoutACredentialsSecretFailsWithAClearMessage() {
        var failure = assertThrows(IllegalStateException.class, () -> Chart.render("homeostat",
                t -> t.set("sampleStack.enabled", true).set("sampleStack.kafka.securityProtocol", "SASL_SSL")));

        assertTrue(failure.getMessage().contains("sampleStack.kafka.sasl.secretName is required"), failure.getMessage());
    }

    private static void assertRestricted(Deployment deployment) {
        var pod = deployment.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().getFirst();
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        assertTrue(container.getResources().getLimits().containsKey("memory"), "a memory limit");
        assertTrue(container.getLivenessProbe() != null && container.getReadinessProbe() != null, "probes");
    }

    /** Every object is of a kind Fabric8 models, a Prometheus Operator kind, or one of the chart's own CRDs. */
    private static void assertKnownKinds(List<HasMetadata> objects) {
        Set<String> crdKinds = Chart.crds().stream()
                .flatMap(crd -> crd.getSpec().getVersions().stream().map(v -> crd.getSpec().getGroup() + "/" + v.getName()
                        + "/" + crd.getSpec().getNames().getKind()))
                .collect(Collectors.toSet());
        for (HasMetadata object : objects) {
            String gvk = object.getApiVersion() + "/" + object.getKind();
            boolean known = !(object instanceof GenericKubernetesResource) || PROMETHEUS_OPERATOR_KINDS.contains(gvk)
                    || crdKinds.contains(gvk);
            assertTrue(known, "unknown apiVersion/kind " + gvk + " of " + object.getMetadata().getName());
            assertFalse(object.getMetadata().getName() == null || object.getMetadata().getName().isBlank(), gvk + " has a name");
        }
    }

    private static <T> T only(List<HasMetadata> objects, Class<T> type) {
        var matches = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, matches.size(), "one " + type.getSimpleName());
        return matches.getFirst();
    }

    private static String id(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
