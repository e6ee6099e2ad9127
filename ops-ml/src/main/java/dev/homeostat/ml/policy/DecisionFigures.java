package dev.homeostat.ml.policy;

import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.telemetry.Sample;

/** Builds the {@link Figures} of a decision from its input and the terms that took part. */
final class DecisionFigures {

    private DecisionFigures() {
    }

    /** Figures with no demand term: input, capacity and {@code recommended} only. */
    static Figures basic(PolicyInput in, ScalingPolicy.Options options, double mu, double recommended) {
        return of(in, options, mu, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, recommended);
    }

    /** Figures of a decision whose terms are known (NaN where a term did not take part). */
    static Figures of(PolicyInput in, ScalingPolicy.Options options, double mu, Forecast forecast, double trend,
                      double util, double forecastReplicas, double lagDrain, double reactive, double recommended) {
        Sample s = in.latest().orElse(null);
        return new Figures(in.currentReplicas(), in.readyReplicas(),
                s == null ? Double.NaN : s.arrivalRate(),
                forecast == null ? Double.NaN : forecast.point(),
                forecast == null ? Double.NaN : forecast.upper(),
                forecast == null ? Double.NaN : forecast.relativeError(), trend,
                options.horizon().toMillis() / 1000.0, mu, in.capacity().confidence(), util,
                s == null ? Double.NaN : s.lagRecords(), s == null ? Double.NaN : s.lagSeconds(), in.sloSeconds(),
                forecastReplicas, lagDrain, reactive, recommended,
                s == null ? Double.NaN : (in.now().toEpochMilli() - s.epochMillis()) / 1000.0);
    }

    /** {@code f} with another recommended count. */
    static Figures withRecommended(Figures f, double recommended) {
        return new Figures(f.current(), f.ready(), f.arrivalRate(), f.forecastPoint(), f.forecastUpper(),
                f.forecastError(), f.trendRate(), f.horizonSeconds(), f.perReplicaRate(), f.capacityConfidence(),
                f.targetUtilization(), f.lagRecords(), f.timeLagSeconds(), f.sloSeconds(), f.forecastReplicas(),
                f.lagDrainReplicas(), f.reactiveReplicas(), recommended, f.telemetryAgeSeconds());
    }

    /** {@code f} with another telemetry age. */
    static Figures withAge(Figures f, double age) {
        return new Figures(f.current(), f.ready(), f.arrivalRate(), f.forecastPoint(), f.forecastUpper(),
                f.forecastError(), f.trendRate(), f.horizonSeconds(), f.perReplicaRate(), f.capacityConfidence(),
                f.targetUtilization(), f.lagRecords(), f.timeLagSeconds(), f.sloSeconds(), f.forecastReplicas(),
                f.lagDrainReplicas(), f.reactiveReplicas(), f.recommended(), age);
    }
}
