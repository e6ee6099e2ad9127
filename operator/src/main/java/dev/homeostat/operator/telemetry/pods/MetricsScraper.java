package dev.homeostat.operator.telemetry.pods;

import dev.homeostat.operator.telemetry.HttpFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches one pod's Prometheus text ({@link HttpFetcher}: bounded concurrency, timeout, size cap) and reads it into
 * {@link PodMetrics}. Every failure becomes a {@link PodScrape} with a reason; nothing throws.
 */
public final class MetricsScraper {

    private static final String ACCEPT = "text/plain;version=0.0.4";

    private final HttpFetcher http;

    public MetricsScraper(Duration timeout, int maxConcurrent, int maxBodyBytes) {
        this.http = new HttpFetcher(timeout, maxConcurrent, maxBodyBytes);
    }

    /** Scrapes {@code uri}; the stage always completes normally. */
    public CompletableFuture<PodScrape> scrape(URI uri) {
        return http.get(uri, ACCEPT)
                .thenApply(MetricsScraper::read)
                .exceptionally(e -> PodScrape.failed(http.describe(uri, e)));
    }

    private static PodScrape read(byte[] body) {
        try {
            var samples = PrometheusTextParser.parse(new String(body, StandardCharsets.UTF_8), PodMetrics.NAMES::contains);
            return PodScrape.ok(PodMetrics.from(samples));
        } catch (MalformedMetricsException e) {
            return PodScrape.failed("rejected: " + e.getMessage());
        }
    }

    /**
     * One pod's scrape: its metrics, or why there are none.
     *
     * @param metrics the figures (null when failed)
     * @param failure the reason (empty when ok)
     */
    public record PodScrape(PodMetrics metrics, String failure) {
        static PodScrape ok(PodMetrics metrics) {
            return new PodScrape(metrics, "");
        }

        static PodScrape failed(String reason) {
            return new PodScrape(null, reason);
        }

        /** Whether the pod delivered a usable sample. */
        public boolean ok() {
            return metrics != null;
        }
    }
}
