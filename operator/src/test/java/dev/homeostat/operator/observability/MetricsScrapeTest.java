package dev.homeostat.operator.observability;

import static dev.homeostat.operator.reconcile.ClusterAssertions.ensureNamespace;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Scrapes a running operator that has reconciled every example and failed one reconcile, and keeps the scrape in
 * target/metrics-scrape/operator.prom so the chart's dashboard check (helm module, DashboardQueriesTest) can hold every PromQL query
 * against metric names that really exist, success and failure counters included.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class MetricsScrapeTest {

    private static final String NAMESPACE = "scrape-test";

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Test
    void scrapeAfterSuccessfulAndFailedReconcilesHoldsTheOperatorsMetrics() throws Exception {
        // given every example object, and a MicroService whose name a StreamApp's Deployment already has
        ensureNamespace(client, NAMESPACE);
        for (HasMetadata example : Examples.all()) {
            example.getMetadata().setNamespace(NAMESPACE);
            client.resource(example).create();
        }
        var stream = Examples.all().stream().filter(StreamApp.class::isInstance).findFirst().orElseThrow();
        var service = (MicroService) Examples.all().stream().filter(MicroService.class::isInstance).findFirst().orElseThrow();
        service.getMetadata().setNamespace(NAMESPACE);
        service.getMetadata().setName(stream.getMetadata().getName());
        await().atMost(Duration.ofSeconds(30)).until(() -> client.apps().deployments().inNamespace(NAMESPACE)
                .withName(stream.getMetadata().getName()).get() != null);
        client.resource(service).create();

        // when the operator has counted both outcomes
        String[] body = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            body[0] = MetricsScrape.scrape(metrics);
            assertTrue(body[0].contains("operator_sdk_reconciliations_success_total"), "successes counted");
            assertTrue(body[0].contains("operator_sdk_reconciliations_failed_total"), "failures counted");
        });

        // then the scrape is kept for the dashboard check
        MetricsScrape.keep("operator.prom", body[0]);
        assertTrue(body[0].contains("operator_sdk_controllers_execution_reconcile_seconds_bucket"), "durations as a histogram");
        assertTrue(body[0].contains("jvm_memory_used_bytes"), "JVM metrics");
    }
}
