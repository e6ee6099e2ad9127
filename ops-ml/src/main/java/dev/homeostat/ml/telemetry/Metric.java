package dev.homeostat.ml.telemetry;

import java.util.function.ToDoubleFunction;

/** Names one measured field of a {@link Sample}, so series can be pulled out of a {@link History} generically. */
public enum Metric {
    // Declared in the order of Sample's components: the history codec relies on it.
    ARRIVAL_RATE(Sample::arrivalRate),
    PROCESSED_RATE(Sample::processedRate),
    LAG_RECORDS(Sample::lagRecords),
    LAG_SECONDS(Sample::lagSeconds),
    LATENCY_P50(Sample::latencyP50),
    LATENCY_P95(Sample::latencyP95),
    LATENCY_P99(Sample::latencyP99),
    CPU(Sample::cpu),
    MEMORY(Sample::memory),
    BUSY_FRACTION(Sample::busyFraction),
    ERRORS(Sample::errors),
    READY_REPLICAS(Sample::readyReplicas);

    private final ToDoubleFunction<Sample> accessor;

    Metric(ToDoubleFunction<Sample> accessor) {
        this.accessor = accessor;
    }

    /** This metric's value in {@code sample}; NaN when not measured. */
    public double of(Sample sample) {
        return accessor.applyAsDouble(sample);
    }
}
