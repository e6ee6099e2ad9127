package dev.homeostat.ml.policy;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.telemetry.Sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Homeostat's scaling policy: a pure function from a {@link PolicyInput} to a {@link Decision} with
 * its {@link Reason}, written for the operator's scaler loop to call on every evaluation (that loop is
 * being wired on another branch; on this one only the benchmark calls it); the autoscaling benchmark runs the
 * very same class.
 *
 * <p><b>Terms.</b> With learned per-replica capacity {@code μ} and target utilisation {@code u}: the
 * <i>forecast</i> term provisions {@code ceil(max(point ÷ (μ·u), upper ÷ μ, trend ÷ (μ·u)))} for the
 * forecast peak over the horizon (the band covers forecast error, so its upper end is provisioned at
 * full utilisation; the trend is the last minute's rising line extrapolated to the horizon's end), the
 * <i>lag-drain</i> term {@code ceil((arrivals ahead + projected lag ÷ horizon) ÷ μ)} with the lag
 * projected to when new replicas could consume, and the <i>reactive</i> term
 * {@code ceil(measured arrivals ÷ (μ·u))} (or, with no capacity learned, {@code ceil(ready·busy ÷ u)}
 * as the HPA does). {@link Mode#PREDICTIVE} takes the largest of the three, so the reactive rule is a
 * floor under the forecast; {@link Mode#REACTIVE} takes the reactive and lag-drain terms. A forecaster
 * that is not ready, or whose recent error is worse than {@link Options#maxForecastError()} times the
 * naive forecast's, or missing/unconfident capacity, hands over to the reactive rule and says so.
 *
 * <p><b>Guardrails</b>, in order: hold on missing or stale telemetry (never scale down on it); hold and
 * raise an anomaly when scaling will not help (lag grows while each replica's processed rate has
 * collapsed, or the lag sits on one partition); at most one consumer per partition and, optionally,
 * the smallest count with the same largest share of partitions per consumer (13 consumers on 24
 * partitions drain no faster than 12, so ask for 24 or 12); a scale-up step limit; scale-down only
 * when the lag is under half the SLO, when the largest recommendation in the stabilization window
 * allows it, not too soon after the last change, and by a bounded step; finally the min/max bounds.
 * Up is fast, down is slow: every change of a consumer group's size costs a rebalance.
 *
 * <p>Stateless and thread-safe: the caller passes the recent decisions back in.
 */
public final class ScalingPolicy {

    private static final String PARTITION_CAP = "at most one consumer per partition";
    private static final String EVEN_PARTITIONS = "even division of partitions";
    private static final String UP_STEP = "scale-up step limit";
    private static final String DOWN_STEP = "scale-down step limit";
    private static final String STABILIZATION = "scale-down stabilization window";
    private static final String DRAINING = "lag above half the SLO is still draining";
    private static final String TOO_SOON = "too soon after the last change";
    /**
     * A scale-down needs the fractional need to sit this share of the current count below the next
     * lower count, so a need hovering around a whole number does not flap the group (each change is a
     * rebalance); relative, like the HPA's tolerance, so small groups are not padded by a whole replica.
     */
    static final double DOWN_DEAD_BAND = 0.03;
    private static final String DEAD_BAND = "need within the scale-down dead band";
    /** Samples the trend line is fitted over (one minute at a 15 s scrape). */
    private static final int TREND_SAMPLES = 4;
    static final String TREND = "recent trend";
    private static final String FORECAST_WORSE_THAN_NAIVE = "recent forecast error above the limit relative to the naive forecast";

    /**
     * Options of the policy; {@link #defaults()} suits a Kafka consumer group scraped every 15 s.
     *
     * @param mode                  how to decide
     * @param shadow                compute the predictive decision but apply the reactive one (mode must be PREDICTIVE)
     * @param fixedReplicas         replicas in {@link Mode#FIXED}
     * @param horizon               time from a decision to the new replicas consuming (ready delay + evaluation
     *                              period + telemetry delay); the forecast must cover it and lag drains within it
     * @param targetUtilization     utilisation the forecast and the predictive floor aim at, (0, 1]
     * @param reactiveUtilization   utilisation the reactive rule aims at, (0, 1]
     * @param scaleDownWindow       a scale-down goes no lower than the largest recommendation in this window
     * @param minChangeInterval     no scale-down sooner than this after the last change
     * @param maxDownFraction       a scale-down removes at most this fraction of the replicas (at least one), (0, 1]
     * @param upFactor              a scale-up reaches at most {@code max(current × upFactor, current + upMinPods)}, ≥ 1
     * @param upMinPods             see {@code upFactor}, ≥ 1
     * @param staleAfter            telemetry older than this is stale
     * @param minCapacityConfidence learned capacity below this confidence is not trusted, [0, 1]
     * @param maxForecastError      a forecast whose relative error exceeds this is not trusted, > 0
     * @param evenPartitions        round up to the smallest count with the same largest partitions-per-consumer
     * @param collapseRatio         a replica processing below this fraction of its learned capacity has collapsed, (0, 1)
     * @param collapseSamples       consecutive samples of growing lag needed to say scaling will not help, ≥ 2
     * @param hotPartitionShare     share of the lag on one partition that makes it a hot partition, (0, 1]
     */
    public record Options(
            Mode mode,
            boolean shadow,
            int fixedReplicas,
            Duration horizon,
            double targetUtilization,
            double reactiveUtilization,
            Duration scaleDownWindow,
            Duration minChangeInterval,
            double maxDownFraction,
            double upFactor,
            int upMinPods,
            Duration staleAfter,
            double minCapacityConfidence,
            double maxForecastError,
            boolean evenPartitions,
            double collapseRatio,
            int collapseSamples,
            double hotPartitionShare) {

        /** Validates every field, naming the offending value. */
        public Options {
            if (mode == null) {
                throw new IllegalArgumentException("mode must not be null");
            }
            if (shadow && mode != Mode.PREDICTIVE) {
                throw new IllegalArgumentException("shadow needs mode PREDICTIVE, got " + mode);
            }
            if (fixedReplicas < 0) {
                throw new IllegalArgumentException("fixedReplicas must be >= 0, got " + fixedReplicas);
            }
            requirePositive("horizon", horizon);
            requirePositive("scaleDownWindow", scaleDownWindow);
            requirePositive("minChangeInterval", minChangeInterval);
            requirePositive("staleAfter", staleAfter);
            requireUnit("targetUtilization", targetUtilization);
            requireUnit("reactiveUtilization", reactiveUtilization);
            requireUnit("maxDownFraction", maxDownFraction);
            requireUnit("hotPartitionShare", hotPartitionShare);
            if (!(upFactor >= 1 && Double.isFinite(upFactor)) || upMinPods < 1) {
                throw new IllegalArgumentException("upFactor must be >= 1 and upMinPods >= 1, got " + upFactor + " and " + upMinPods);
            }
            if (!(minCapacityConfidence >= 0 && minCapacityConfidence <= 1)) {
                throw new IllegalArgumentException("minCapacityConfidence must be in [0, 1], got " + minCapacityConfidence);
            }
            if (!(maxForecastError > 0)) {
                throw new IllegalArgumentException("maxForecastError must be > 0, got " + maxForecastError);
            }
            if (!(collapseRatio > 0 && collapseRatio < 1) || collapseSamples < 2) {
                throw new IllegalArgumentException("collapseRatio must be in (0, 1) and collapseSamples >= 2, got "
                        + collapseRatio + " and " + collapseSamples);
            }
        }

        /**
         * Predictive, 90 s horizon (60 s ready delay + 15 s period + scrape delay), 85 % target utilisation
         * (70 % for the reactive rule, as the HPA's usual target), 2 min scale-down window, 1 min between a
         * change and a scale-down, halve at most, double (or +4) at most, 60 s staleness, capacity trusted from
         * 0.3 confidence, forecast trusted up to 1.2× the naive error, even partition division on.
         */
        public static Options defaults() {
            return new Options(Mode.PREDICTIVE, false, 1, Duration.ofSeconds(90), 0.85, 0.7,
                    Duration.ofMinutes(2), Duration.ofMinutes(1), 0.5, 2.0, 4, Duration.ofSeconds(60),
                    0.3, 1.2, true, 0.5, 3, 0.8);
        }

        /**
         * Options derived from how the app scales, for {@link #defaults()}' other settings:
         * <ul>
         *   <li>horizon {@code H = readyDelay + period + telemetryDelay}: the soonest new replicas consume;</li>
         *   <li>target utilisation {@code H ÷ (H + rebalance)}: the spare capacity drains one rebalance's
         *       backlog ({@code rebalance} seconds of arrivals) within one horizon, so each change costs
         *       a bounded, self-healing lag; the forecast band, not this target, covers forecast error;</li>
         *   <li>scale-down window {@code H}: nothing asked for within the time it takes to bring it back is
         *       removed; at least two telemetry periods between a change and a scale-down, so the
         *       change's effect has been measured.</li>
         * </ul>
         */
        public static Options forScaling(Duration readyDelay, Duration period, Duration telemetryDelay,
                                         Duration rebalance) {
            Duration horizon = readyDelay.plus(period).plus(telemetryDelay);
            double h = horizon.toMillis();
            double u = h / (h + Math.max(0, rebalance.toMillis()));
            Options d = defaults();
            return new Options(d.mode(), false, d.fixedReplicas(), horizon, u, d.reactiveUtilization(),
                    horizon, period.multipliedBy(2), d.maxDownFraction(), d.upFactor(), d.upMinPods(),
                    d.staleAfter(), d.minCapacityConfidence(), d.maxForecastError(), d.evenPartitions(),
                    d.collapseRatio(), d.collapseSamples(), d.hotPartitionShare());
        }

        /** A copy in another mode (shadow off). */
        public Options withMode(Mode value) {
            return new Options(value, false, fixedReplicas, horizon, targetUtilization, reactiveUtilization,
                    scaleDownWindow, minChangeInterval, maxDownFraction, upFactor, upMinPods, staleAfter,
                    minCapacityConfidence, maxForecastError, evenPartitions, collapseRatio, collapseSamples,
                    hotPartitionShare);
        }

        /** A copy in predictive mode with shadow on or off. */
        public Options withShadow(boolean value) {
            return new Options(Mode.PREDICTIVE, value, fixedReplicas, horizon, targetUtilization, reactiveUtilization,
                    scaleDownWindow, minChangeInterval, maxDownFraction, upFactor, upMinPods, staleAfter,
                    minCapacityConfidence, maxForecastError, evenPartitions, collapseRatio, collapseSamples,
                    hotPartitionShare);
        }

        /** A copy with another fixed count. */
        public Options withFixedReplicas(int value) {
            return new Options(mode, shadow, value, horizon, targetUtilization, reactiveUtilization,
                    scaleDownWindow, minChangeInterval, maxDownFraction, upFactor, upMinPods, staleAfter,
                    minCapacityConfidence, maxForecastError, evenPartitions, collapseRatio, collapseSamples,
                    hotPartitionShare);
        }

        /** A copy with another horizon. */
        public Options withHorizon(Duration value) {
            return new Options(mode, shadow, fixedReplicas, value, targetUtilization, reactiveUtilization,
                    scaleDownWindow, minChangeInterval, maxDownFraction, upFactor, upMinPods, staleAfter,
                    minCapacityConfidence, maxForecastError, evenPartitions, collapseRatio, collapseSamples,
                    hotPartitionShare);
        }

        /** A copy with even partition division on or off. */
        public Options withEvenPartitions(boolean value) {
            return new Options(mode, shadow, fixedReplicas, horizon, targetUtilization, reactiveUtilization,
                    scaleDownWindow, minChangeInterval, maxDownFraction, upFactor, upMinPods, staleAfter,
                    minCapacityConfidence, maxForecastError, value, collapseRatio, collapseSamples,
                    hotPartitionShare);
        }

        /** A copy with another stabilization window and minimum interval before a scale-down. */
        public Options withScaleDown(Duration window, Duration minInterval) {
            return new Options(mode, shadow, fixedReplicas, horizon, targetUtilization, reactiveUtilization,
                    window, minInterval, maxDownFraction, upFactor, upMinPods, staleAfter,
                    minCapacityConfidence, maxForecastError, evenPartitions, collapseRatio, collapseSamples,
                    hotPartitionShare);
        }

        /** A copy with another predictive target utilisation. */
        public Options withTargetUtilization(double value) {
            return new Options(mode, shadow, fixedReplicas, horizon, value, reactiveUtilization,
                    scaleDownWindow, minChangeInterval, maxDownFraction, upFactor, upMinPods, staleAfter,
                    minCapacityConfidence, maxForecastError, evenPartitions, collapseRatio, collapseSamples,
                    hotPartitionShare);
        }

        private static void requirePositive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
            }
        }

        private static void requireUnit(String name, double v) {
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException(name + " must be in (0, 1], got " + v);
            }
        }
    }

    private final Options options;

    private ScalingPolicy(Options options) {
        this.options = options;
    }

    /** A policy with {@code options}. */
    public static ScalingPolicy create(Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return new ScalingPolicy(options);
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** Decides the replicas for {@code in}. */
    public Decision decide(PolicyInput in) {
        if (options.mode() == Mode.FIXED) {
            return fixed(in);
        }
        if (options.shadow()) {
            Decision applied = evaluate(in, false);
            Decision predictive = evaluate(in, true);
            return new Decision(applied.desiredReplicas(), applied.reason(), Optional.of(predictive));
        }
        return evaluate(in, options.mode() == Mode.PREDICTIVE);
    }

    /** What the caller should remember of a decision made on {@code in}, for later stabilization. */
    public static PastDecision remember(PolicyInput in, Decision decision) {
        double recommended = decision.reason().figures().recommended();
        int rec = Double.isNaN(recommended) ? decision.desiredReplicas() : (int) recommended;
        return new PastDecision(in.now(), rec, in.currentReplicas(), decision.desiredReplicas());
    }

    private Decision fixed(PolicyInput in) {
        int want = options.fixedReplicas();
        int desired = in.bounds().clamp(want);
        Figures f = basicFigures(in, Double.NaN, want);
        if (desired != want) {
            return Decision.of(desired, new Reason(Term.BOUND, desired > want ? "min" : "max", f, false));
        }
        return Decision.of(desired, new Reason(Term.FIXED, "", f, false));
    }

    private Decision evaluate(PolicyInput in, boolean predictive) {
        int current = in.currentReplicas();
        Optional<Sample> latestSample = in.latest();
        double age = latestSample.map(s -> (in.now().toEpochMilli() - s.epochMillis()) / 1000.0).orElse(Double.NaN);
        if (latestSample.isEmpty() || age * 1000 > options.staleAfter().toMillis()) {
            // Hold, and never go below what runs: only the min bound may raise it.
            return Decision.of(Math.max(current, in.bounds().min()),
                    new Reason(Term.STALE_TELEMETRY, "", withAge(basicFigures(in, Double.NaN, current), age), false));
        }
        Sample s = latestSample.get();
        Capacity capacity = in.capacity();
        boolean capacityTrusted = capacity.known() && capacity.perReplicaRate() > 0
                && capacity.confidence() >= options.minCapacityConfidence();
        double mu = capacityTrusted ? capacity.perReplicaRate() : Double.NaN;

        Optional<String> notHelping = scalingWillNotHelp(in, mu);
        if (notHelping.isPresent()) {
            Figures f = basicFigures(in, mu, current);
            return Decision.of(in.bounds().clamp(current),
                    new Reason(Term.SCALING_WILL_NOT_HELP, notHelping.get(), f, true));
        }

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
            trend = trend(in);
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
            // the replicas that consume now, then drain that within one more horizon.
            double consuming = Math.min(in.readyReplicas(), in.partitions() > 0 ? in.partitions() : Integer.MAX_VALUE) * mu;
            double projectedLag = Math.max(0, lag + ((now + ahead) / 2 - consuming) * horizonSeconds);
            if (projectedLag > 0) {
                lagDrain = Math.ceil((ahead + projectedLag / horizonSeconds) / mu - 1e-9);
            }
            need = Math.max(forecastNeed, Sample.measured(arrivals) ? arrivals / (mu * util) : 0);
            if (projectedLag > 0) {
                need = Math.max(need, (ahead + projectedLag / horizonSeconds) / mu);
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
        if (Double.isNaN(recommended)) {
            Figures f = figures(in, mu, forecast, trend, util, forecastReplicas, lagDrain, reactive, current);
            return Decision.of(in.bounds().clamp(current),
                    new Reason(Term.HOLD, "no capacity learned and no utilisation measured", f, false));
        }
        return guard(in, s, term, detail, (int) Math.max(0, recommended), need,
                figures(in, mu, forecast, trend, util, forecastReplicas, lagDrain, reactive, recommended));
    }

    /** Applies the guardrails to {@code recommended}; the reason names the last one that changed it. */
    private Decision guard(PolicyInput in, Sample s, Term term, String detail, int recommended, double need,
                           Figures f) {
        int current = in.currentReplicas();
        int r = recommended;
        Term why = term;
        String whyDetail = detail;
        int p = in.partitions();
        if (p > 0 && r > p) {
            r = p;
            why = Term.GUARDRAIL;
            whyDetail = PARTITION_CAP;
        } else if (p > 0 && options.evenPartitions() && r > 0) {
            int even = evenCount(r, p);
            if (even != r) {
                r = even;
                why = Term.GUARDRAIL;
                whyDetail = EVEN_PARTITIONS;
            }
        }
        f = withRecommended(f, r);
        if (r > current) {
            int limit = (int) Math.max(Math.ceil(current * options.upFactor()), current + options.upMinPods());
            if (r > limit) {
                r = limit;
                why = Term.GUARDRAIL;
                whyDetail = UP_STEP;
            }
        } else if (r < current) {
            double timeLag = Sample.measured(s.lagSeconds()) ? s.lagSeconds() : 0;
            if (timeLag > in.sloSeconds() / 2) {
                return hold(in, f, DRAINING);
            }
            int windowMax = r;
            long windowStart = in.now().toEpochMilli() - options.scaleDownWindow().toMillis();
            Instant lastChange = null;
            for (PastDecision d : in.recentDecisions()) {
                if (d.at().toEpochMilli() > windowStart) {
                    windowMax = Math.max(windowMax, d.recommended());
                }
                if (d.changed()) {
                    lastChange = d.at();
                }
            }
            if (windowMax >= current) {
                return hold(in, f, STABILIZATION);
            }
            if (need > current - 1 - DOWN_DEAD_BAND * current) {
                return hold(in, f, DEAD_BAND);
            }
            if (lastChange != null
                    && in.now().toEpochMilli() - lastChange.toEpochMilli() < options.minChangeInterval().toMillis()) {
                return hold(in, f, TOO_SOON);
            }
            if (windowMax > r) {
                r = windowMax;
                why = Term.GUARDRAIL;
                whyDetail = STABILIZATION;
            }
            int floor = current - Math.max(1, (int) Math.floor(current * options.maxDownFraction()));
            if (r < floor) {
                r = floor;
                why = Term.GUARDRAIL;
                whyDetail = DOWN_STEP;
            }
        }
        int bounded = in.bounds().clamp(r);
        if (bounded != r) {
            return Decision.of(bounded, new Reason(Term.BOUND, bounded > r ? "min" : "max", f, false));
        }
        return Decision.of(r, new Reason(why, whyDetail, f, false));
    }

    private static Decision hold(PolicyInput in, Figures f, String detail) {
        return Decision.of(in.bounds().clamp(in.currentReplicas()), new Reason(Term.HOLD, detail, f, false));
    }

    /** The smallest count with the same largest partitions-per-consumer as {@code replicas}, rounded up. */
    static int evenCount(int replicas, int partitions) {
        if (replicas >= partitions) {
            return partitions;
        }
        int perConsumer = partitions / replicas;
        // replicas consumers hold at most ceil(P/replicas) partitions each; the group drains as fast as
        // P/ceil(P/r) consumers would, so round up to the count that makes ceil(P/r) drop to floor(P/r).
        return (int) Math.ceil((double) partitions / perConsumer);
    }

    private double reactiveReplicas(Sample s, double mu, double util) {
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

    /**
     * Lag that more replicas cannot drain: it grew over the last {@code collapseSamples} samples while
     * busy replicas processed far below their learned capacity (a slow dependency, a poison record), or
     * while it sat on one partition (a hot key), which only one consumer can read.
     */
    private Optional<String> scalingWillNotHelp(PolicyInput in, double mu) {
        List<Sample> recent = in.recent();
        int k = options.collapseSamples();
        if (recent.size() < k + 1) {
            return Optional.empty();
        }
        List<Sample> window = recent.subList(recent.size() - k - 1, recent.size());
        for (int i = 1; i < window.size(); i++) {
            double before = window.get(i - 1).lagRecords();
            double after = window.get(i).lagRecords();
            if (!(Sample.measured(before) && Sample.measured(after) && after > before)) {
                return Optional.empty();
            }
        }
        Sample latest = window.get(window.size() - 1);
        double lag = latest.lagRecords();
        if (in.partitions() >= 2 && in.maxPartitionLagRecords() >= options.hotPartitionShare() * lag && lag > 0) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "lag grew for %d samples to %.0f records and %.0f%% of it sits on one partition, which only one "
                            + "consumer can read", k, lag, 100 * in.maxPartitionLagRecords() / lag));
        }
        if (Double.isNaN(mu)) {
            return Optional.empty();
        }
        double worst = 0;
        for (int i = 1; i < window.size(); i++) {
            Sample s = window.get(i);
            if (!(Sample.measured(s.processedRate()) && Sample.measured(s.readyReplicas()) && s.readyReplicas() >= 1)) {
                return Optional.empty();
            }
            boolean busy = !Sample.measured(s.busyFraction()) || s.busyFraction() >= 0.5;
            double perReplica = s.processedRate() / s.readyReplicas();
            if (!busy || perReplica >= options.collapseRatio() * mu) {
                return Optional.empty();
            }
            worst = Math.max(worst, perReplica);
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "lag grew for %d samples to %.0f records while busy replicas processed at most %.1f/s each, under %.0f%% "
                        + "of their learned %.1f/s (a slow dependency or a stuck record, not a lack of replicas)",
                k, lag, worst, 100 * options.collapseRatio(), mu));
    }

    private Figures basicFigures(PolicyInput in, double mu, double recommended) {
        return figures(in, mu, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, recommended);
    }

    private Figures figures(PolicyInput in, double mu, Forecast forecast, double trend, double util,
                            double forecastReplicas, double lagDrain, double reactive, double recommended) {
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

    private static Figures withRecommended(Figures f, double recommended) {
        return new Figures(f.current(), f.ready(), f.arrivalRate(), f.forecastPoint(), f.forecastUpper(),
                f.forecastError(), f.trendRate(), f.horizonSeconds(), f.perReplicaRate(), f.capacityConfidence(),
                f.targetUtilization(), f.lagRecords(), f.timeLagSeconds(), f.sloSeconds(), f.forecastReplicas(),
                f.lagDrainReplicas(), f.reactiveReplicas(), recommended, f.telemetryAgeSeconds());
    }

    private static Figures withAge(Figures f, double age) {
        return new Figures(f.current(), f.ready(), f.arrivalRate(), f.forecastPoint(), f.forecastUpper(),
                f.forecastError(), f.trendRate(), f.horizonSeconds(), f.perReplicaRate(), f.capacityConfidence(),
                f.targetUtilization(), f.lagRecords(), f.timeLagSeconds(), f.sloSeconds(), f.forecastReplicas(),
                f.lagDrainReplicas(), f.reactiveReplicas(), f.recommended(), age);
    }

    /**
     * The arrival rate's least-squares line over the last {@code TREND_SAMPLES} samples, extrapolated
     * to the end of the horizon; NaN when the trend is not rising or there are too few samples. A load
     * that ramps keeps ramping for a while, and no seasonal profile foresees an unusual ramp.
     */
    private double trend(PolicyInput in) {
        List<Sample> recent = in.recent();
        int n = Math.min(TREND_SAMPLES, recent.size());
        if (n < 3) {
            return Double.NaN;
        }
        List<Sample> window = recent.subList(recent.size() - n, recent.size());
        long t0 = window.get(n - 1).epochMillis();
        double st = 0;
        double sv = 0;
        int used = 0;
        for (Sample s : window) {
            if (Sample.measured(s.arrivalRate())) {
                st += (s.epochMillis() - t0) / 1000.0;
                sv += s.arrivalRate();
                used++;
            }
        }
        if (used < 3) {
            return Double.NaN;
        }
        double mt = st / used;
        double mv = sv / used;
        double stt = 0;
        double stv = 0;
        for (Sample s : window) {
            if (Sample.measured(s.arrivalRate())) {
                double dt = (s.epochMillis() - t0) / 1000.0 - mt;
                stt += dt * dt;
                stv += dt * (s.arrivalRate() - mv);
            }
        }
        if (stt <= 0) {
            return Double.NaN;
        }
        double slope = stv / stt;
        if (slope <= 0) {
            return Double.NaN;
        }
        double ahead = (in.now().toEpochMilli() - t0) / 1000.0 + options.horizon().toMillis() / 1000.0;
        return mv + slope * (ahead - mt);
    }
}
