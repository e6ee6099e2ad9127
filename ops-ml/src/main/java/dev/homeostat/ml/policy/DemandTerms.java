package dev.homeostat.ml.policy;

import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.telemetry.Sample;

/**
 * The demand side of a decision: the forecast, lag-drain and reactive terms of {@link ScalingPolicy}, and which
 * of them asks for the most replicas, before any guardrail.
 */
final class DemandTerms {

    static final String TREND = "recent trend";
    /**
     * The predictive lag-drain term drains the lag projected to when new replicas consume within this many SLOs
     * (at most one horizon): each second the backlog lasts past the SLO counts against it, while the replicas
     * that drain it are paid only for the short drain and then released, so headroom bought on demand costs
     * less than headroom held at all times. Chosen on the shared ELB trace (1, 1.5, 2 and 4 SLOs, and the
     * former one horizon, 80 s), then checked on NYC taxi ×6; see docs/benchmarks.md, "Autoscaling simulator".
     */
    static final double LAG_DRAIN_SLOS = 2;
    private static final String FORECAST_WORSE_THAN_NAIVE = "recent forecast error above the limit relative to the naive forecast";

    /**
     * What the terms ask for.
     *
     * @param term        the term that asked for the most
     * @param detail      why that term (e.g. the trend, or why the forecast was not used)
     * @param recommended replicas asked for, NaN when no term could be computed
     * @param need        fractional replicas the predictive terms need (NaN in reactive mode), for the dead band
     * @param figures     the numbers behind it
     */
    record Demand(Term term, String detail, double recommended, double need, Figures figures) {
    }

    private final ScalingPolicy.Options options;

    DemandTerms(ScalingPolicy.Options options) {
        this.options = options;
    }

    /**
     * The replicas the terms ask for on {@code in}, whose latest sample is {@code s}, with the trusted per-replica
     * capacity {@code mu} (NaN when none is trusted).
     */
    Demand assess(PolicyInput in, Sample s, double mu, boolean capacityTrusted, boolean predictive) {
        double arrivals = s.arrivalRate();
        double lag = Sample.measured(s.lagRecords()) ? s.lagRecords() : 0;
        double horizonSeconds = options.horizon().toMillis() / 1000.0;
        double util = predictive ? options.targetUtilization() : options.reactiveUtilization();
        double reactive = reactiveReplicas(s, mu, util);
        double lagDrain = capacityTrusted && Sample.measured(arrivals) && lag > 0
                ? Math.ceil((arrivals + lag / horizonSeconds) / mu - 1e-9) : Double.NaN;

        Term term;
        String detail = "";
        double forecastReplicas = Double.NaN;
        double recommended;
        Forecast forecast = in.forecast().orElse(null);
        String unusable = predictive ? whyForecastUnusable(forecast, capacityTrusted, in.anomaly()) : null;
        double trend = Double.NaN;
        double need = Double.NaN;
        if (predictive && unusable == null) {
            trend = TrendFit.risingRateAt(in.recent(), in.now(), options.horizon());
            // A ramp's first step: the minute's line still averages the flat samples before it.
            double onset = RampOnset.rateAt(in.recent(), in.now(), options.horizon());
            if (onset > trend || Double.isNaN(trend)) {
                trend = onset;
            }
            // The band already covers forecast error, so its upper end is provisioned at full utilisation;
            // the target utilisation's headroom (rebalance backlogs) applies to the expected load.
            double forecastNeed = Math.max(forecast.point() / (mu * util), forecast.upper() / mu);
            if (trend / (mu * util) > forecastNeed) {
                forecastNeed = trend / (mu * util);
                detail = TREND;
            }
            forecastReplicas = Math.ceil(forecastNeed - 1e-9);
            double now = Sample.measured(arrivals) ? arrivals : 0;
            double ahead = Math.max(now, forecast.point());
            if (trend > ahead) {
                ahead = trend;
            }
            // The lag keeps growing until new replicas consume: project it to the horizon's end with
            // the replicas that consume now, then drain that within LAG_DRAIN_SLOS SLOs (at most a horizon).
            double consuming = Math.min(in.readyReplicas(), in.partitions() > 0 ? in.partitions() : Integer.MAX_VALUE) * mu;
            double projectedLag = Math.max(0, lag + ((now + ahead) / 2 - consuming) * horizonSeconds);
            double drainSeconds = Math.min(horizonSeconds, LAG_DRAIN_SLOS * in.sloSeconds());
            if (projectedLag > 0) {
                lagDrain = Math.ceil((ahead + projectedLag / drainSeconds) / mu - 1e-9);
            }
            need = Math.max(forecastNeed, Sample.measured(arrivals) ? arrivals / (mu * util) : 0);
            if (projectedLag > 0) {
                need = Math.max(need, (ahead + projectedLag / drainSeconds) / mu);
            }
            term = Term.FORECAST;
            recommended = forecastReplicas;
            if (lagDrain > recommended) {
                term = Term.LAG_DRAIN;
                detail = "";
                recommended = lagDrain;
            }
            if (reactive > recommended) {
                term = Term.REACTIVE;
                detail = "";
                recommended = reactive;
            }
        } else {
            if (predictive) {
                term = Term.REACTIVE_FALLBACK;
                detail = unusable;
                reactive = reactiveReplicas(s, mu, options.reactiveUtilization());
                util = options.reactiveUtilization();
            } else {
                term = Term.REACTIVE;
            }
            recommended = reactive;
            if (lagDrain > recommended || Double.isNaN(recommended)) {
                if (!Double.isNaN(lagDrain)) {
                    recommended = lagDrain;
                    if (term == Term.REACTIVE) {
                        term = Term.LAG_DRAIN;
                    }
                }
            }
        }
        // With nothing recommended the figures report the current count, as the hold that follows does.
        double reported = Double.isNaN(recommended) ? in.currentReplicas() : recommended;
        Figures f = DecisionFigures.of(in, options, mu, forecast, trend, util, forecastReplicas, lagDrain, reactive,
                reported);
        return new Demand(term, detail, recommended, need, f);
    }

    /**
     * The reactive term: measured arrivals over the learned capacity at {@code util}, or without capacity
     * {@code ceil(ready·busy ÷ util)} as the HPA does; NaN when neither is measured.
     */
    private static double reactiveReplicas(Sample s, double mu, double util) {
        if (!Double.isNaN(mu) && Sample.measured(s.arrivalRate())) {
            return Math.ceil(s.arrivalRate() / (mu * util) - 1e-9);
        }
        if (Sample.measured(s.busyFraction()) && Sample.measured(s.readyReplicas()) && s.readyReplicas() >= 1) {
            return Math.ceil(s.readyReplicas() * s.busyFraction() / util - 1e-9);
        }
        return Double.NaN;
    }

    private String whyForecastUnusable(Forecast forecast, boolean capacityTrusted, AnomalyState anomaly) {
        if (forecast == null || !forecast.known()) {
            return "no forecast";
        }
        if (!forecast.ready()) {
            return "forecaster not trained yet";
        }
        if (!Double.isNaN(forecast.relativeError()) && forecast.relativeError() > options.maxForecastError()) {
            return FORECAST_WORSE_THAN_NAIVE;
        }
        if (!capacityTrusted) {
            return "per-replica capacity not learned with enough confidence";
        }
        if (anomaly.active()) {
            return "anomaly flagged" + (anomaly.summary().isEmpty() ? "" : ": " + anomaly.summary());
        }
        return null;
    }
}
