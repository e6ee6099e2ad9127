package dev.homeostat.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's CRDs are the ones the operator build generates from its Java classes, byte for byte: the helm module's
 * build copies them (maven-resources-plugin), and this test fails on a hand edit, a stale file of a kind the operator
 * no longer generates, or a chart used without the copy having run.
 */
class CrdDriftTest {

    private static final Path GENERATED = Path.of("..", "operator", "target", "kubernetes");
    private static final Path CHART_CRDS = Chart.DIR.resolve("crds");

    @Test
    void chartCrdsEqualTheGeneratedOnes() throws IOException {
        List<String> generated = crdFiles(GENERATED);
        assertTrue(generated.size() >= 2, "the operator build generated its CRDs into " + GENERATED.toAbsolutePath());

        assertEquals(generated, crdFiles(CHART_CRDS), "the chart carries exactly the generated CRDs");
        for (String file : generated) {
            assertEquals(Files.readString(GENERATED.resolve(file)), Files.readString(CHART_CRDS.resolve(file)),
                    file + " differs from the generated CRD; rebuild (./mvnw -pl helm -am generate-resources) and commit");
        }
    }

    private static List<String> crdFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-v1.yml")).sorted().toList();
        }
    }
}
