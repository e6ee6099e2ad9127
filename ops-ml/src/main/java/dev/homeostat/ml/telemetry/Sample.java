package dev.homeostat.ml.telemetry;

/**
 * One immutable telemetry sample of one app at one instant.
 *
 * <p>Every measured quantity is a {@code double}; {@link Double#NaN} means "not measured" and is
 * never read as zero. Measured values must be finite and non-negative, and {@code busyFraction}
 * must lie in [0, 1]; anything else is rejected with an {@link IllegalArgumentException} naming
 * the field and value. Rates are per second, latencies in seconds, memory in bytes, cpu in cores.
 *
 * @param epochMillis   when the sample was taken, Unix epoch milliseconds
 * @param arrivalRate   records (or requests) arriving per second, e.g. the growth of the log end offsets
 * @param processedRate records (or requests) processed per second by all ready replicas together
 * @param lagRecords    consumer lag in records, summed over partitions
 * @param lagSeconds    consumer lag expressed as time, seconds
 * @param latencyP50    median latency, seconds
 * @param latencyP95    95th percentile latency, seconds
 * @param latencyP99    99th percentile latency, seconds
 * @param cpu           CPU used by all replicas, cores
 * @param memory        memory used by all replicas, bytes
 * @param busyFraction  fraction of time the replicas were busy processing, in [0, 1] (Flink's busyTimeMsPerSecond / 1000)
 * @param errors        errors per second
 * @param readyReplicas replicas ready when the sample was taken (a whole number, NaN if unknown)
 */
public record Sample(
        long epochMillis,
        double arrivalRate,
        double processedRate,
        double lagRecords,
        double lagSeconds,
        double latencyP50,
        double latencyP95,
        double latencyP99,
        double cpu,
        double memory,
        double busyFraction,
        double errors,
        double readyReplicas) {

    /** Validates every measured field: NaN, or finite and non-negative (busy fraction at most 1). */
    public Sample {
        requireMeasure("arrivalRate", arrivalRate);
        requireMeasure("processedRate", processedRate);
        requireMeasure("lagRecords", lagRecords);
        requireMeasure("lagSeconds", lagSeconds);
        requireMeasure("latencyP50", latencyP50);
        requireMeasure("latencyP95", latencyP95);
        requireMeasure("latencyP99", latencyP99);
        requireMeasure("cpu", cpu);
        requireMeasure("memory", memory);
        requireMeasure("busyFraction", busyFraction);
        requireMeasure("errors", errors);
        requireMeasure("readyReplicas", readyReplicas);
        if (busyFraction > 1.0) {
            throw new IllegalArgumentException("busyFraction must be in [0, 1] or NaN, got " + busyFraction
                    + " at epochMillis=" + epochMillis);
        }
    }

    /** Starts a builder for a sample taken at {@code epochMillis}; fields not set stay NaN (not measured). */
    public static Builder at(long epochMillis) {
        return new Builder(epochMillis);
    }

    /** Whether {@code value} is a measurement, i.e. not NaN. */
    public static boolean measured(double value) {
        return !Double.isNaN(value);
    }

    /** The value of {@code metric} in this sample (NaN if not measured). */
    public double get(Metric metric) {
        return metric.of(this);
    }

    private static void requireMeasure(String name, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 or NaN (not measured), got " + value);
        }
    }

    /** Fluent builder so callers name the fields they measured; the rest stay NaN. */
    public static final class Builder {
        private final long epochMillis;
        private double arrivalRate = Double.NaN;
        private double processedRate = Double.NaN;
        private double lagRecords = Double.NaN;
        private double lagSeconds = Double.NaN;
        private double latencyP50 = Double.NaN;
        private double latencyP95 = Double.NaN;
        private double latencyP99 = Double.NaN;
        private double cpu = Double.NaN;
        private double memory = Double.NaN;
        private double busyFraction = Double.NaN;
        private double errors = Double.NaN;
        private double readyReplicas = Double.NaN;

        private Builder(long epochMillis) {
            this.epochMillis = epochMillis;
        }

        public Builder arrivalRate(double v) { this.arrivalRate = v; return this; }

        public Builder processedRate(double v) { this.processedRate = v; return this; }

        public Builder lagRecords(double v) { this.lagRecords = v; return this; }

        public Builder lagSeconds(double v) { this.lagSeconds = v; return this; }

        public Builder latency(double p50, double p95, double p99) {
            this.latencyP50 = p50;
            this.latencyP95 = p95;
            this.latencyP99 = p99;
            return this;
        }

        public Builder cpu(double v) { this.cpu = v; return this; }

        public Builder memory(double v) { this.memory = v; return this; }

        public Builder busyFraction(double v) { this.busyFraction = v; return this; }

        public Builder errors(double v) { this.errors = v; return this; }

        public Builder readyReplicas(double v) { this.readyReplicas = v; return this; }

        /** Builds and validates the sample. */
        public Sample build() {
            return new Sample(epochMillis, arrivalRate, processedRate, lagRecords, lagSeconds, latencyP50,
                    latencyP95, latencyP99, cpu, memory, busyFraction, errors, readyReplicas);
        }
    }
}
