package dev.homeostat.ml.sim;

import dev.homeostat.ml.telemetry.Sample;

/**
 * What a simulated policy sees when asked for a decision: the simulated clock, the newest telemetry
 * sample that has reached it (late, as real telemetry does) and the replica counts the orchestrator's
 * API reports right now.
 *
 * @param second                 seconds since the start of the simulation
 * @param epochMillis            the simulated wall clock
 * @param latest                 the newest visible sample, {@code null} before the first one arrived
 * @param latestMaxPartitionLag  lag of the most-lagged partition in that sample, records (NaN before it)
 * @param requested              replicas requested (ready + starting)
 * @param ready                  replicas ready and in the consumer group
 * @param starting               replicas requested but not yet ready
 */
public record PolicyView(int second, long epochMillis, Sample latest, double latestMaxPartitionLag,
                         int requested, int ready, int starting) {
}
