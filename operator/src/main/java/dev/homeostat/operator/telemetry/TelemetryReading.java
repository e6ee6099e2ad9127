package dev.homeostat.operator.telemetry;

import dev.homeostat.ml.telemetry.Sample;
import java.util.List;

/**
 * One collection round's result for one app: the sample for {@code ops-ml}, the figures the sample has no field
 * for, and each source's health. A signal no source could measure is NaN, never zero.
 *
 * @param sample                 the {@code ops-ml} sample (NaN fields = not measured)
 * @param partitions             partitions of the consumed topics, 0 when unknown or not a consumer group
 * @param maxPartitionLagRecords lag of the most-lagged partition, NaN when unknown
 * @param heapUsedBytes          JVM heap used, summed over ready pods, NaN when unknown
 * @param heapLimitBytes         JVM heap max (or container memory limit), summed over ready pods, NaN when unknown
 * @param restarts               container restarts summed over the app's pods, 0 when unknown
 * @param health                 one entry per enabled source
 * @param recordsOutRate         records/s produced by all ready pods, NaN when unknown
 * @param processingSeconds      mean processing time per record over the last interval, NaN when unknown
 */
public record TelemetryReading(Sample sample, int partitions, double maxPartitionLagRecords, double heapUsedBytes,
                               double heapLimitBytes, long restarts, List<SourceHealth> health,
                               double recordsOutRate, double processingSeconds) {

    /** Copies the health list. */
    public TelemetryReading {
        health = List.copyOf(health);
    }

    /** A reading without the records-out rate and processing time (both NaN). */
    public TelemetryReading(Sample sample, int partitions, double maxPartitionLagRecords, double heapUsedBytes,
                            double heapLimitBytes, long restarts, List<SourceHealth> health) {
        this(sample, partitions, maxPartitionLagRecords, heapUsedBytes, heapLimitBytes, restarts, health,
                Double.NaN, Double.NaN);
    }

    /** The health of the source named {@code source}, if it was enabled for this app. */
    public java.util.Optional<SourceHealth> health(String source) {
        return health.stream().filter(h -> h.source().equals(source)).findFirst();
    }

    /** Whether every enabled source delivered this round. */
    public boolean complete() {
        return health.stream().allMatch(SourceHealth::ok);
    }
}
