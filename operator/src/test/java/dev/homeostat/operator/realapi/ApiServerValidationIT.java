package dev.homeostat.operator.realapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.api.StreamApp;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid resources are refused by the API server's own schema and CEL evaluation of the chart's CRDs. */
@RealApiTier
class ApiServerValidationIT {

    private static final String VALID = """
            apiVersion: homeostat.dev/v1alpha1
            kind: StreamApp
            metadata:
              name: %s
            spec:
              image: ghcr.io/homeostat/trade-signals:0.1.0
              minReplicas: %s
              maxReplicas: 4
              kafka:
                %s
                inputTopics: [quotes]
                consumerGroup: trade-signals
              scaling:
                mode: %s
                %s
            """;
    private static final String ONE_BOOTSTRAP = "bootstrapServers: kafka:9092";
    private static final String TWO_BOOTSTRAPS =
            "bootstrapServers: kafka:9092\n    bootstrapServersFrom: {name: kafka-bootstrap, key: bootstrap.servers}";
    private static final String SLO = "slo: {maxLagSeconds: 5}";

    private static KubernetesClient admin;
    private static String namespace;

    @BeforeAll
    static void namespace() {
        InstalledOperator.get(); // the chart brings the CRDs
        admin = Cluster.admin();
        namespace = Cluster.createNamespace(admin, Cluster.uniqueName("homeostat-it-invalid"));
    }

    @AfterAll
    static void close() {
        admin.namespaces().withName(namespace).delete();
        admin.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            min greater than max     | 5 | ONE  | Reactive | SLO | minReplicas must be less than or equal to maxReplicas
            missing SLO              | 1 | ONE  | Reactive |     | scaling.slo is required
            two bootstrap sources    | 1 | TWO  | Reactive | SLO | set exactly one of bootstrapServers and bootstrapServersFrom
            unknown mode             | 1 | ONE  | Sometimes| SLO | Unsupported value: "Sometimes"
            """)
    void rejected(String why, String min, String bootstrap, String mode, String slo, String expected) {
        String manifest = VALID.formatted("invalid", min, "TWO".equals(bootstrap) ? TWO_BOOTSTRAPS : ONE_BOOTSTRAP,
                mode, "SLO".equals(slo) ? SLO : "");
        KubernetesClientException refused = assertThrows(KubernetesClientException.class, () -> admin
                .load(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))).inNamespace(namespace)
                .create());
        assertEquals(422, refused.getCode(), refused::getMessage);
        assertTrue(refused.getMessage().contains(expected), refused::getMessage);
    }

    @Test
    void theValidBaselineIsAccepted() {
        String manifest = VALID.formatted("valid", 1, ONE_BOOTSTRAP, "Reactive", SLO);
        admin.load(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))).inNamespace(namespace).create();
        assertNotNull(admin.resources(StreamApp.class).inNamespace(namespace).withName("valid").get());
    }
}
