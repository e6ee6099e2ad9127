package dev.homeostat.ml.policy;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.telemetry.Sample;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given/when/then tests of every term, guardrail and reason of {@link ScalingPolicy}. */
class ScalingPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC);
    private static final long NOW = CLOCK.millis();
    private static final Capacity MU_100 = new Capacity(100, 0.9, 60);

    private final ScalingPolicy predictive = ScalingPolicy.create(ScalingPolicy.Options.defaults());

    /** A sample {@code ageSeconds} old with arrivals, lag, busy fraction and ready replicas. */
    private static Sample sample(long ageSeconds, double arrivals, double lag, double busy, int ready) {
        return Sample.at(NOW - ageSeconds * 1000).arrivalRate(arrivals).processedRate(Math.min(arrivals, ready * 100.0))
                .lagRecords(lag).lagSeconds(arrivals > 0 ? lag / arrivals : 0).busyFraction(busy).readyReplicas(ready)
                .build();
    }

    /** Four samples 15 s apart at a flat rate, the newest 5 s old. */
    private static List<Sample> flat(double arrivals, int ready) {
        List<Sample> out = new ArrayList<>();
        for (int i = 3; i >= 0; i--) {
            out.add(sample(5 + 15L * i, arrivals, 0, Math.min(1, arrivals / (ready * 100.0)), ready));
        }
        return out;
    }

    private static Forecast forecast(double point, double upper, boolean ready, double relativeError) {
        return new Forecast(NOW + 90_000, 95_000, point, point * 0.8, upper, 0.8, "test", false, ready, relativeError);
    }

    private static PolicyInput input(List<Sample> recent, Forecast forecast, int ready, int starting, int partitions,
                                     Bounds bounds, List<PastDecision> decisions) {
        return new PolicyInput(Instant.now(CLOCK), recent, Optional.ofNullable(forecast), MU_100, 10, ready, starting,
                partitions, Double.NaN, bounds, decisions, AnomalyState.NONE);
    }

    private static PolicyInput input(List<Sample> recent, Forecast forecast, int ready) {
        return input(recent, forecast, ready, 0, 0, new Bounds(1, 50), List.of());
    }

    @Test
    void forecastTermProvisionsForTheUpperBandAtTargetUtilisation() {
        // given 500/s now and a forecast peak of 600/s (upper 765/s) over the horizon
        PolicyInput in = input(flat(500, 6), forecast(600, 765, true, 0.7), 6);
        // when
        Decision d = predictive.decide(in);
        // then max(600 / (100 × 0.85), 765 / 100) = 7.65 → 8 replicas, because of the forecast
        assertEquals(8, d.desiredReplicas());
        assertEquals(Term.FORECAST, d.reason().term());
        assertEquals(765, d.reason().figures().forecastUpper());
        assertTrue(d.reason().message().contains("765.0/s"), d.reason().message());
        assertFalse(d.reason().raiseAnomaly());
    }

    @Test
    void risingTrendOutrunsAFlatForecast() {
        // given arrivals rising 300 → 600/s over the last 45 s, a forecast still at 600/s, and 12 replicas, enough
        // that no lag builds before new ones could consume
        List<Sample> recent = new ArrayList<>();
        for (int i = 3; i >= 0; i--) {
            recent.add(sample(5 + 15L * i, 600 - 100 * i, 0, 0.5, 12));
        }
        PolicyInput in = input(recent, forecast(600, 620, true, 0.7), 12);
        // when
        Decision d = predictive.decide(in);
        // then the trend (+6.67/s per s) extrapolated 95 s ahead reaches ~1233/s: ceil(1233 / 85) = 15
        assertEquals(Term.FORECAST, d.reason().term());
        assertEquals(DemandTerms.TREND, d.reason().detail());
        assertEquals(1233.3, d.reason().figures().trendRate(), 0.1);
        assertEquals(15, d.desiredReplicas());
    }

    @Test
    void lagDrainWinsWhenABacklogMustBeWorkedOff() {
        // given 300/s arriving, 3 replicas consuming and 27,000 records of lag (90 s of time-lag)
        List<Sample> recent = List.of(sample(5, 300, 27_000, 1, 3));
        PolicyInput in = input(recent, forecast(300, 330, true, 0.7), 3);
        // when
        Decision d = predictive.decide(in);
        // then the lag, projected 90 s on, drained within two SLOs (20 s) needs ceil((300 + 27000/20) / 100) = 17,
        // which the scale-up step limit cuts to max(3 × 2, 3 + 4) = 7 for this step
        assertEquals(17, d.reason().figures().lagDrainReplicas());
        assertEquals(7, d.desiredReplicas());
        assertEquals(Term.GUARDRAIL, d.reason().term());
        assertEquals("scale-up step limit", d.reason().detail());
    }

    @Test
    void untrainedForecasterHandsOverToTheReactiveRule() {
        // given a forecaster that is not ready
        PolicyInput in = input(flat(500, 6), forecast(500, 700, false, Double.NaN), 6);
        // when
        Decision d = predictive.decide(in);
        // then the reactive rule acts at 70 %: ceil(500 / 70) = 8, and the reason says why
        assertEquals(Term.REACTIVE_FALLBACK, d.reason().term());
        assertEquals("forecaster not trained yet", d.reason().detail());
        assertEquals(8, d.desiredReplicas());
        assertTrue(d.reason().message().contains("not trained"), d.reason().message());
    }

    @Test
    void forecastWorseThanNaiveHandsOverToTheReactiveRule() {
        // given a ready forecaster whose recent error is 1.5× the naive one's
        PolicyInput in = input(flat(500, 6), forecast(500, 700, true, 1.5), 6);
        // when
        Decision d = predictive.decide(in);
        // then
        assertEquals(Term.REACTIVE_FALLBACK, d.reason().term());
        assertEquals(1.5, d.reason().figures().forecastError());
    }

    @Test
    void reactiveModeUsesUtilisationWhenNoCapacityIsLearned() {
        // given reactive mode and no capacity: 4 replicas 90 % busy
        ScalingPolicy reactive = ScalingPolicy.create(ScalingPolicy.Options.defaults().withMode(Mode.REACTIVE));
        PolicyInput in = new PolicyInput(Instant.now(CLOCK), List.of(sample(5, 360, 0, 0.9, 4)), Optional.empty(),
                Capacity.UNKNOWN, 10, 4, 0, 0, Double.NaN, new Bounds(1, 50), List.of(), AnomalyState.NONE);
        // when
        Decision d = reactive.decide(in);
        // then ceil(4 × 0.9 / 0.7) = 6
        assertEquals(Term.REACTIVE, d.reason().term());
        assertEquals(6, d.desiredReplicas());
    }

    @Test
    void staleTelemetryNeverScalesDown() {
        // given the newest sample is 2 minutes old and said the load had vanished
        PolicyInput in = input(List.of(sample(120, 1, 0, 0.01, 10)), forecast(1, 2, true, 0.5), 10);
        // when
        Decision d = predictive.decide(in);
        // then hold 10
        assertEquals(10, d.desiredReplicas());
        assertEquals(Term.STALE_TELEMETRY, d.reason().term());
        assertTrue(d.reason().message().contains("120 s old"), d.reason().message());
    }

    @Test
    void missingTelemetryHoldsToo() {
        // given no sample at all
        PolicyInput in = input(List.of(), null, 3);
        // when
        Decision d = predictive.decide(in);
        // then
        assertEquals(3, d.desiredReplicas());
        assertEquals(Term.STALE_TELEMETRY, d.reason().term());
    }

    @Test
    void atMostOneConsumerPerPartition() {
        // given a forecast that needs 30 replicas on a 24-partition topic
        PolicyInput in = input(flat(2000, 20), forecast(2400, 2550, true, 0.5), 20, 0, 24, new Bounds(1, 50), List.of());
        // when
        Decision d = predictive.decide(in);
        // then
        assertEquals(24, d.desiredReplicas());
        assertEquals(Term.GUARDRAIL, d.reason().term());
        assertEquals("at most one consumer per partition", d.reason().detail());
    }

    @Test
    void evenDivisionOfPartitionsRoundsUp() {
        // given / when / then 7 consumers on 24 partitions drain like 6 (4 partitions for the busiest): ask 8;
        // 13 drain like 12: ask 24; 12 and 6 divide evenly already
        assertEquals(8, Guardrails.evenCount(7, 24));
        assertEquals(24, Guardrails.evenCount(13, 24));
        assertEquals(12, Guardrails.evenCount(12, 24));
        assertEquals(6, Guardrails.evenCount(6, 24));
        // and in a decision: a forecast needing 7 becomes 8 with the guardrail named
        PolicyInput in = input(flat(500, 6), forecast(550, 595, true, 0.5), 6, 0, 24, new Bounds(1, 50), List.of());
        Decision d = predictive.decide(in);
        assertEquals(8, d.desiredReplicas());
        assertEquals("even division of partitions", d.reason().detail());
    }

    @Test
    void scaleUpIsLimitedPerStep() {
        // given 2 replicas and a forecast needing 30
        PolicyInput in = input(flat(150, 2), forecast(2000, 2550, true, 0.5), 2);
        // when
        Decision d = predictive.decide(in);
        // then at most max(2 × 2, 2 + 4) = 6
        assertEquals(6, d.desiredReplicas());
        assertEquals(Term.GUARDRAIL, d.reason().term());
        assertEquals("scale-up step limit", d.reason().detail());
    }

    @Test
    void scaleDownWaitsForTheStabilizationWindow() {
        // given 10 replicas, the load fell to 300/s, and 60 s ago the terms asked for 10
        List<PastDecision> past = List.of(new PastDecision(Instant.ofEpochMilli(NOW - 60_000), 10, 10, 10));
        PolicyInput in = input(flat(300, 10), forecast(300, 330, true, 0.5), 10, 0, 0, new Bounds(1, 50), past);
        // when
        Decision d = predictive.decide(in);
        // then hold
        assertEquals(10, d.desiredReplicas());
        assertEquals(Term.HOLD, d.reason().term());
        assertEquals("scale-down stabilization window", d.reason().detail());
    }

    @Test
    void scaleDownGoesToTheLargestRecentRecommendationAndHalvesAtMost() {
        // given 10 replicas, 60 s ago the terms asked for 7, now for 4
        List<PastDecision> past = List.of(new PastDecision(Instant.ofEpochMilli(NOW - 130_000), 10, 10, 10),
                new PastDecision(Instant.ofEpochMilli(NOW - 60_000), 7, 10, 10));
        PolicyInput in = input(flat(300, 10), forecast(300, 330, true, 0.5), 10, 0, 0, new Bounds(1, 50), past);
        // when
        Decision d = predictive.decide(in);
        // then 7 (the window's largest); with nothing in the window, 10 → 4 is cut to 5 by the step limit
        assertEquals(7, d.desiredReplicas());
        assertEquals("scale-down stabilization window", d.reason().detail());
        PolicyInput quiet = input(flat(300, 10), forecast(300, 330, true, 0.5), 10, 0, 0, new Bounds(1, 50), List.of());
        Decision halved = predictive.decide(quiet);
        assertEquals(5, halved.desiredReplicas());
        assertEquals("scale-down step limit", halved.reason().detail());
    }

    @Test
    void aReactiveFallbackHoldsForTheHorizonNotTheForecastsWindow() {
        // given options as the operator derives them (window one period, 15 s; horizon 80 s), 10 replicas, 300/s
        // now, and 60 s ago the terms asked for 10
        ScalingPolicy derived = ScalingPolicy.create(ScalingPolicy.Options.forScaling(Duration.ofSeconds(60),
                Duration.ofSeconds(15), Duration.ofSeconds(5)));
        List<PastDecision> past = List.of(new PastDecision(Instant.ofEpochMilli(NOW - 60_000), 10, 10, 10));
        PolicyInput untrained = input(flat(300, 10), forecast(300, 330, false, Double.NaN), 10, 0, 0,
                new Bounds(1, 50), past);
        PolicyInput trained = input(flat(300, 10), forecast(300, 330, true, 0.5), 10, 0, 0, new Bounds(1, 50), past);
        // when
        Decision fallback = derived.decide(untrained);
        Decision forecast = derived.decide(trained);
        // then the reactive rule, which does not look ahead, keeps the 10 asked for within the last horizon;
        // the forecast, which covers the horizon ahead, scales down (10 → 5, the step limit)
        assertEquals(10, fallback.desiredReplicas());
        assertEquals(Term.HOLD, fallback.reason().term());
        assertEquals("scale-down stabilization window", fallback.reason().detail());
        assertEquals(5, forecast.desiredReplicas());
        assertEquals("scale-down step limit", forecast.reason().detail());
    }

    @Test
    void noScaleDownSoonAfterAChange() {
        // given a change 30 s ago (outside the 2-minute window is irrelevant: recommended 4 then)
        List<PastDecision> past = List.of(new PastDecision(Instant.ofEpochMilli(NOW - 30_000), 4, 3, 6));
        PolicyInput in = input(flat(300, 6), forecast(300, 330, true, 0.5), 6, 0, 0, new Bounds(1, 50), past);
        // when
        Decision d = predictive.decide(in);
        // then
        assertEquals(6, d.desiredReplicas());
        assertEquals("too soon after the last change", d.reason().detail());
    }

    @Test
    void noScaleDownWhileTheNeedHoversJustBelowTheCurrentCount() {
        // given 10 replicas and a need of 8.8 (forecast upper 880/s): within 3 % × 10 of 9
        PolicyInput in = input(flat(700, 10), forecast(700, 880, true, 0.5), 10);
        // when
        Decision d = predictive.decide(in);
        // then hold rather than flap
        assertEquals(10, d.desiredReplicas());
        assertEquals("need within the scale-down dead band", d.reason().detail());
    }

    @Test
    void noScaleDownWhileLagIsDraining() {
        // given 8 s of time-lag (above half the 10 s SLO) on an over-provisioned group
        PolicyInput in = input(List.of(sample(5, 100, 800, 1, 10)), forecast(100, 110, true, 0.5), 10);
        // when
        Decision d = predictive.decide(in);
        // then
        assertEquals(10, d.desiredReplicas());
        assertEquals(Term.HOLD, d.reason().term());
        assertEquals("lag above half the SLO is still draining", d.reason().detail());
    }

    @Test
    void boundsApplyLast() {
        // given bounds [3, 5]
        PolicyInput low = input(flat(50, 3), forecast(50, 60, true, 0.5), 3, 0, 0, new Bounds(3, 5), List.of());
        PolicyInput high = input(flat(500, 5), forecast(700, 800, true, 0.5), 5, 0, 0, new Bounds(3, 5), List.of());
        // when
        Decision atMin = predictive.decide(low);
        Decision atMax = predictive.decide(high);
        // then
        assertEquals(3, atMin.desiredReplicas());
        assertEquals(5, atMax.desiredReplicas());
        assertEquals(Term.BOUND, atMax.reason().term());
        assertEquals("max", atMax.reason().detail());
        assertTrue(atMax.reason().message().contains("max bound"), atMax.reason().message());
    }

    @Test
    void collapsedThroughputMeansScalingWillNotHelp() {
        // given lag growing for 4 samples while 10 busy replicas process 20/s each (learned: 100/s)
        List<Sample> recent = new ArrayList<>();
        for (int i = 3; i >= 0; i--) {
            recent.add(Sample.at(NOW - 5_000 - 15_000L * i).arrivalRate(800).processedRate(200)
                    .lagRecords(50_000 - 9_000 * i).lagSeconds(60).busyFraction(1).readyReplicas(10).build());
        }
        PolicyInput in = input(recent, forecast(800, 900, true, 0.5), 10);
        // when
        Decision d = predictive.decide(in);
        // then hold 10 instead of scaling to max, and raise an anomaly that says why
        assertEquals(10, d.desiredReplicas());
        assertEquals(Term.SCALING_WILL_NOT_HELP, d.reason().term());
        assertTrue(d.reason().raiseAnomaly());
        assertTrue(d.reason().message().contains("learned 100.0/s"), d.reason().message());
    }

    @Test
    void lagOnOnePartitionMeansScalingWillNotHelp() {
        // given lag growing and 95 % of it on one partition
        List<Sample> recent = new ArrayList<>();
        for (int i = 3; i >= 0; i--) {
            recent.add(sample(5 + 15L * i, 500, 10_000 - 2_000 * i, 0.6, 8));
        }
        PolicyInput in = new PolicyInput(Instant.now(CLOCK), recent, Optional.of(forecast(500, 550, true, 0.5)), MU_100,
                10, 8, 0, 24, 9_500, new Bounds(1, 24), List.of(), AnomalyState.NONE);
        // when
        Decision d = predictive.decide(in);
        // then
        assertEquals(Term.SCALING_WILL_NOT_HELP, d.reason().term());
        assertEquals(8, d.desiredReplicas());
        assertTrue(d.reason().message().contains("one partition"), d.reason().message());
    }

    @Test
    void shadowModeAppliesReactiveAndReportsPredictive() {
        // given shadow mode and a forecast asking for more than the reactive rule
        ScalingPolicy shadow = ScalingPolicy.create(ScalingPolicy.Options.defaults().withShadow(true));
        PolicyInput in = input(flat(350, 5), forecast(600, 765, true, 0.5), 5);
        // when
        Decision d = shadow.decide(in);
        // then reactive ceil(350 / 70) = 5 is applied, predictive 8 is reported alongside
        assertEquals(5, d.desiredReplicas());
        assertEquals(Term.REACTIVE, d.reason().term());
        assertTrue(d.shadow().isPresent());
        assertEquals(8, d.shadow().get().desiredReplicas());
        assertEquals(Term.FORECAST, d.shadow().get().reason().term());
    }

    @Test
    void fixedModeIgnoresTheLoad() {
        // given
        ScalingPolicy fixed = ScalingPolicy.create(ScalingPolicy.Options.defaults().withMode(Mode.FIXED).withFixedReplicas(4));
        // when
        Decision d = fixed.decide(input(flat(2000, 4), null, 4));
        // then
        assertEquals(4, d.desiredReplicas());
        assertEquals(Term.FIXED, d.reason().term());
    }

    @Test
    void anomalyFlagHandsOverToTheReactiveRule() {
        // given an active anomaly
        PolicyInput in = new PolicyInput(Instant.now(CLOCK), flat(500, 6), Optional.of(forecast(500, 600, true, 0.5)),
                MU_100, 10, 6, 0, 0, Double.NaN, new Bounds(1, 50), List.of(),
                new AnomalyState(true, 0.97, "arrival rate spike"));
        // when
        Decision d = predictive.decide(in);
        // then
        assertEquals(Term.REACTIVE_FALLBACK, d.reason().term());
        assertTrue(d.reason().detail().contains("arrival rate spike"));
    }

    @Test
    void optionsDeriveFromHowTheAppScales() {
        // given a 60 s ready delay, 15 s period and 5 s telemetry delay
        ScalingPolicy.Options o = ScalingPolicy.Options.forScaling(Duration.ofSeconds(60), Duration.ofSeconds(15),
                Duration.ofSeconds(5));
        // when / then horizon 80 s, utilisation 1 (rebalance backlogs are drained on demand), window one period
        // (the forecast covers the horizon ahead), one period between a change and a scale-down
        assertEquals(Duration.ofSeconds(80), o.horizon());
        assertEquals(1.0, o.targetUtilization(), 1e-12);
        assertEquals(Duration.ofSeconds(15), o.scaleDownWindow());
        assertEquals(Duration.ofSeconds(15), o.minChangeInterval());
    }

    @Test
    void invalidOptionsAndInputsAreRejectedWithTheirValues() {
        // given / when / then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalingPolicy.Options.defaults().withTargetUtilization(1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Bounds(5, 2));
        assertThrows(IllegalArgumentException.class,
                () -> ScalingPolicy.Options.defaults().withMode(Mode.REACTIVE).withShadow(true).withMode(Mode.FIXED)
                        .withShadow(false).withHorizon(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PolicyInput(Instant.now(CLOCK), List.of(),
                Optional.empty(), MU_100, 0, 1, 0, 0, Double.NaN, new Bounds(1, 2), List.of(), AnomalyState.NONE));
    }

    @Test
    void rememberedDecisionsCarryTheRecommendation() {
        // given
        PolicyInput in = input(flat(500, 6), forecast(600, 765, true, 0.7), 6);
        Decision d = predictive.decide(in);
        // when
        PastDecision past = ScalingPolicy.remember(in, d);
        // then
        assertEquals(8, past.recommended());
        assertEquals(6, past.before());
        assertEquals(8, past.desired());
        assertTrue(past.changed());
        assertFalse(d.reason().figures().asMap().isEmpty());
    }
}
