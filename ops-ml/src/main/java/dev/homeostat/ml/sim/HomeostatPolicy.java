package dev.homeostat.ml.sim;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.capacity.CapacityEstimator;
import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.forecast.SeasonalForecaster;
import dev.homeostat.ml.policy.AnomalyState;
import dev.homeostat.ml.policy.Bounds;
import dev.homeostat.ml.policy.Decision;
import dev.homeostat.ml.policy.PastDecision;
import dev.homeostat.ml.policy.PolicyInput;
import dev.homeostat.ml.policy.ScalingPolicy;
import dev.homeostat.ml.telemetry.Sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs Homeostat's own {@link ScalingPolicy} (the class written for the operator's scaler loop) in the simulator: it feeds
 * each telemetry sample to a {@link SeasonalForecaster} of the arrival rate and to a
 * {@link CapacityEstimator}, builds the {@link PolicyInput} the operator would build, and keeps the
 * recent decisions for the policy's stabilization. Nothing here looks ahead: the forecaster sees the
 * samples as they arrive. Its seasons are a day and a week of the trace, i.e. divided by the clock
 * compression, since those are the periods the compressed load repeats with.
 */
final class HomeostatPolicy implements AutoscalePolicy {

    static final int PERIOD_SECONDS = 15;
    /** Recent samples kept for the "scaling will not help" detector. */
    private static final int RECENT_SAMPLES = 8;
    /** Capacity estimate refresh: every this many samples (its median moves slowly; sorting each time costs). */
    private static final int CAPACITY_REFRESH = 8;

    private final ScalingPolicy policy;
    private final SeasonalForecaster forecaster;
    private final CapacityEstimator capacity = CapacityEstimator.create(CapacityEstimator.Options.defaults());
    private final ArrayDeque<Sample> recent = new ArrayDeque<>();
    private final ArrayDeque<PastDecision> decisions = new ArrayDeque<>();
    private final long horizonMillis;
    private final long keepDecisionsMillis;
    private final Bounds bounds;
    private final SimOptions options;
    private Capacity capacityEstimate = Capacity.UNKNOWN;
    private long samplesSeen;
    private long lastSample = Long.MIN_VALUE;

    private final DecisionListener listener;

    HomeostatPolicy(SimContext context, ScalingPolicy.Options base) {
        this(context, base, ScalingPolicy.Options.FORECAST_COVERAGE, (second, d) -> { });
    }

    /** With a forecast band of another coverage and a listener that sees every decision (diagnostics, tests). */
    HomeostatPolicy(SimContext context, ScalingPolicy.Options base, double coverage, DecisionListener listener) {
        this.listener = listener;
        this.options = context.options();
        Duration horizon = Duration.ofSeconds(options.readyDelaySeconds() + PERIOD_SECONDS + options.telemetryDelaySeconds());
        this.policy = ScalingPolicy.create(base.withHorizon(horizon).withEvenPartitions(options.rangeAssignment()));
        this.horizonMillis = horizon.toMillis();
        // A reactive fallback's window is at least the horizon (Guardrails), so keep that much as well.
        this.keepDecisionsMillis = Math.max(horizonMillis,
                Math.max(base.scaleDownWindow().toMillis(), base.minChangeInterval().toMillis()));
        Duration step = Duration.ofSeconds(options.telemetrySeconds());
        Duration day = Duration.ofMillis((long) (Duration.ofDays(1).toMillis() / options.compress()));
        Duration week = Duration.ofMillis((long) (Duration.ofDays(7).toMillis() / options.compress()));
        this.forecaster = SeasonalForecaster.create(SeasonalForecaster.Options.defaults()
                .withStep(step)
                .withHorizon(horizon.compareTo(step.multipliedBy(2)) < 0 ? step.multipliedBy(2) : horizon)
                .withSeasons(day, week)
                .withCoverage(coverage));
        this.bounds = new Bounds(Math.max(1, options.minReplicas()), options.maxReplicas());
    }

    /** The policy as the operator would configure it for this app: {@link ScalingPolicy.Options#forScaling}. */
    static HomeostatPolicy withDefaults(SimContext context) {
        return new HomeostatPolicy(context, optionsFor(context.options()));
    }

    /** {@link ScalingPolicy.Options#forScaling} for the simulated app's ready delay and periods. */
    static ScalingPolicy.Options optionsFor(SimOptions o) {
        return ScalingPolicy.Options.forScaling(Duration.ofSeconds(o.readyDelaySeconds()),
                Duration.ofSeconds(PERIOD_SECONDS), Duration.ofSeconds(o.telemetryDelaySeconds()));
    }

    /** Sees each decision with the simulated second it was made at. */
    @FunctionalInterface
    interface DecisionListener {
        /** Called once per decision. */
        void decided(int second, Decision decision);
    }

    @Override
    public int periodSeconds() {
        return PERIOD_SECONDS;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        Sample s = view.latest();
        if (s != null && s.epochMillis() != lastSample) {
            lastSample = s.epochMillis();
            forecaster.observe(s.epochMillis(), s.arrivalRate());
            capacity.observe(s);
            if (samplesSeen++ % CAPACITY_REFRESH == 0) {
                capacityEstimate = capacity.estimate();
            }
            recent.addLast(s);
            if (recent.size() > RECENT_SAMPLES) {
                recent.removeFirst();
            }
        }
        long now = view.epochMillis();
        while (!decisions.isEmpty() && decisions.peekFirst().at().toEpochMilli() < now - keepDecisionsMillis) {
            decisions.removeFirst();
        }
        Optional<Forecast> forecast = forecaster.observations() > 0
                ? Optional.of(forecaster.peak(now, now + horizonMillis)) : Optional.empty();
        PolicyInput input = new PolicyInput(Instant.ofEpochMilli(now), new ArrayList<>(recent), forecast,
                capacityEstimate, options.sloSeconds(), view.ready(), view.starting(), options.partitions(),
                view.latestMaxPartitionLag(), bounds, List.copyOf(decisions), AnomalyState.NONE);
        Decision decision = policy.decide(input);
        decisions.addLast(ScalingPolicy.remember(input, decision));
        listener.decided(view.second(), decision);
        return decision.desiredReplicas();
    }
}
