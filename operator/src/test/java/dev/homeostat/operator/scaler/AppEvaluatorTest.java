package dev.homeostat.operator.scaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.ml.policy.Term;
import dev.homeostat.ml.telemetry.Sample;
import dev.homeostat.operator.api.KafkaSpec;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.StreamAppScaling;
import dev.homeostat.operator.api.StreamAppSlo;
import dev.homeostat.operator.api.StreamAppSpec;
import dev.homeostat.operator.api.WorkloadStatus;
import dev.homeostat.operator.telemetry.SourceHealth;
import dev.homeostat.operator.telemetry.TelemetryReading;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One evaluation without a cluster: the operator's rules around the ops-ml policy. */
class AppEvaluatorTest {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    static final Duration STEP = Duration.ofSeconds(15);
    final ScalerSettings settings = new ScalerSettings(STEP, Duration.ofSeconds(60), 120);
    final AppEvaluator evaluator = new AppEvaluator(settings);

    @Test
    void idleButIncompleteTelemetryNeverScalesDown() {
        // given a Reactive app at 4 replicas that learned its capacity while busy
        StreamApp app = app(ScalingMode.Reactive, false, 4);
        AppModels models = AppModels.fresh("t/a", settings, 64, 0.99);
        Instant now = warm(app, models, 4, 300);

        // when load vanishes but the pods' metrics are missing this round
        Sample idle = Sample.at(now.toEpochMilli()).arrivalRate(0).lagRecords(0).lagSeconds(0).build();
        Evaluation e = evaluator.evaluate(app, models, reading(idle, false), null, now);

        // then the policy may ask for fewer, but the count is held and the reason recorded
        assertEquals(4, e.to());
        assertTrue(e.missing().startsWith("pods: "), e.missing());
        assertFalse(e.applies());
    }

    @Test
    void aFailedCollectionHoldsAndSaysWhy() {
        StreamApp app = app(ScalingMode.Reactive, false, 3);
        AppModels models = AppModels.fresh("t/a", settings, 64, 0.99);
        Evaluation e = evaluator.evaluate(app, models, null, new IllegalStateException("broker unreachable"), T0);
        assertEquals(3, e.to());
        assertEquals("telemetry collection failed: broker unreachable", e.missing());
        assertEquals(Term.STALE_TELEMETRY, e.decision().orElseThrow().reason().term());
    }

    @Test
    void shadowDecidesButDoesNotApplyAndFixedDoesNotDecide() {
        StreamApp shadow = app(ScalingMode.Reactive, true, 1);
        AppModels models = AppModels.fresh("t/s", settings, 64, 0.99);
        Instant now = warm(shadow, models, 1, 90);
        Sample heavy = Sample.at(now.toEpochMilli()).arrivalRate(400).processedRate(100).busyFraction(1.0)
                .readyReplicas(1).lagRecords(5000).lagSeconds(12).build();
        Evaluation e = evaluator.evaluate(shadow, models, reading(heavy, true), null, now);
        assertTrue(e.to() > 1, "the shadow decision asks for more: " + e.to());
        assertFalse(e.applies(), "shadow mode never applies");

        StreamApp fixed = app(ScalingMode.Fixed, false, 2);
        Evaluation f = evaluator.evaluate(fixed, AppModels.fresh("t/f", settings, 64, 0.99), reading(heavy, true), null, now);
        assertTrue(f.decision().isEmpty());
        assertEquals(2, f.to());
        assertFalse(f.applies());
    }

    @Test
    void deadLetteredRecordsRaisePoisonRecordsAndAddNoReplica() {
        // given a Reactive app at 2 replicas, keeping up, that failed no record for 20 rounds
        StreamApp app = app(ScalingMode.Reactive, false, 2);
        AppModels models = AppModels.fresh("t/p", settings, 64, 0.99);
        Instant t = T0;
        for (int i = 0; i < 20; i++, t = t.plus(STEP)) {
            evaluator.evaluate(app, models, reading(steady(t, 0.0), true), null, t);
        }

        // when 50 malformed records are dead-lettered within one round (homeostat_errors_total grew by 50)
        Evaluation e = evaluator.evaluate(app, models, reading(steady(t, 50.0 / STEP.toSeconds()), true), null, t);

        // then the error_rate signal is flagged, the status says scaling will not help, and the count is unchanged
        var finding = e.anomaly().orElseThrow();
        assertEquals(AnomalyWatch.ERROR_RATE, finding.signal());
        assertTrue(finding.score() >= 0.99, "score " + finding.score());
        assertTrue(finding.detail().startsWith("50 records failed"), finding.detail());
        assertTrue(e.anomalyScores().get(AnomalyWatch.ERROR_RATE) >= 0.99);
        assertEquals(2, e.to());
        assertFalse(models.anomalies().state().active(), "failed records are not handed to the policy as an anomaly");
        var words = StatusWords.latest(e, 0.99, Duration.ofMinutes(30), 120);
        assertEquals(StatusWords.POISON_RECORDS, words.anomalyReason());
        assertTrue(words.anomalyMessage().contains("signal error_rate") && words.anomalyMessage().contains("Scaling will not help"),
                words.anomalyMessage());

        // and it stays reported for the hold time after the last failure, then clears
        Instant cleared = t.plus(AnomalyWatch.FAILURE_HOLD).plus(STEP);
        for (t = t.plus(STEP); !t.isAfter(cleared); t = t.plus(STEP)) {
            e = evaluator.evaluate(app, models, reading(steady(t, 0.0), true), null, t);
            boolean held = !t.isAfter(cleared.minus(STEP));
            assertEquals(held, e.anomaly().isPresent(), "at " + t);
            assertEquals(2, e.to(), "no replica added at " + t);
        }
    }

    /** A sample of an app keeping up with 200 records/s on 2 replicas that failed {@code errors} records/s. */
    private static Sample steady(Instant t, double errors) {
        return Sample.at(t.toEpochMilli()).arrivalRate(200).processedRate(200).busyFraction(0.5).readyReplicas(2)
                .lagRecords(10).lagSeconds(0.05).errors(errors).build();
    }

    /** Feeds 20 complete samples of a busy app at {@code rate} records/s on {@code replicas}; returns the next time. */
    private Instant warm(StreamApp app, AppModels models, int replicas, double rate) {
        Instant t = T0;
        for (int i = 0; i < 20; i++) {
            Sample s = Sample.at(t.toEpochMilli()).arrivalRate(rate).processedRate(rate)
                    .busyFraction(Math.min(1, rate / replicas / 100.0)).readyReplicas(replicas)
                    .lagRecords(10).lagSeconds(0.05).build();
            evaluator.evaluate(app, models, reading(s, true), null, t);
            t = t.plus(STEP);
        }
        return t;
    }

    static TelemetryReading reading(Sample sample, boolean podsOk) {
        return new TelemetryReading(sample, 12, 1, Double.NaN, Double.NaN, 0, List.of(
                new SourceHealth("pods", podsOk, podsOk ? "" : "no pod answered", podsOk ? 0 : 1),
                new SourceHealth("kafka", true, "", 0)));
    }

    static StreamApp app(ScalingMode mode, boolean shadow, int replicas) {
        StreamApp app = new StreamApp();
        app.setMetadata(new ObjectMetaBuilder().withName("a").withNamespace("t").withGeneration(1L).build());
        StreamAppSpec spec = new StreamAppSpec();
        spec.setImage("x");
        spec.setReplicas(replicas);
        spec.setMinReplicas(1);
        spec.setMaxReplicas(10);
        KafkaSpec kafka = new KafkaSpec();
        kafka.setBootstrapServers("127.0.0.1:1");
        kafka.setInputTopics(List.of("in"));
        kafka.setConsumerGroup("g");
        spec.setKafka(kafka);
        StreamAppScaling scaling = new StreamAppScaling();
        scaling.setMode(mode);
        scaling.setShadow(shadow);
        StreamAppSlo slo = new StreamAppSlo();
        slo.setMaxLagSeconds(10.0);
        scaling.setSlo(slo);
        spec.setScaling(scaling);
        app.setSpec(spec);
        WorkloadStatus status = new WorkloadStatus();
        status.setReadyReplicas(replicas);
        app.setStatus(status);
        return app;
    }
}
