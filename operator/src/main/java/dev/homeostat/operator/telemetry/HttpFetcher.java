package dev.homeostat.operator.telemetry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP GETs for the telemetry sources: at most {@code maxConcurrent} in flight (queued without holding a thread),
 * each bounded by one timeout covering connect, headers and the whole body, and by a body size cap. A request that
 * runs out of time is aborted, so a server that trickles its answer does not keep a slot.
 */
public final class HttpFetcher {

    private final HttpClient client;
    private final ConcurrencyLimiter limiter;
    private final Duration timeout;
    private final int maxBodyBytes;

    public HttpFetcher(Duration timeout, int maxConcurrent, int maxBodyBytes) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.limiter = new ConcurrencyLimiter(maxConcurrent);
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body of a 200 answer to {@code GET uri}; fails with the reason otherwise. */
    public CompletableFuture<byte[]> get(URI uri, String accept) {
        return limiter.submit(() -> fetch(uri, accept));
    }

    private CompletableFuture<byte[]> fetch(URI uri, String accept) {
        var request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build();
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, info -> info.statusCode() == 200
                ? new CappedBodySubscriber(maxBodyBytes)
                : HttpResponse.BodySubscribers.<byte[]>replacing(null));
        var bounded = call.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        bounded.whenComplete((response, error) -> {
            if (error != null) {
                call.cancel(true);
            }
        });
        return bounded.thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new CompletionException(new IllegalStateException("HTTP " + response.statusCode()));
            }
            return response.body();
        });
    }

    /** {@code uri: what went wrong}, in words, for a failure of {@link #get}. */
    public String describe(URI uri, Throwable e) {
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
}
