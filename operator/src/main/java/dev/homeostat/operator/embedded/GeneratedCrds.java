package dev.homeostat.operator.embedded;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the CRDs the build generated (target/kubernetes/*-v1.yml, or target/embedded-crds for the embedded build). QOSDK applies CRDs itself only in dev and
 * test launch modes, so the embedded mode, which runs a packaged jar, applies them through this class.
 */
public final class GeneratedCrds {

    private static final String SUFFIX = ".homeostat.dev-v1.yml";

    private GeneratedCrds() {
    }

    /** The generated CRDs, found next to the running jar (…/target/kubernetes) or under the working directory. */
    public static List<CustomResourceDefinition> load() {
        Path directory = locate();
        var serialization = new KubernetesSerialization();
        try (Stream<Path> files = Files.list(directory)) {
            var crds = new ArrayList<CustomResourceDefinition>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    crds.add(serialization.unmarshal(in, CustomResourceDefinition.class));
                }
            }
            return crds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read generated CRDs in " + directory, e);
        }
    }

    static Path locate() {
        var starts = new ArrayList<Path>();
        try {
            starts.add(Path.of(GeneratedCrds.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // No usable code source (unusual class loader): fall back to the working directory only.
        }
        starts.add(Path.of("").toAbsolutePath().resolve("operator/target"));
        starts.add(Path.of("").toAbsolutePath().resolve("target"));
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                for (String name : List.of("embedded-crds", "kubernetes")) {
                    Path candidate = dir.resolve(name);
                    if (Files.exists(candidate.resolve("streamapps" + SUFFIX))) {
                        return candidate;
                    }
                }
            }
        }
        throw new IllegalStateException("generated CRDs (kubernetes/streamapps" + SUFFIX + ") not found near " + starts
                + "; build the operator module first");
    }
}
