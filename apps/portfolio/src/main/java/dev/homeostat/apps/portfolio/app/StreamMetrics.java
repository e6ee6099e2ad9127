package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.metrics.BusyFraction;
import dev.homeostat.apps.portfolio.domain.Portfolio;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The stream metrics every Homeostat app exposes (names in docs/telemetry.md) plus the portfolio's
 * own: accounts held, duplicate fills skipped, state records restored. HTTP latency comes from
 * Quarkus' {@code http_server_requests_seconds}; consumer lag from the Kafka client metrics.
 */
@ApplicationScoped
public class StreamMetrics {

    static final String APP = "portfolio";

    private final MeterRegistry registry;
    private final Counter stateOut;
    private final Counter duplicates;
    private final Counter restored;
    private final Timer processing;
    private final BusyFraction busy = new BusyFraction(10, System::nanoTime);

    /** Registers the meters. */
    public StreamMetrics(MeterRegistry registry, Portfolio portfolio) {
        this.registry = registry;
        // Registered up front so a scraper sees zeros, not missing series, before the first record.
        for (String topic : new String[]{"fills", "orders", "quotes"}) {
            recordIn(registry, topic);
            malformed(registry, topic);
        }
        stateOut = Counter.builder("homeostat.records.out").description("Records produced")
                .tags("app", APP, "topic", "portfolio-state").register(registry);
        duplicates = Counter.builder("portfolio.fills.duplicates").description("Fills delivered again and skipped")
                .register(registry);
        restored = Counter.builder("portfolio.state.restored").description("State records read from the state topic")
                .register(registry);
        processing = Timer.builder("homeostat.processing").description("Time to process one record")
                .tags("app", APP).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Gauge.builder("homeostat.busy.ratio", busy, BusyFraction::value)
                .description("Processing time / wall time over the last 10 s").tags("app", APP).register(registry);
        Gauge.builder("portfolio.accounts", portfolio, Portfolio::size).description("Accounts with a book")
                .register(registry);
    }

    private static Counter recordIn(MeterRegistry registry, String topic) {
        return Counter.builder("homeostat.records.in").description("Records consumed")
                .tags("app", APP, "topic", topic).register(registry);
    }

    private static Counter malformed(MeterRegistry registry, String topic) {
        return Counter.builder("homeostat.errors").description("Records that failed; malformed ones go to the dead-letter topic")
                .tags("app", APP, "kind", "malformed", "topic", topic).register(registry);
    }

    /** A record of {@code topic} was consumed. */
    public void recordIn(String topic) {
        recordIn(registry, topic).increment();
    }

    /** A book was written to the state topic. */
    public void stateOut() {
        stateOut.increment();
    }

    /** A fill had already been applied. */
    public void duplicate() {
        duplicates.increment();
    }

    /** A state record was read. */
    public void restored() {
        restored.increment();
    }

    /** A record of {@code topic} was unusable and dead-lettered (or, for the state topic, skipped). */
    public void malformed(String topic) {
        malformed(registry, topic).increment();
    }

    /** One record took {@code nanos} to process. */
    public void processed(long nanos) {
        processing.record(Duration.ofNanos(nanos));
        busy.record(nanos);
    }
}
