package dev.homeostat.operator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the CRDs the build generated from the Java classes (target/kubernetes): what the API server will enforce
 * (CEL rules, bounds, enums), the scale subresource and the printer columns. A @QuarkusTest so the build that writes
 * the files has run before the assertions read them.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class GeneratedCrdTest {

    /** Fields whose schema is Kubernetes' own (EnvVar, ResourceRequirements…); their descriptions are upstream's. */
    private static final Set<String> UPSTREAM_TYPES = Set.of("env", "resources", "bootstrapServersFrom", "conditions",
            "liveness", "readiness");

    @Test
    void streamAppCrdCarriesScalePrinterColumnsAndCelRules() throws IOException {
        // given
        var crd = load("streamapps.homeostat.dev-v1.yml");

        // when
        var version = crd.getSpec().getVersions().getFirst();
        var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");

        // then
        assertEquals("Namespaced", crd.getSpec().getScope());
        assertEquals("v1alpha1", version.getName());
        assertEquals(List.of("sapp"), crd.getSpec().getNames().getShortNames());
        assertScaleAndColumns(version.getSubresources().getScale().getSpecReplicasPath(),
                version.getSubresources().getScale().getStatusReplicasPath(),
                version.getSubresources().getScale().getLabelSelectorPath(), version.getAdditionalPrinterColumns());
        assertEquals(Map.of(
                        "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas",
                        "minReplicas must be less than or equal to maxReplicas",
                        "!has(self.replicas) || ((!has(self.minReplicas) || self.replicas >= self.minReplicas)"
                                + " && (!has(self.maxReplicas) || self.replicas <= self.maxReplicas))",
                        "replicas must lie within [minReplicas, maxReplicas]"),
                rules(spec));
        assertEquals(Map.of("has(self.bootstrapServers) != has(self.bootstrapServersFrom)",
                "set exactly one of bootstrapServers and bootstrapServersFrom"), rules(spec.getProperties().get("kafka")));
        assertEquals(Map.of("!has(self.mode) || self.mode == 'Fixed' || has(self.slo)",
                "scaling.slo is required when scaling.mode is Reactive or Predictive"), rules(spec.getProperties().get("scaling")));
        assertEquals(List.of("image", "kafka"), spec.getRequired().stream().sorted().toList());
        assertEquals(List.of("consumerGroup", "inputTopics"),
                spec.getProperties().get("kafka").getRequired().stream().sorted().toList());
        assertEquals(1L, spec.getProperties().get("kafka").getProperties().get("inputTopics").getMinItems());
        assertEquals(List.of("\"Fixed\"", "\"Predictive\"", "\"Reactive\""),
                spec.getProperties().get("scaling").getProperties().get("mode").getEnum().stream().map(Object::toString).sorted().toList());
        assertEquals(0.0, spec.getProperties().get("minReplicas").getMinimum());
        assertEquals(1000.0, spec.getProperties().get("maxReplicas").getMaximum());
        assertEquals("Fixed", spec.getProperties().get("scaling").getProperties().get("mode").getDefault().asText());
        assertEveryFieldDescribed("spec", spec);
        assertEveryFieldDescribed("status", version.getSchema().getOpenAPIV3Schema().getProperties().get("status"));
    }

    @Test
    void microServiceCrdCarriesScalePrinterColumnsAndCelRules() throws IOException {
        // given
        var crd = load("microservices.homeostat.dev-v1.yml");

        // when
        var version = crd.getSpec().getVersions().getFirst();
        var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");

        // then
        assertEquals(List.of("msvc"), crd.getSpec().getNames().getShortNames());
        assertScaleAndColumns(version.getSubresources().getScale().getSpecReplicasPath(),
                version.getSubresources().getScale().getStatusReplicasPath(),
                version.getSubresources().getScale().getLabelSelectorPath(), version.getAdditionalPrinterColumns());
        assertTrue(rules(spec).containsKey(
                "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas"));
        assertEquals(Map.of("has(self.p95LatencyMillis) || has(self.targetCpuUtilizationPercent)",
                        "set p95LatencyMillis, targetCpuUtilizationPercent or both"),
                rules(spec.getProperties().get("scaling").getProperties().get("slo")));
        assertEquals(List.of("image", "port"), spec.getRequired().stream().sorted().toList());
        assertEquals(65535.0, spec.getProperties().get("port").getMaximum());
        assertEveryFieldDescribed("spec", spec);
    }

    private static void assertScaleAndColumns(String specPath, String statusPath, String selectorPath,
            List<CustomResourceColumnDefinition> columns) {
        assertEquals(".spec.replicas", specPath);
        assertEquals(".status.replicas", statusPath);
        assertEquals(".status.selector", selectorPath);
        // KEDA-like order, AGE last; REASON only with -o wide. The paths are equivalent forms of the plain ones
        // (see Columns) that keep this order through the generator's sort by path.
        assertEquals(List.of("Mode", "Ready", "Replicas", "Desired", "Reason", "Age"),
                columns.stream().map(CustomResourceColumnDefinition::getName).toList());
        assertEquals(List.of(".*.scaling.mode", ".*['conditions'][?(@.type==\"Ready\")].status", "..status.replicas",
                        "..status['desiredReplicas']", "..status['lastDecision']['explanation']", ".metadata.creationTimestamp"),
                columns.stream().map(CustomResourceColumnDefinition::getJsonPath).toList());
        assertEquals(List.of(0, 0, 0, 0, 1, 0), columns.stream().map(CustomResourceColumnDefinition::getPriority).toList());
    }

    private static Map<String, String> rules(JSONSchemaProps schema) {
        var rules = new java.util.HashMap<String, String>();
        List<ValidationRule> validations = schema.getXKubernetesValidations();
        assertFalse(validations == null || validations.isEmpty(), "x-kubernetes-validations present");
        validations.forEach(r -> rules.put(r.getRule(), r.getMessage()));
        return rules;
    }

    /** kubectl explain is only useful if every field of ours says what it is. */
    private static void assertEveryFieldDescribed(String path, JSONSchemaProps schema) {
        var undescribed = new ArrayList<String>();
        collectUndescribed(path, schema, undescribed);
        assertEquals(List.of(), undescribed, "fields without description");
    }

    private static void collectUndescribed(String path, JSONSchemaProps schema, List<String> undescribed) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            if (property.getDescription() == null || property.getDescription().isBlank()) {
                undescribed.add(path + "." + name);
            }
            if (!UPSTREAM_TYPES.contains(name)) {
                collectUndescribed(path + "." + name, property, undescribed);
            }
        });
    }

    private static CustomResourceDefinition load(String file) throws IOException {
        Path path = Path.of("target", "kubernetes", file);
        assertTrue(Files.exists(path), "generated CRD " + path.toAbsolutePath());
        try (InputStream in = Files.newInputStream(path)) {
            return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        }
    }
}
