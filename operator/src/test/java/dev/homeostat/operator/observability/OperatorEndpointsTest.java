package dev.homeostat.operator.observability;

import static dev.homeostat.operator.reconcile.ClusterAssertions.ensureNamespace;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import dev.homeostat.operator.api.MicroService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operator's own health and metrics endpoints, as a Deployment's probes and a Prometheus scrape see them. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class OperatorEndpointsTest {

    @Inject
    KubernetesClient client;

    @Inject
    Operator operator;

    @TestHTTPResource("/q/health/ready")
    URL ready;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Test
    void readinessIsUpAndReconcileMetricsAreExported() throws Exception {
        // given one reconciled MicroService
        ensureNamespace(client, "metrics-test");
        client.resource(Examples.copy(MicroService.class, "market-feed", "metrics-test", "feed")).create();

        // when / then
        assertEquals(200, get(ready).statusCode());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String body = get(metrics).body();
            assertTrue(body.contains("operator_sdk_reconciliations_started_total"), "reconciles counted");
            assertTrue(body.contains("operator_sdk_controllers_execution_reconcile_seconds_count"), "reconcile durations timed");
        });
    }

    @Test
    void theRunningOperatorCountsIntoTheRegistryNotIntoTheNoOpPlaceholder() {
        // The extension's default producer could hand over Metrics.NOOP when the registry bound late (see OperatorSdkMetrics).
        assertNotSame(Metrics.NOOP, operator.getConfigurationService().getMetrics());
    }

    private static HttpResponse<String> get(URL url) throws IOException, InterruptedException {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
