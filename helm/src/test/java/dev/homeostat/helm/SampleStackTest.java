package dev.homeostat.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's sample stack ({@code sampleStack.enabled=true}, rendered by a real Helm) declares each app as
 * {@code examples/} does — same kind, scaling policy, replica bounds, resources, topics, env — so installing the
 * chart runs the apps the docs describe. Only what depends on where the stack is installed may differ: the image's
 * tag, how the Kafka bootstrap servers are given (a chart value, or the examples' ConfigMap) and the Kafka security
 * settings the chart adds.
 */
class SampleStackTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    /** Keys sorted at every level, so the comparison is of content, not of the order the YAML wrote it in. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Env the chart sets from its Kafka values (docs/helm.md, "Kafka settings of the sample stack"). */
    private static final Set<String> CHART_KAFKA_ENV = Set.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_CERTIFICATES");

    @Test
    void everySampleAppIsDeclaredAsInTheExamples() throws IOException {
        // given the sample stack as the chart renders it with its default values, and the apps of examples/
        Map<String, Map<String, Object>> chart = byName(Chart.parse(Chart.render("homeostat",
                t -> t.set("sampleStack.enabled", true))));
        Map<String, Map<String, Object>> examples = byName(examples());

        // then the chart installs exactly the example apps, each declared the same way
        assertEquals(examples.keySet(), chart.keySet(), "apps in examples/ and in the chart's sample stack");
        for (String app : examples.keySet()) {
            assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(examples.get(app)),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(chart.get(app)),
                    app + ": examples/ (expected) and the chart's sampleStack (actual) differ");
        }
    }

    /** The Homeostat resources of examples/*.yaml (the ConfigMap of bootstrap servers is where, not what). */
    private static List<HasMetadata> examples() throws IOException {
        var objects = new ArrayList<HasMetadata>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                objects.addAll(Chart.parse(Files.readString(file)));
            }
        }
        return objects;
    }

    private static Map<String, Map<String, Object>> byName(List<HasMetadata> objects) {
        return objects.stream().filter(o -> o.getApiVersion().equals("homeostat.dev/v1alpha1"))
                .collect(Collectors.toMap(o -> o.getMetadata().getName(), SampleStackTest::declaration,
                        (a, b) -> {
                            throw new IllegalStateException("two resources named " + a.get("name"));
                        }, TreeMap::new));
    }

    /** Kind, name and spec, without what depends on the installation (see the class comment). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> declaration(HasMetadata object) {
        Map<String, Object> spec = JSON.convertValue(((GenericKubernetesResource) object).getAdditionalProperties()
                .get("spec"), LinkedHashMap.class);
        String image = (String) spec.remove("image");
        spec.put("image", image.substring(0, image.lastIndexOf(':'))); // the repository, not the tag
        if (spec.get("kafka") instanceof Map<?, ?> kafka) {
            kafka.remove("bootstrapServers");
            kafka.remove("bootstrapServersFrom");
        }
        if (spec.get("env") instanceof List<?> env) {
            var kept = new ArrayList<Object>();
            for (Object entry : env) {
                var variable = (Map<String, Object>) entry;
                String name = (String) variable.get("name");
                if (name.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                    kept.add(Map.of("name", name)); // a chart value there, the examples' ConfigMap here
                } else if (!CHART_KAFKA_ENV.contains(name)) {
                    kept.add(variable);
                }
            }
            if (kept.isEmpty()) {
                spec.remove("env");
            } else {
                spec.put("env", kept);
            }
        }
        var declaration = new LinkedHashMap<String, Object>();
        declaration.put("apiVersion", object.getApiVersion());
        declaration.put("kind", object.getKind());
        declaration.put("name", object.getMetadata().getName());
        declaration.put("spec", spec);
        return declaration;
    }
}
