package dev.homeostat.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading examples/ into typed objects, and rejecting kinds the embedded mode cannot serve. */
class ManifestsTest {

    @Test
    void loadsEveryExampleAsATypedObject() {
        // given / when
        var all = Examples.all();

        // then
        assertEquals(
                "ConfigMap/kafka-bootstrap, StreamApp/fraud-scoring, MicroService/market-feed, MicroService/portfolio, "
                        + "StreamApp/trade-signals",
                String.join(", ", all.stream().map(ManifestsTest::kindAndName).toList()));
    }

    @Test
    void anUnknownKindIsAClearError(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\n");

        // when
        var error = assertThrows(IllegalArgumentException.class, () -> Manifests.loadFile(file));

        // then
        assertTrue(error.getMessage().contains("unsupported kind 'Job'"), error.getMessage());
    }

    private static String kindAndName(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }
}
