package dev.homeostat.ml.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers behind one decision, NaN where a figure did not take part (e.g. no forecast in
 * reactive mode). Rates are records/s, times seconds.
 *
 * @param current             replicas requested when deciding (ready + starting)
 * @param ready               replicas ready
 * @param arrivalRate         measured arrival rate
 * @param forecastPoint       forecast peak arrival rate over the horizon (point)
 * @param forecastUpper       forecast peak arrival rate over the horizon (upper end of the band)
 * @param forecastError       forecast's recent error relative to the naive last-value forecast
 * @param trendRate           the measured arrival rate's recent linear trend (or a ramp's first step) extrapolated to the horizon's end
 * @param horizonSeconds      provisioning horizon the forecast covers
 * @param perReplicaRate      learned capacity of one replica
 * @param capacityConfidence  confidence of that capacity, [0, 1]
 * @param targetUtilization   utilisation the term aimed at
 * @param lagRecords          measured lag
 * @param timeLagSeconds      measured lag as time
 * @param sloSeconds          the time-lag objective
 * @param forecastReplicas    replicas the forecast term asked for
 * @param lagDrainReplicas    replicas the lag-drain term asked for
 * @param reactiveReplicas    replicas the reactive term asked for
 * @param recommended         replicas the winning term asked for, before guardrails
 * @param telemetryAgeSeconds age of the newest telemetry sample
 */
public record Figures(
        double current,
        double ready,
        double arrivalRate,
        double forecastPoint,
        double forecastUpper,
        double forecastError,
        double trendRate,
        double horizonSeconds,
        double perReplicaRate,
        double capacityConfidence,
        double targetUtilization,
        double lagRecords,
        double timeLagSeconds,
        double sloSeconds,
        double forecastReplicas,
        double lagDrainReplicas,
        double reactiveReplicas,
        double recommended,
        double telemetryAgeSeconds) {

    /** The figures that took part (not NaN), by name, in declaration order — for status fields and logs. */
    public Map<String, Double> asMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        put(out, "current", current);
        put(out, "ready", ready);
        put(out, "arrivalRate", arrivalRate);
        put(out, "forecastPoint", forecastPoint);
        put(out, "forecastUpper", forecastUpper);
        put(out, "forecastError", forecastError);
        put(out, "trendRate", trendRate);
        put(out, "horizonSeconds", horizonSeconds);
        put(out, "perReplicaRate", perReplicaRate);
        put(out, "capacityConfidence", capacityConfidence);
        put(out, "targetUtilization", targetUtilization);
        put(out, "lagRecords", lagRecords);
        put(out, "timeLagSeconds", timeLagSeconds);
        put(out, "sloSeconds", sloSeconds);
        put(out, "forecastReplicas", forecastReplicas);
        put(out, "lagDrainReplicas", lagDrainReplicas);
        put(out, "reactiveReplicas", reactiveReplicas);
        put(out, "recommended", recommended);
        put(out, "telemetryAgeSeconds", telemetryAgeSeconds);
        return out;
    }

    private static void put(Map<String, Double> out, String name, double value) {
        if (!Double.isNaN(value)) {
            out.put(name, value);
        }
    }
}
