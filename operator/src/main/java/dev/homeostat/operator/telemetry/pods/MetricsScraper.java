package dev.homeostat.operator.telemetry.pods;

import dev.homeostat.operator.telemetry.HttpFetcher;
import dev.homeostat.operator.telemetry.Ticker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches one pod's Prometheus text ({@link HttpFetcher}: bounded concurrency, timeout, size cap) and reads it into
 * {@link PodMetrics}, stamped with when the answer arrived on a monotonic {@link Ticker} (rates divide by the time
 * between two such reads). Every failure becomes a {@link PodScrape} with a reason; nothing throws.
 */
public final class MetricsScraper {

    private static final String ACCEPT = "text/plain;version=0.0.4";

    private final HttpFetcher http;
    private final Ticker ticker;

    public MetricsScraper(Duration timeout, int maxConcurrent, int maxBodyBytes) {
        this(timeout, maxConcurrent, maxBodyBytes, Ticker.SYSTEM);
    }

    /** With the clock that stamps each answer (tests set the time between reads). */
    public MetricsScraper(Duration timeout, int maxConcurrent, int maxBodyBytes, Ticker ticker) {
        this.http = new HttpFetcher(timeout, maxConcurrent, maxBodyBytes);
        this.ticker = ticker;
    }

    /** Scrapes {@code uri}; the stage always completes normally. */
    public CompletableFuture<PodScrape> scrape(URI uri) {
        // Stamped when the whole body has arrived, before parsing: the pod wrote its counters just before.
        return http.get(uri, ACCEPT)
                .thenApply(body -> read(body, ticker.nanos()))
                .exceptionally(e -> PodScrape.failed(http.describe(uri, e)));
    }

    private static PodScrape read(byte[] body, long readNanos) {
        try {
            var samples = PrometheusTextParser.parse(new String(body, StandardCharsets.UTF_8), PodMetrics.NAMES::contains);
            return PodScrape.ok(PodMetrics.from(samples), readNanos);
        } catch (MalformedMetricsException e) {
            return PodScrape.failed("rejected: " + e.getMessage());
        }
    }

    /**
     * One pod's scrape: its metrics and when they were read, or why there are none.
     *
     * @param metrics   the figures (null when failed)
     * @param failure   the reason (empty when ok)
     * @param readNanos when the answer arrived, on the scraper's {@link Ticker} (0 when failed)
     */
    public record PodScrape(PodMetrics metrics, String failure, long readNanos) {
        static PodScrape ok(PodMetrics metrics, long readNanos) {
            return new PodScrape(metrics, "", readNanos);
        }

        static PodScrape failed(String reason) {
            return new PodScrape(null, reason, 0);
        }

        /** Whether the pod delivered a usable sample. */
        public boolean ok() {
            return metrics != null;
        }
    }
}
