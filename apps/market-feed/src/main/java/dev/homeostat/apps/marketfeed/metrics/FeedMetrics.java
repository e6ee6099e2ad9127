package dev.homeostat.apps.marketfeed.metrics;

import dev.homeostat.apps.metrics.BusyFraction;
import java.util.concurrent.TimeUnit;

import dev.homeostat.apps.marketfeed.FeedConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The feed's own meters, named like every Homeostat app's (see docs/telemetry.md): records out,
 * processing time, busy fraction, errors, plus the current target rate of the load profile.
 */
@ApplicationScoped
public class FeedMetrics {

    private final Counter recordsOut;
    private final Counter sendErrors;
    private final Timer processing;
    private final BusyFraction busy = new BusyFraction(10, System::nanoTime);
    private volatile double targetRate;
    private volatile long inFlight;

    FeedMetrics(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String app,
                FeedConfig config) {
        recordsOut = Counter.builder("homeostat.records.out").description("Records published")
                .tag("app", app).tag("topic", config.topic()).register(registry);
        sendErrors = Counter.builder("homeostat.errors").description("Records that failed")
                .tag("app", app).tag("kind", "send").register(registry);
        processing = Timer.builder("homeostat.processing")
                .description("Time to generate and hand over one record, observed once per publishing tick")
                .tag("app", app).publishPercentileHistogram().register(registry);
        Gauge.builder("homeostat.busy.ratio", busy, BusyFraction::value)
                .description("Processing time / wall time").tag("app", app).register(registry);
        Gauge.builder("market.feed.target.rate", this, m -> m.targetRate)
                .description("Records per second the load profile asks for now").tag("app", app).register(registry);
        Gauge.builder("market.feed.in.flight", this, m -> m.inFlight)
                .description("Records handed to Kafka and not yet acknowledged").tag("app", app).register(registry);
    }

    /** Counts one record the broker acknowledged. */
    public void published() {
        recordsOut.increment();
    }

    /** Counts one record the producer gave up on. */
    public void sendFailed() {
        sendErrors.increment();
    }

    /** Records one publishing tick: its time goes to the busy fraction, its time per record to the histogram. */
    public void processed(long nanos, int records) {
        busy.record(nanos);
        if (records > 0) {
            processing.record(nanos / records, TimeUnit.NANOSECONDS);
        }
    }

    /** Publishes the profile's current target rate. */
    public void targetRate(double rate) {
        targetRate = rate;
    }

    /** Publishes the number of unacknowledged records. */
    public void inFlight(long count) {
        inFlight = count;
    }
}
