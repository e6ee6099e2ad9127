package dev.homeostat.operator.telemetry.pods;

import dev.homeostat.operator.telemetry.ConcurrencyLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one pod's Prometheus text over HTTP and reads it into {@link PodMetrics}: at most {@code maxConcurrent}
 * requests in flight over all apps, each bounded by a timeout that covers connect, headers and the whole body, and
 * by a body size cap. Every failure becomes a {@link PodScrape} with a reason; nothing throws.
 */
public final class MetricsScraper {

    private final HttpClient client;
    private final ConcurrencyLimiter limiter;
    private final Duration timeout;
    private final int maxBodyBytes;

    public MetricsScraper(Duration timeout, int maxConcurrent, int maxBodyBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.limiter = new ConcurrencyLimiter(maxConcurrent);
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Scrapes {@code uri}; the stage always completes normally. */
    public CompletableFuture<PodScrape> scrape(URI uri) {
        return limiter.submit(() -> fetch(uri))
                .thenApply(MetricsScraper::read)
                .exceptionally(e -> PodScrape.failed(describe(uri, e)));
    }

    private CompletableFuture<byte[]> fetch(URI uri) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "text/plain;version=0.0.4")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, info -> info.statusCode() == 200
                ? new CappedBodySubscriber(maxBodyBytes)
                : HttpResponse.BodySubscribers.<byte[]>replacing(null));
        var bounded = call.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        bounded.whenComplete((response, error) -> {
            if (error != null) {
                call.cancel(true); // aborts the exchange, so a server that trickles its body does not keep a slot
            }
        });
        return bounded.thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new CompletionException(new IllegalStateException("HTTP " + response.statusCode()));
            }
            return response.body();
        });
    }

    private static PodScrape read(byte[] body) {
        try {
            var samples = PrometheusTextParser.parse(new String(body, StandardCharsets.UTF_8), PodMetrics.NAMES::contains);
            return PodScrape.ok(PodMetrics.from(samples));
        } catch (MalformedMetricsException e) {
            return PodScrape.failed("rejected: " + e.getMessage());
        }
    }

    private String describe(URI uri, Throwable e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String what = switch (cause) {
            case TimeoutException t -> "no answer within " + timeout.toMillis() + " ms";
            case HttpTimeoutException t -> "no answer within " + timeout.toMillis() + " ms";
            case CappedBodySubscriber.BodyTooLargeException t -> "rejected: " + t.getMessage();
            default -> cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        };
        return uri + ": " + what;
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
