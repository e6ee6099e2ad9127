package dev.homeostat.operator.scaler;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.policy.Decision;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.telemetry.TelemetryReading;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one round of the scaler loop concluded about one app: what was measured (or why not), what was learned,
 * what the policy decided and whether it is applied. The reconciler writes status from the latest one.
 *
 * @param at                when the round started
 * @param mode              the app's scaling mode
 * @param shadow            whether decisions are only recorded
 * @param reading           the telemetry reading, empty when collection failed as a whole
 * @param missing           why telemetry is missing or incomplete, empty when complete
 * @param decision          the policy's decision, empty in Fixed mode
 * @param from              replicas requested before the round (spec.replicas within the bounds)
 * @param to                replicas decided (never below {@code from} on missing telemetry)
 * @param capacity          the learned per-replica capacity
 * @param forecast          the arrival-rate forecast peak over the horizon, once anything was observed
 * @param forecasterReady   whether the forecaster is trusted
 * @param samples           samples of history held
 * @param anomaly           the anomalous signal, if one is flagged
 * @param anomalyScores     latest score per signal
 * @param timeToOomSeconds  predicted seconds until the heap reaches its limit, NaN when there is no such trend
 */
public record Evaluation(Instant at, ScalingMode mode, boolean shadow, Optional<TelemetryReading> reading, String missing,
                  Optional<Decision> decision, int from, int to, Capacity capacity, Optional<Forecast> forecast,
                  boolean forecasterReady, int samples, Optional<AnomalyWatch.Finding> anomaly,
                  Map<String, Double> anomalyScores, double timeToOomSeconds) {

    /** Whether the decision changes spec.replicas (not in Fixed or shadow mode). */
    public boolean applies() {
        return mode != ScalingMode.Fixed && !shadow && decision.isPresent() && to != from;
    }

    /** Whether the policy found lag that more replicas cannot fix. */
    public boolean scalingWillNotHelp() {
        return decision.map(d -> d.reason().raiseAnomaly()).orElse(false);
    }
}
