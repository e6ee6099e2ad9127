package dev.homeostat.ml.sim;

/**
 * Settings of the simulated cluster and of the benchmark around it. Validated on construction;
 * {@link #defaults()} gives the reference setting.
 *
 * @param peakReplicas        the trace is rescaled so its peak rate needs this many replicas at {@code capacity}
 * @param capacity            mean records/s one replica processes when busy (μ)
 * @param capacitySpread      relative standard deviation of each replica slot's capacity around μ, in [0, 0.5)
 * @param readyDelaySeconds   seconds from requesting a replica to it consuming
 * @param partitions          partitions of the consumed topic; at most this many replicas consume
 * @param rebalanceSeconds    seconds without consumption after every change of the group's size
 * @param sloSeconds          time-lag objective: lag ÷ arrival rate must stay at or below it
 * @param compress            the trace's clock runs this many times faster in the simulation (≥ 1)
 * @param telemetrySeconds    the policies' telemetry arrives once per this many seconds
 * @param telemetryDelaySeconds how late each telemetry sample becomes visible to a policy
 * @param trainFraction       the first part of the trace (in time order) that policies may learn from
 * @param rangeAssignment     true: consumers own whole partitions as Kafka's range assignor gives them, so a
 *                            consumer with one partition more than another bounds the group's throughput;
 *                            false: a fluid group whose capacity is simply min(replicas, partitions)·μ
 * @param minReplicas         lower bound every policy respects
 * @param maxReplicas         upper bound every policy respects (replicas beyond the partitions idle)
 * @param commitIntervalSeconds consumers commit their offsets this often (Kafka's {@code auto.commit.interval.ms}
 *                            defaults to 5 s) and on every rebalance; lag is measured from committed offsets, as
 *                            Kafka's admin API and KEDA report it, so it is never exactly zero under load
 */
public record SimOptions(
        int peakReplicas,
        double capacity,
        double capacitySpread,
        int readyDelaySeconds,
        int partitions,
        int rebalanceSeconds,
        double sloSeconds,
        double compress,
        int telemetrySeconds,
        int telemetryDelaySeconds,
        double trainFraction,
        boolean rangeAssignment,
        int minReplicas,
        int maxReplicas,
        int commitIntervalSeconds) {

    /** Checks every field, naming the offending value. */
    public SimOptions {
        require(peakReplicas >= 1 && peakReplicas <= 10_000, "peakReplicas must be in [1, 10000]", peakReplicas);
        require(capacity > 0 && Double.isFinite(capacity), "capacity must be finite and > 0", capacity);
        require(capacitySpread >= 0 && capacitySpread < 0.5, "capacitySpread must be in [0, 0.5)", capacitySpread);
        require(readyDelaySeconds >= 0 && readyDelaySeconds <= 3600, "readyDelaySeconds must be in [0, 3600]", readyDelaySeconds);
        require(partitions >= 1 && partitions <= 10_000, "partitions must be in [1, 10000]", partitions);
        require(rebalanceSeconds >= 0 && rebalanceSeconds <= 600, "rebalanceSeconds must be in [0, 600]", rebalanceSeconds);
        require(sloSeconds > 0 && Double.isFinite(sloSeconds), "sloSeconds must be finite and > 0", sloSeconds);
        require(compress >= 1 && Double.isFinite(compress), "compress must be finite and >= 1", compress);
        require(telemetrySeconds >= 1 && telemetrySeconds <= 600, "telemetrySeconds must be in [1, 600]", telemetrySeconds);
        require(telemetryDelaySeconds >= 0 && telemetryDelaySeconds < telemetrySeconds,
                "telemetryDelaySeconds must be in [0, telemetrySeconds)", telemetryDelaySeconds);
        require(trainFraction > 0 && trainFraction < 1, "trainFraction must be in (0, 1)", trainFraction);
        require(minReplicas >= 0, "minReplicas must be >= 0", minReplicas);
        require(maxReplicas >= Math.max(1, minReplicas) && maxReplicas <= 10_000,
                "maxReplicas must be in [max(1, minReplicas), 10000]", maxReplicas);
        require(commitIntervalSeconds >= 1 && commitIntervalSeconds <= 600, "commitIntervalSeconds must be in [1, 600]",
                commitIntervalSeconds);
    }

    /** The settings with Kafka's default 5 s offset-commit interval. */
    public SimOptions(int peakReplicas, double capacity, double capacitySpread, int readyDelaySeconds, int partitions,
                      int rebalanceSeconds, double sloSeconds, double compress, int telemetrySeconds,
                      int telemetryDelaySeconds, double trainFraction, boolean rangeAssignment, int minReplicas,
                      int maxReplicas) {
        this(peakReplicas, capacity, capacitySpread, readyDelaySeconds, partitions, rebalanceSeconds, sloSeconds,
                compress, telemetrySeconds, telemetryDelaySeconds, trainFraction, rangeAssignment, minReplicas,
                maxReplicas, DEFAULT_COMMIT_INTERVAL_SECONDS);
    }

    /** Kafka's default {@code auto.commit.interval.ms}, in seconds. */
    public static final int DEFAULT_COMMIT_INTERVAL_SECONDS = 5;

    /** μ = 100/s with 5 % spread, peak 20 replicas, 60 s ready delay, 24 partitions, 5 s rebalance, 10 s SLO, 5 s commits. */
    public static SimOptions defaults() {
        return new SimOptions(20, 100, 0.05, 60, 24, 5, 10, 1, 15, 5, 0.7, false, 1, 24);
    }

    /** A copy with another ready delay. */
    public SimOptions withReadyDelay(int seconds) {
        return new SimOptions(peakReplicas, capacity, capacitySpread, seconds, partitions, rebalanceSeconds, sloSeconds,
                compress, telemetrySeconds, telemetryDelaySeconds, trainFraction, rangeAssignment, minReplicas, maxReplicas,
                commitIntervalSeconds);
    }

    private static void require(boolean ok, String what, double value) {
        if (!ok) {
            throw new IllegalArgumentException(what + ", got " + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)));
        }
    }
}
