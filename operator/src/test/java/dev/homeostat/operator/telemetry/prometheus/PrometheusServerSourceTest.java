package dev.homeostat.operator.telemetry.prometheus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.homeostat.operator.telemetry.ScrapeTarget;
import dev.homeostat.operator.telemetry.SourceResult;
import dev.homeostat.operator.telemetry.pods.FakePod;
import io.micrometer.core.instrument.Tag;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus-server source against a real Prometheus (Debian's {@code prometheus} binary, which {@code .ci/run}
 * installs) scraping a pod that serves real Micrometer output. Skipped, saying why, when the binary is not on PATH.
 */
class PrometheusServerSourceTest {

    private static Process prometheus;
    private static FakePod pod;
    private static URI base;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> binary = onPath("prometheus");
        assumeTrue(binary.isPresent(), "the prometheus binary is not on PATH (apt-get install -y prometheus): "
                + "the Prometheus-server source is not tested against a real server in this run");
        // a pod of app "signals" in namespace "prod": 2 partitions lagging 30 and 12, busy 0.25
        pod = new FakePod("127.0.0.1");
        pod.busy.set(0.25);
        pod.registry.gauge("homeostat.consumer.lag", List.of(Tag.of("topic", "q"), Tag.of("partition", "0")), new AtomicLong(30));
        pod.registry.gauge("homeostat.consumer.lag", List.of(Tag.of("topic", "q"), Tag.of("partition", "1")), new AtomicLong(12));
        work = Files.createTempDirectory("homeostat-prometheus-");
        int port = freePort();
        Files.writeString(work.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: apps
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                        labels: {namespace: prod, app: signals}
                """.formatted(pod.port()));
        prometheus = new ProcessBuilder(binary.get().toString(),
                "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        base = URI.create("http://127.0.0.1:" + port);
        var client = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> client.send(
                HttpRequest.newBuilder(base.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
        if (pod != null) {
            pod.close();
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static PrometheusServerSource source(URI uri) {
        return new PrometheusServerSource(Optional.of(uri), "namespace=\"{namespace}\",app=\"{name}\"", "10s",
                Duration.ofSeconds(5), 4, 1 << 20);
    }

    private static ScrapeTarget app(String namespace, String name) {
        return new ScrapeTarget(namespace, name, "StreamApp", Map.of("a", name), 8080, "/q/metrics", Optional.empty());
    }

    private static SourceResult collect(PrometheusServerSource source, ScrapeTarget target) throws Exception {
        return source.collect(target, Instant.now()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void signalsOfOneAppFromTheServer() throws Exception {
        var source = source(base);
        var target = app("prod", "signals");

        // given the pod processes records while Prometheus scrapes it every second
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            pod.process(20, Duration.ofMillis(3));
            SourceResult r = collect(source, target);
            return r.ok() && r.signals().processedRate() > 0;
        });

        // when collected
        SourceResult result = collect(source, target);

        // then the gauges are exactly the pod's, the rates come from Prometheus' rate()
        assertTrue(result.ok(), result.reason());
        assertEquals(42.0, result.signals().lagRecords());
        assertEquals(30.0, result.signals().maxPartitionLagRecords());
        assertEquals(0.25, result.signals().busyFraction(), 1e-9);
        assertTrue(result.signals().heapUsedBytes() > 0);
        assertTrue(result.signals().heapMaxBytes() >= result.signals().heapUsedBytes());
        assertTrue(result.signals().processedRate() > 0);
        assertEquals(0.003, result.signals().processingSeconds(), 1e-6);
        assertTrue(Double.isNaN(result.signals().arrivalRate()), "arrivals need the broker's offsets");
    }

    @Test
    void anAppWithoutSeriesIsMissingWithTheSelector() throws Exception {
        SourceResult result = collect(source(base), app("prod", "nobody"));
        assertFalse(result.ok());
        assertEquals("no series match {namespace=\"prod\",app=\"nobody\"}", result.reason());
    }

    @Test
    void anUnreachableServerIsAFailureWithAReason() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + freePort());
        SourceResult result = collect(source(closed), app("prod", "signals"));
        assertFalse(result.ok());
        assertTrue(result.reason().startsWith(closed + "/api/v1/query: "), result.reason());
    }
}
