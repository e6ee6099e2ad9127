package dev.homeostat.ml.policy;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.telemetry.Sample;

import java.time.Duration;
import java.util.Optional;

/**
 * Homeostat's scaling policy: a pure function from a {@link PolicyInput} to a {@link Decision} with
 * its {@link Reason}: the operator's scaler loop calls it on every evaluation of an app (through its
 * {@code AppEvaluator}), and the autoscaling benchmark runs the very same class.
 *
 * <p><b>Terms.</b> With learned per-replica capacity {@code μ} and target utilisation {@code u}: the
 * <i>forecast</i> term provisions {@code ceil(max(point ÷ (μ·u), upper ÷ μ, trend ÷ (μ·u)))} for the
 * forecast peak over the horizon (the band covers forecast error, so its upper end is provisioned at
 * full utilisation; the trend is the last minute's rising line extrapolated to the horizon's end, or the
 * last step's slope when that step is far steeper than the recent ones, see {@link RampOnset}), the
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
 * <p><b>Classes</b>, one job each (as the Flink autoscaler splits its options, metric evaluation and vertex
 * scaling): {@link Options} (with its {@link Options.Builder}) holds the settings; {@link StuckLagDetector}
 * recognises lag that scaling will not drain; {@link DemandTerms} computes the three terms (with
 * {@link TrendFit} for the recent trend); {@link Guardrails} bounds what they ask for; {@link DecisionFigures}
 * records the numbers behind it. This class only sequences them.
 *
 * <p>Stateless and thread-safe: the caller passes the recent decisions back in.
 */
public final class ScalingPolicy {

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

        /**
         * Coverage of the forecast band the policy provisions the upper end of at full utilisation; build the
         * forecaster that feeds it with this coverage. A central 50 % band (its upper end is the 75th
         * percentile): the time-lag SLO lets the queue absorb a short shortfall, and a sustained rise is met
         * by the trend, ramp-onset and lag-drain terms, so a wider band only pays for idle replicas (measured
         * in docs/benchmarks.md, "Autoscaling simulator": 0.5, 0.6 and 0.8 on the shared traces).
         */
        public static final double FORECAST_COVERAGE = 0.5;

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
         *   <li>target utilisation 1: the forecast band, not this target, covers forecast error, and the
         *       backlog a rebalance leaves ({@code rebalance} seconds of arrivals) is drained on demand by the
         *       lag-drain term within two SLOs, so no spare capacity is held for it at all times (it was
         *       {@code H ÷ (H + rebalance)}, 0.94 for a 5 s rebalance; measured on the shared traces,
         *       docs/benchmarks.md);</li>
         *   <li>scale-down window of one period, and one period between a change and a scale-down: the
         *       forecast term already provisions for the peak of the whole horizon ahead, and a backlog left by
         *       scaling down too early is drained within two SLOs by the lag-drain term, so holding replicas
         *       for the past only costs (a window of {@code H} held them for the horizon behind as well, 15 %
         *       of the cost above the offline optimum on the ELB trace; one period against two was chosen on
         *       the shared traces, docs/benchmarks.md). In {@link Mode#REACTIVE}, which does not look
         *       ahead, give it a longer window ({@link #withScaleDown}).</li>
         * </ul>
         */
        public static Options forScaling(Duration readyDelay, Duration period, Duration telemetryDelay) {
            Duration horizon = readyDelay.plus(period).plus(telemetryDelay);
            return defaults().toBuilder().horizon(horizon).targetUtilization(1.0)
                    .scaleDownWindow(period).minChangeInterval(period).build();
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder builder() {
            return defaults().toBuilder();
        }

        /** A builder starting from these options. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** A copy in another mode (shadow off). */
        public Options withMode(Mode value) {
            return toBuilder().mode(value).shadow(false).build();
        }

        /** A copy in predictive mode with shadow on or off. */
        public Options withShadow(boolean value) {
            return toBuilder().mode(Mode.PREDICTIVE).shadow(value).build();
        }

        /** A copy with another fixed count. */
        public Options withFixedReplicas(int value) {
            return toBuilder().fixedReplicas(value).build();
        }

        /** A copy with another horizon. */
        public Options withHorizon(Duration value) {
            return toBuilder().horizon(value).build();
        }

        /** A copy with even partition division on or off. */
        public Options withEvenPartitions(boolean value) {
            return toBuilder().evenPartitions(value).build();
        }

        /** A copy with another stabilization window and minimum interval before a scale-down. */
        public Options withScaleDown(Duration window, Duration minInterval) {
            return toBuilder().scaleDownWindow(window).minChangeInterval(minInterval).build();
        }

        /** A copy with another predictive target utilisation. */
        public Options withTargetUtilization(double value) {
            return toBuilder().targetUtilization(value).build();
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
    

        /** Builds {@link Options} by name; {@link #build()} validates. */
        public static final class Builder {
            private Mode mode;
            private boolean shadow;
            private int fixedReplicas;
            private Duration horizon;
            private double targetUtilization;
            private double reactiveUtilization;
            private Duration scaleDownWindow;
            private Duration minChangeInterval;
            private double maxDownFraction;
            private double upFactor;
            private int upMinPods;
            private Duration staleAfter;
            private double minCapacityConfidence;
            private double maxForecastError;
            private boolean evenPartitions;
            private double collapseRatio;
            private int collapseSamples;
            private double hotPartitionShare;

            private Builder(Options from) {
                mode = from.mode();
                shadow = from.shadow();
                fixedReplicas = from.fixedReplicas();
                horizon = from.horizon();
                targetUtilization = from.targetUtilization();
                reactiveUtilization = from.reactiveUtilization();
                scaleDownWindow = from.scaleDownWindow();
                minChangeInterval = from.minChangeInterval();
                maxDownFraction = from.maxDownFraction();
                upFactor = from.upFactor();
                upMinPods = from.upMinPods();
                staleAfter = from.staleAfter();
                minCapacityConfidence = from.minCapacityConfidence();
                maxForecastError = from.maxForecastError();
                evenPartitions = from.evenPartitions();
                collapseRatio = from.collapseRatio();
                collapseSamples = from.collapseSamples();
                hotPartitionShare = from.hotPartitionShare();
            }

            /** Sets {@link Options#mode()}. */
            public Builder mode(Mode value) {
                mode = value;
                return this;
            }

            /** Sets {@link Options#shadow()}. */
            public Builder shadow(boolean value) {
                shadow = value;
                return this;
            }

            /** Sets {@link Options#fixedReplicas()}. */
            public Builder fixedReplicas(int value) {
                fixedReplicas = value;
                return this;
            }

            /** Sets {@link Options#horizon()}. */
            public Builder horizon(Duration value) {
                horizon = value;
                return this;
            }

            /** Sets {@link Options#targetUtilization()}. */
            public Builder targetUtilization(double value) {
                targetUtilization = value;
                return this;
            }

            /** Sets {@link Options#reactiveUtilization()}. */
            public Builder reactiveUtilization(double value) {
                reactiveUtilization = value;
                return this;
            }

            /** Sets {@link Options#scaleDownWindow()}. */
            public Builder scaleDownWindow(Duration value) {
                scaleDownWindow = value;
                return this;
            }

            /** Sets {@link Options#minChangeInterval()}. */
            public Builder minChangeInterval(Duration value) {
                minChangeInterval = value;
                return this;
            }

            /** Sets {@link Options#maxDownFraction()}. */
            public Builder maxDownFraction(double value) {
                maxDownFraction = value;
                return this;
            }

            /** Sets {@link Options#upFactor()}. */
            public Builder upFactor(double value) {
                upFactor = value;
                return this;
            }

            /** Sets {@link Options#upMinPods()}. */
            public Builder upMinPods(int value) {
                upMinPods = value;
                return this;
            }

            /** Sets {@link Options#staleAfter()}. */
            public Builder staleAfter(Duration value) {
                staleAfter = value;
                return this;
            }

            /** Sets {@link Options#minCapacityConfidence()}. */
            public Builder minCapacityConfidence(double value) {
                minCapacityConfidence = value;
                return this;
            }

            /** Sets {@link Options#maxForecastError()}. */
            public Builder maxForecastError(double value) {
                maxForecastError = value;
                return this;
            }

            /** Sets {@link Options#evenPartitions()}. */
            public Builder evenPartitions(boolean value) {
                evenPartitions = value;
                return this;
            }

            /** Sets {@link Options#collapseRatio()}. */
            public Builder collapseRatio(double value) {
                collapseRatio = value;
                return this;
            }

            /** Sets {@link Options#collapseSamples()}. */
            public Builder collapseSamples(int value) {
                collapseSamples = value;
                return this;
            }

            /** Sets {@link Options#hotPartitionShare()}. */
            public Builder hotPartitionShare(double value) {
                hotPartitionShare = value;
                return this;
            }

            /** The options, validated. */
            public Options build() {
                return new Options(mode, shadow, fixedReplicas, horizon, targetUtilization, reactiveUtilization, scaleDownWindow, minChangeInterval, maxDownFraction, upFactor, upMinPods, staleAfter, minCapacityConfidence, maxForecastError, evenPartitions, collapseRatio, collapseSamples, hotPartitionShare);
            }
        }
    }

    private final Options options;
    private final StuckLagDetector stuckLag;
    private final DemandTerms demand;
    private final Guardrails guardrails;

    private ScalingPolicy(Options options) {
        this.options = options;
        this.stuckLag = new StuckLagDetector(options);
        this.demand = new DemandTerms(options);
        this.guardrails = new Guardrails(options);
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
        Figures f = DecisionFigures.basic(in, options, Double.NaN, want);
        if (desired != want) {
            return Decision.of(desired, new Reason(Term.BOUND, desired > want ? "min" : "max", f, false));
        }
        return Decision.of(desired, new Reason(Term.FIXED, "", f, false));
    }

    /** Stale telemetry, then stuck lag, then the demand terms, then the guardrails. */
    private Decision evaluate(PolicyInput in, boolean predictive) {
        int current = in.currentReplicas();
        Optional<Sample> latestSample = in.latest();
        double age = latestSample.map(s -> (in.now().toEpochMilli() - s.epochMillis()) / 1000.0).orElse(Double.NaN);
        if (latestSample.isEmpty() || age * 1000 > options.staleAfter().toMillis()) {
            // Hold, and never go below what runs: only the min bound may raise it.
            return Decision.of(Math.max(current, in.bounds().min()), new Reason(Term.STALE_TELEMETRY, "",
                    DecisionFigures.withAge(DecisionFigures.basic(in, options, Double.NaN, current), age), false));
        }
        Sample s = latestSample.get();
        Capacity capacity = in.capacity();
        boolean capacityTrusted = capacity.known() && capacity.perReplicaRate() > 0
                && capacity.confidence() >= options.minCapacityConfidence();
        double mu = capacityTrusted ? capacity.perReplicaRate() : Double.NaN;

        Optional<String> notHelping = stuckLag.whyScalingWillNotHelp(in, mu);
        if (notHelping.isPresent()) {
            Figures f = DecisionFigures.basic(in, options, mu, current);
            return Decision.of(in.bounds().clamp(current),
                    new Reason(Term.SCALING_WILL_NOT_HELP, notHelping.get(), f, true));
        }
        DemandTerms.Demand d = demand.assess(in, s, mu, capacityTrusted, predictive);
        if (Double.isNaN(d.recommended())) {
            return Guardrails.hold(in, d.figures(), "no capacity learned and no utilisation measured");
        }
        return guardrails.apply(in, s, d.term(), d.detail(), (int) Math.max(0, d.recommended()), d.need(),
                d.figures());
    }
}
