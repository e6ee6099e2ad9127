package dev.homeostat.apps.tradesignals.metrics;

import dev.homeostat.apps.metrics.BusyFraction;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The app's own meters, named like every Homeostat app's (see docs/telemetry.md). Consumer lag per
 * partition comes from the Kafka client's metrics, bound by Quarkus ({@code kafka_consumer_fetch_manager_records_lag}).
 */
@ApplicationScoped
public class SignalMetrics {

    private final Counter recordsIn;
    private final Counter recordsOut;
    private final Counter malformed;
    private final Counter checkpointFailures;
    private final Counter replayed;
    private final Timer processing;
    private final Timer checkpoints;
    private final BusyFraction busy = new BusyFraction(10, System::nanoTime);

    SignalMetrics(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String app) {
        recordsIn = Counter.builder("homeostat.records.in").description("Records consumed")
                .tag("app", app).tag("topic", "quotes").register(registry);
        recordsOut = Counter.builder("homeostat.records.out").description("Records emitted")
                .tag("app", app).tag("topic", "orders").register(registry);
        malformed = Counter.builder("homeostat.errors").description("Records that failed")
                .tag("app", app).tag("kind", "malformed").register(registry);
        checkpointFailures = Counter.builder("homeostat.errors").description("Records that failed")
                .tag("app", app).tag("kind", "checkpoint").register(registry);
        replayed = Counter.builder("trade.signals.replayed")
                .description("Quotes skipped because the restored state already held them")
                .tag("app", app).register(registry);
        processing = Timer.builder("homeostat.processing")
                .description("Processing time per record, observed once per poll batch (batch time / records)")
                .tag("app", app).publishPercentileHistogram().register(registry);
        checkpoints = Timer.builder("trade.signals.checkpoint")
                .description("Time to make one interval's orders and state durable and acknowledge its quotes")
                .tag("app", app).register(registry);
        Gauge.builder("homeostat.busy.ratio", busy, BusyFraction::value)
                .description("Processing time / wall time").tag("app", app).register(registry);
    }

    /** Records one processed batch: records read, orders emitted, time taken. */
    public void batch(int in, int out, long nanos) {
        recordsIn.increment(in);
        if (out > 0) {
            recordsOut.increment(out);
        }
        busy.record(nanos);
        if (in > 0) {
            processing.record(nanos / in, TimeUnit.NANOSECONDS);
        }
    }

    /** Counts a record sent to the dead-letter topic. */
    public void malformed() {
        malformed.increment();
    }

    /** Counts a quote skipped as already applied. */
    public void replayed() {
        replayed.increment();
    }

    /** Records a successful checkpoint. */
    public void checkpointed(long nanos) {
        checkpoints.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a failed checkpoint. */
    public void checkpointFailed() {
        checkpointFailures.increment();
    }
}
