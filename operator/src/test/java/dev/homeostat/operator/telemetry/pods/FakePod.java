package dev.homeostat.operator.telemetry.pods;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What a pod of one of our apps serves: a real HTTP server on its own loopback address (127.0.0.N), answering
 * {@code /q/metrics} with a real Micrometer Prometheus registry's output under the names our apps use — or, when a
 * test says so, something hostile instead.
 */
public final class FakePod implements AutoCloseable {

    public final String ip;
    final HttpServer server;
    public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Counter recordsIn;
    final Timer processing;
    public final AtomicReference<Double> busy = new AtomicReference<>(0.5);
    private final AtomicReference<Supplier<String>> body = new AtomicReference<>(registry::scrape);

    public FakePod(String ip) {
        this.ip = ip;
        recordsIn = Counter.builder("homeostat.records.in").tag("app", "t").tag("topic", "quotes").register(registry);
        processing = Timer.builder("homeostat.processing").tag("app", "t").register(registry);
        registry.gauge("homeostat.busy.ratio", java.util.List.of(io.micrometer.core.instrument.Tag.of("app", "t")),
                busy, AtomicReference::get);
        new JvmMemoryMetrics().bindTo(registry);
        try {
            server = HttpServer.create(new InetSocketAddress(ip, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + ip, e);
        }
        server.createContext("/q/metrics", exchange -> {
            byte[] bytes = body.get().get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Consumes {@code records}, each taking {@code each} to process. */
    public void process(int records, Duration each) {
        recordsIn.increment(records);
        for (int i = 0; i < records; i++) {
            processing.record(each);
        }
    }

    /** Serves {@code text} instead of the registry's output. */
    public void serve(Supplier<String> text) {
        body.set(text);
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
