package dev.homeostat.operator.telemetry;

/**
 * The signals a source can measure for one app; NaN = not measured. Values that are negative or infinite are
 * turned into NaN on construction, so a hostile or broken endpoint can never put them into a sample.
 *
 * @param arrivalRate            records/s arriving (growth of the input partitions' end offsets)
 * @param processedRate          records/s consumed by all ready pods (records in)
 * @param recordsOutRate         records/s produced by all ready pods (records out)
 * @param lagRecords             consumer lag summed over partitions
 * @param lagSeconds             lag expressed in seconds of arrivals
 * @param maxPartitionLagRecords lag of the most-lagged partition
 * @param partitions             partitions of the consumed topics
 * @param busyFraction           mean busy fraction over ready pods, in [0, 1]
 * @param processingSeconds      mean processing time per record, seconds
 * @param errorsRate             failed records/s
 * @param cpuCores               CPU used by all ready pods, cores
 * @param heapUsedBytes          JVM heap used, summed over ready pods
 * @param heapMaxBytes           JVM heap max, summed over ready pods
 * @param restarts               container restarts summed over the app's pods
 * @param readyPods              pods that were ready
 */
public record Signals(double arrivalRate, double processedRate, double recordsOutRate, double lagRecords,
                      double lagSeconds, double maxPartitionLagRecords, double partitions, double busyFraction,
                      double processingSeconds, double errorsRate, double cpuCores, double heapUsedBytes,
                      double heapMaxBytes, double restarts, double readyPods) {

    /** Nothing measured. */
    public static final Signals NONE = builder().build();

    /** Replaces what cannot be a measurement (negative, infinite) with NaN and clamps the busy fraction to [0, 1]. */
    public Signals {
        arrivalRate = measure(arrivalRate);
        processedRate = measure(processedRate);
        recordsOutRate = measure(recordsOutRate);
        lagRecords = measure(lagRecords);
        lagSeconds = measure(lagSeconds);
        maxPartitionLagRecords = measure(maxPartitionLagRecords);
        partitions = measure(partitions);
        busyFraction = Double.isNaN(measure(busyFraction)) ? Double.NaN : Math.min(1.0, busyFraction);
        processingSeconds = measure(processingSeconds);
        errorsRate = measure(errorsRate);
        cpuCores = measure(cpuCores);
        heapUsedBytes = measure(heapUsedBytes);
        heapMaxBytes = measure(heapMaxBytes);
        restarts = measure(restarts);
        readyPods = measure(readyPods);
    }

    private static double measure(double value) {
        return Double.isFinite(value) && value >= 0 ? value : Double.NaN;
    }

    /**
     * Field by field, this signal where measured, else {@code other}'s: how the collector merges sources in order
     * of preference.
     */
    public Signals orElse(Signals other) {
        return new Signals(pick(arrivalRate, other.arrivalRate), pick(processedRate, other.processedRate),
                pick(recordsOutRate, other.recordsOutRate), pick(lagRecords, other.lagRecords),
                pick(lagSeconds, other.lagSeconds), pick(maxPartitionLagRecords, other.maxPartitionLagRecords),
                pick(partitions, other.partitions), pick(busyFraction, other.busyFraction),
                pick(processingSeconds, other.processingSeconds), pick(errorsRate, other.errorsRate),
                pick(cpuCores, other.cpuCores), pick(heapUsedBytes, other.heapUsedBytes),
                pick(heapMaxBytes, other.heapMaxBytes), pick(restarts, other.restarts), pick(readyPods, other.readyPods));
    }

    private static double pick(double first, double second) {
        return Double.isNaN(first) ? second : first;
    }

    /** A builder whose unset fields stay NaN. */
    public static Builder builder() {
        return new Builder();
    }

    /** Names the measured fields; the rest stay NaN. */
    public static final class Builder {
        private double arrivalRate = Double.NaN;
        private double processedRate = Double.NaN;
        private double recordsOutRate = Double.NaN;
        private double lagRecords = Double.NaN;
        private double lagSeconds = Double.NaN;
        private double maxPartitionLagRecords = Double.NaN;
        private double partitions = Double.NaN;
        private double busyFraction = Double.NaN;
        private double processingSeconds = Double.NaN;
        private double errorsRate = Double.NaN;
        private double cpuCores = Double.NaN;
        private double heapUsedBytes = Double.NaN;
        private double heapMaxBytes = Double.NaN;
        private double restarts = Double.NaN;
        private double readyPods = Double.NaN;

        public Builder arrivalRate(double v) { arrivalRate = v; return this; }

        public Builder processedRate(double v) { processedRate = v; return this; }

        public Builder recordsOutRate(double v) { recordsOutRate = v; return this; }

        public Builder lagRecords(double v) { lagRecords = v; return this; }

        public Builder lagSeconds(double v) { lagSeconds = v; return this; }

        public Builder maxPartitionLagRecords(double v) { maxPartitionLagRecords = v; return this; }

        public Builder partitions(double v) { partitions = v; return this; }

        public Builder busyFraction(double v) { busyFraction = v; return this; }

        public Builder processingSeconds(double v) { processingSeconds = v; return this; }

        public Builder errorsRate(double v) { errorsRate = v; return this; }

        public Builder cpuCores(double v) { cpuCores = v; return this; }

        public Builder heapUsedBytes(double v) { heapUsedBytes = v; return this; }

        public Builder heapMaxBytes(double v) { heapMaxBytes = v; return this; }

        public Builder restarts(double v) { restarts = v; return this; }

        public Builder readyPods(double v) { readyPods = v; return this; }

        public Signals build() {
            return new Signals(arrivalRate, processedRate, recordsOutRate, lagRecords, lagSeconds,
                    maxPartitionLagRecords, partitions, busyFraction, processingSeconds, errorsRate, cpuCores,
                    heapUsedBytes, heapMaxBytes, restarts, readyPods);
        }
    }
}
