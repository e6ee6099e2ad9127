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
 */
public record TelemetryReading(Sample sample, int partitions, double maxPartitionLagRecords, double heapUsedBytes,
                               double heapLimitBytes, long restarts, List<SourceHealth> health) {

    /** Copies the health list. */
    public TelemetryReading {
        health = List.copyOf(health);
    }

    /** Whether every enabled source delivered this round. */
    public boolean complete() {
        return health.stream().allMatch(SourceHealth::ok);
    }
}
