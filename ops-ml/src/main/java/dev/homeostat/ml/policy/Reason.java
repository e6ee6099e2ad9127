package dev.homeostat.ml.policy;

import java.util.Locale;

/**
 * Why a decision came out as it did: the term that won, the numbers, and (built on demand, so a
 * decision costs no string formatting) a sentence a person can read in {@code kubectl describe}.
 *
 * @param term         which part of the policy set the count
 * @param detail       short qualifier of the term, e.g. which guardrail or why the model was not used
 * @param figures      the numbers behind the decision
 * @param raiseAnomaly whether the caller should raise an anomaly (scaling will not help)
 */
public record Reason(Term term, String detail, Figures figures, boolean raiseAnomaly) {

    /** Validates presence of the parts. */
    public Reason {
        if (term == null || detail == null || figures == null) {
            throw new IllegalArgumentException("reason needs a term, a detail (may be empty) and figures");
        }
    }

    /** One or two sentences explaining the decision with its numbers. */
    public String message() {
        Figures f = figures;
        String base = switch (term) {
            case FIXED -> String.format(Locale.ROOT, "Fixed mode: %d replicas.", (int) f.recommended());
            case FORECAST -> detail.equals(DemandTerms.TREND) ? String.format(Locale.ROOT,
                    "The last minute's rising trend reaches %.1f/s by the end of the next %.0f s (forecast upper band "
                            + "%.1f/s); that needs %d replicas at %.1f/s each and %.0f%% target utilisation.",
                    f.trendRate(), f.horizonSeconds(), f.forecastUpper(), (int) f.forecastReplicas(), f.perReplicaRate(),
                    100 * f.targetUtilization()) : String.format(Locale.ROOT,
                    "Forecast peak of %.1f/s (upper band %.1f/s) over the next %.0f s needs %d replicas at %.1f/s "
                            + "each: the point at %.0f%% target utilisation, the band's upper end at 100%%.",
                    f.forecastPoint(), f.forecastUpper(), f.horizonSeconds(), (int) f.forecastReplicas(),
                    f.perReplicaRate(), 100 * f.targetUtilization());
            case LAG_DRAIN -> String.format(Locale.ROOT,
                    "Lag of %.0f records (%.1f s; SLO %.1f s) plus %.1f/s arriving needs %d replicas at %.1f/s each "
                            + "to drain within %.0f s.",
                    f.lagRecords(), f.timeLagSeconds(), f.sloSeconds(), f.arrivalRate(), (int) f.lagDrainReplicas(),
                    f.perReplicaRate(), f.horizonSeconds());
            case REACTIVE -> String.format(Locale.ROOT,
                    "Reactive rule: %.1f/s arriving (utilisation-based where capacity is unknown) needs %d replicas "
                            + "at %.0f%% target utilisation.",
                    f.arrivalRate(), (int) f.reactiveReplicas(), 100 * f.targetUtilization());
            case REACTIVE_FALLBACK -> String.format(Locale.ROOT,
                    "Predictive model not used (%s); the reactive rule asks for %d replicas.",
                    detail, (int) f.reactiveReplicas());
            case BOUND -> String.format(Locale.ROOT, "Bound: %d replicas asked for, the %s bound applies.",
                    (int) f.recommended(), detail);
            case GUARDRAIL -> String.format(Locale.ROOT, "Guardrail (%s): %d replicas asked for by the terms.",
                    detail, (int) f.recommended());
            case HOLD -> String.format(Locale.ROOT, "Holding %d replicas (%s); the terms asked for %d.",
                    (int) f.current(), detail, (int) f.recommended());
            case SCALING_WILL_NOT_HELP -> String.format(Locale.ROOT,
                    "Scaling will not help: %s. Holding %d replicas instead of scaling out; raise an anomaly.",
                    detail, (int) f.current());
            case STALE_TELEMETRY -> Double.isNaN(f.telemetryAgeSeconds())
                    ? String.format(Locale.ROOT, "No telemetry yet: holding %d replicas (never scale down on missing data).",
                    (int) f.current())
                    : String.format(Locale.ROOT,
                    "Telemetry is %.0f s old: holding %d replicas (never scale down on stale data).",
                    f.telemetryAgeSeconds(), (int) f.current());
        };
        return base;
    }
}
