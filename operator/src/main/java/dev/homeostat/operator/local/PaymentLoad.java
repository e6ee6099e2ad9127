package dev.homeostat.operator.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The payments load of a local run: every {@link #TICK}, asks a ready fraud-scoring replica's own seeded generator
 * ({@code POST /generator/payments}) for as many payments as the trace says for that time, a fixed share of the
 * quote rate, so payments follow the same daily cycle as the market feed. Small, frequent batches keep arrivals
 * smooth: a whole second's payments at once would read as up to a second of lag right after each batch.
 */
final class PaymentLoad {

    /** Payments per quote: card traffic is a fraction of market data. */
    static final double SHARE = 0.3;
    /** How often a batch is asked for. */
    static final Duration TICK = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(PaymentLoad.class);

    private final LocalRuntime runtime;
    private final String namespace;
    private final String deployment;
    private final LoadTrace trace;
    private final double compress;
    private final double scale;
    private final long startNanos = System.nanoTime();
    private final AtomicLong seed = new AtomicLong(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private double carry;

    PaymentLoad(LocalRuntime runtime, String namespace, String deployment, LoadTrace trace, double compress, double peakRate) {
        this.runtime = runtime;
        this.namespace = namespace;
        this.deployment = deployment;
        this.trace = trace;
        this.compress = compress;
        this.scale = trace.scaleFor(peakRate) * SHARE;
    }

    /** Sends one tick's payments; called every {@link #TICK}. */
    void tick() {
        double perSecond = trace.valueAt(Duration.ofNanos(System.nanoTime() - startNanos), compress) * scale;
        double wanted = perSecond * TICK.toMillis() / 1000.0 + carry;
        int count = (int) wanted;
        carry = wanted - count;
        if (count == 0) {
            return;
        }
        var ready = runtime.replicasOf(namespace, deployment).stream().filter(LocalReplica::ready).findFirst();
        if (ready.isEmpty()) {
            carry = 0;
            return;
        }
        var replica = ready.get();
        // The generator stamps the payments `1 / rate` seconds apart, at the trace's current rate.
        URI uri = URI.create(String.format(Locale.ROOT, "http://%s:%d/generator/payments?count=%d&seed=%d&rate=%.3f",
                replica.address(), replica.port(), count, seed.getAndIncrement(), Math.max(perSecond, 0.001)));
        http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    if (error != null || response.statusCode() >= 300) {
                        LOG.debugf("payment generator call failed: %s", error != null ? error.getMessage() : response.statusCode());
                    }
                });
    }
}
