package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.metrics.BusyFraction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The stream metrics every Homeostat app exposes (names in docs/telemetry.md): records in and out,
 * processing time, busy ratio and failed records. Consumer lag per partition comes from the
 * Kafka client metrics that Quarkus binds to Micrometer.
 */
@ApplicationScoped
public class StreamMetrics {

    static final String APP = "fraud-scoring";

    private final Counter recordsIn;
    private final Counter recordsOut;
    private final Counter malformed;
    private final Timer processing;
    private final BusyFraction busy = new BusyFraction(10, System::nanoTime);

    /** Registers the meters in {@code registry}. */
    public StreamMetrics(MeterRegistry registry) {
        recordsIn = Counter.builder("homeostat.records.in").description("Records consumed")
                .tags("app", APP, "topic", "payments").register(registry);
        recordsOut = Counter.builder("homeostat.records.out").description("Records produced")
                .tags("app", APP, "topic", "alerts").register(registry);
        malformed = Counter.builder("homeostat.errors").description("Records that failed; malformed ones go to the dead-letter topic")
                .tags("app", APP, "kind", "malformed").register(registry);
        processing = Timer.builder("homeostat.processing").description("Time to process one record")
                .tags("app", APP).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Gauge.builder("homeostat.busy.ratio", busy, BusyFraction::value)
                .description("Processing time / wall time over the last 10 s").tags("app", APP).register(registry);
    }

    /** A record was consumed. */
    public void recordIn() {
        recordsIn.increment();
    }

    /** A record was produced. */
    public void recordOut() {
        recordsOut.increment();
    }

    /** A record was unusable and dead-lettered. */
    public void malformed() {
        malformed.increment();
    }

    /** One record took {@code nanos} to process. */
    public void processed(long nanos) {
        processing.record(Duration.ofNanos(nanos));
        busy.record(nanos);
    }
}
