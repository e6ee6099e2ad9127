package dev.homeostat.operator.telemetry.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.telemetry.HttpFetcher;
import dev.homeostat.operator.telemetry.ScrapeTarget;
import dev.homeostat.operator.telemetry.Signals;
import dev.homeostat.operator.telemetry.SourceResult;
import dev.homeostat.operator.telemetry.TelemetrySource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The optional source that reads an app's signals from a Prometheus server's HTTP API
 * ({@code GET /api/v1/query}) instead of scraping pods, for clusters that scrape everything already. Off unless
 * {@code homeostat.telemetry.prometheus.url} is set. The series of one app are picked by the configured label
 * matchers ({@code homeostat.telemetry.prometheus.selector}); arrival rate and lag in seconds need the broker's
 * offsets and come from the Kafka source only.
 */
@ApplicationScoped
public class PrometheusServerSource implements TelemetrySource {

    public static final String NAME = "prometheus";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<URI> base;
    private final String selectorTemplate;
    private final String window;
    private final HttpFetcher http;

    @Inject
    public PrometheusServerSource(HomeostatConfig config) {
        this(config.telemetry().prometheus().url().map(URI::create), config.telemetry().prometheus().selector(),
                config.telemetry().prometheus().rateWindow(), config.telemetry().scrapeTimeout(),
                config.telemetry().maxConcurrentScrapes(), config.telemetry().maxBodyBytes());
    }

    /** For tests: a source against {@code base} (empty = off). */
    public PrometheusServerSource(Optional<URI> base, String selectorTemplate, String window, Duration timeout,
                                  int maxConcurrent, int maxBodyBytes) {
        this.base = base;
        this.selectorTemplate = selectorTemplate;
        this.window = window;
        this.http = new HttpFetcher(timeout, maxConcurrent, maxBodyBytes);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(ScrapeTarget target) {
        return base.isPresent();
    }

    @Override
    public CompletionStage<SourceResult> collect(ScrapeTarget target, Instant now) {
        String selector = PrometheusQueries.selector(selectorTemplate, target.namespace(), target.name());
        String query = PrometheusQueries.combined(selector, window);
        String root = base.orElseThrow().toString().replaceAll("/+$", "");
        URI uri = URI.create(root + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return http.get(uri, "application/json")
                .thenApply(body -> read(body, selector))
                .exceptionally(e -> SourceResult.failed(http.describe(URI.create(root + "/api/v1/query"), e)));
    }

    /** Reads the instant-vector answer into signals; an answer without any of our series is a failure. */
    static SourceResult read(byte[] body, String selector) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return SourceResult.failed("answer is not JSON: " + e.getMessage());
        }
        if (!"success".equals(answer.path("status").asText())) {
            return SourceResult.failed("query failed: " + answer.path("errorType").asText() + ": "
                    + answer.path("error").asText());
        }
        Map<String, Double> values = new HashMap<>();
        for (JsonNode series : answer.path("data").path("result")) {
            String signal = series.path("metric").path(PrometheusQueries.SIGNAL_LABEL).asText("");
            String value = series.path("value").path(1).asText("NaN");
            values.put(signal, parse(value));
        }
        if (values.isEmpty()) {
            return SourceResult.failed("no series match {" + selector + "}");
        }
        Signals signals = Signals.builder()
                .processedRate(values.getOrDefault("processedRate", Double.NaN))
                .recordsOutRate(values.getOrDefault("recordsOutRate", Double.NaN))
                .errorsRate(values.getOrDefault("errorsRate", Double.NaN))
                .busyFraction(values.getOrDefault("busyFraction", Double.NaN))
                .processingSeconds(values.getOrDefault("processingSeconds", Double.NaN))
                .heapUsedBytes(values.getOrDefault("heapUsedBytes", Double.NaN))
                .heapMaxBytes(values.getOrDefault("heapMaxBytes", Double.NaN))
                .cpuCores(values.getOrDefault("cpuCores", Double.NaN))
                .lagRecords(values.getOrDefault("lagRecords", Double.NaN))
                .maxPartitionLagRecords(values.getOrDefault("maxPartitionLagRecords", Double.NaN))
                .build();
        return SourceResult.ok(signals);
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value); // "NaN" parses; Signals turns NaN and infinities into "not measured"
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public void forget(ScrapeTarget target) {
        // stateless: Prometheus keeps the history
    }
}
