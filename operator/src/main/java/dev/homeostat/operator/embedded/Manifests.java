package dev.homeostat.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the sample manifests under examples/ into typed objects. Typed on purpose: the embedded API server
 * serves no discovery documents, so the client must know each kind's class; a kind it does not know is an error.
 */
public final class Manifests {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "StreamApp", StreamApp.class,
            "MicroService", MicroService.class,
            "Secret", Secret.class,
            "ConfigMap", ConfigMap.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /** Every document of every *.yaml / *.yml file in {@code directory}, files in name order. */
    public static List<HasMetadata> loadDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(directory)) {
            var result = new ArrayList<HasMetadata>();
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .forEach(f -> result.addAll(loadFile(f)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Every document of one YAML file. */
    public static List<HasMetadata> loadFile(Path file) {
        var result = new ArrayList<HasMetadata>();
        try (var parser = YAML.createParser(file.toFile())) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("kind").asText("");
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    throw new IllegalArgumentException(file + ": unsupported kind '" + kind + "'; supported: " + KINDS.keySet());
                }
                result.add(SERIALIZATION.convertValue(document, type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return result;
    }

    /** Finds {@code relative} in the working directory or the nearest parent that has it. */
    public static Path findUpwards(String relative) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no directory '" + relative + "' in " + start + " or any parent");
    }
}
