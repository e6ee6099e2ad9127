package dev.homeostat.ml.policy;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.telemetry.Sample;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one policy evaluation looks at. Built by the caller (the operator, or the simulator)
 * from its telemetry history, models and the orchestrator's replica counts.
 *
 * @param now                    the caller's clock; telemetry freshness is measured against it
 * @param recent                 recent telemetry samples, oldest first, the newest last (may be empty)
 * @param forecast               the forecaster's peak of the arrival rate over the provisioning horizon,
 *                               empty when no forecaster runs
 * @param capacity               learned per-replica capacity ({@link Capacity#UNKNOWN} if none)
 * @param sloSeconds             time-lag objective (lag ÷ arrival rate), seconds
 * @param readyReplicas          replicas ready now
 * @param startingReplicas       replicas requested but not ready yet
 * @param partitions             partitions of the consumed topic; 0 when the app is not a consumer group
 * @param maxPartitionLagRecords lag of the most-lagged partition in the newest sample, NaN if unknown
 * @param bounds                 the app's replica bounds
 * @param recentDecisions        earlier decisions, oldest first (the caller keeps at least the stabilization window)
 * @param anomaly                the anomaly detector's current state
 */
public record PolicyInput(
        Instant now,
        List<Sample> recent,
        Optional<Forecast> forecast,
        Capacity capacity,
        double sloSeconds,
        int readyReplicas,
        int startingReplicas,
        int partitions,
        double maxPartitionLagRecords,
        Bounds bounds,
        List<PastDecision> recentDecisions,
        AnomalyState anomaly) {

    /** Validates presence and ranges, naming the offending value. */
    public PolicyInput {
        if (now == null || recent == null || forecast == null || capacity == null || bounds == null
                || recentDecisions == null || anomaly == null) {
            throw new IllegalArgumentException("policy input has a null part (use empty lists/Optional, Capacity.UNKNOWN, AnomalyState.NONE)");
        }
        if (!(sloSeconds > 0 && Double.isFinite(sloSeconds))) {
            throw new IllegalArgumentException("sloSeconds must be finite and > 0, got " + sloSeconds);
        }
        if (readyReplicas < 0 || startingReplicas < 0 || partitions < 0) {
            throw new IllegalArgumentException("replica and partition counts must be >= 0, got ready=" + readyReplicas
                    + " starting=" + startingReplicas + " partitions=" + partitions);
        }
        recent = List.copyOf(recent);
        recentDecisions = List.copyOf(recentDecisions);
    }

    /** Replicas requested: ready plus starting. */
    public int currentReplicas() {
        return readyReplicas + startingReplicas;
    }

    /** The newest sample, if any. */
    public Optional<Sample> latest() {
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(recent.size() - 1));
    }
}
