package dev.homeostat.apps.fraud.scoring;

import dev.homeostat.apps.fraud.features.FeatureExtractor;
import dev.homeostat.apps.fraud.generator.GeneratedPayment;
import dev.homeostat.apps.fraud.generator.PaymentGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules until the first model, model swaps, and labels that never score their own payment. */
class ModelTrainingTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final ForestScorer.Options SMALL = new ForestScorer.Options(20, 8, 3, 100, 10, 10, 7);

    /** Runs {@code count} generated payments through an engine; returns the last payment time. */
    private static Instant feed(FraudEngine engine, PaymentGenerator generator, int count) {
        Instant last = START;
        for (int i = 0; i < count; i++) {
            GeneratedPayment g = generator.next();
            engine.assess(g.payment());
            last = g.payment().timestamp();
        }
        return last;
    }

    @Test
    void rulesScoreUntilTheFirstModelIsTrainedThenTheModelDoes() {
        // given an engine fed with 8,000 labelled payments
        ActiveScorer active = new ActiveScorer();
        TrainingWindow window = new TrainingWindow(20_000, Duration.ofHours(2));
        FraudEngine engine = new FraudEngine(new FeatureExtractor(10_000), active, window);
        Instant last = feed(engine, new PaymentGenerator(PaymentGenerator.Options.defaults(3, START)), 8_000);
        assertEquals(RuleBasedScorer.NAME, active.current().name());
        // when
        var trainer = new ModelTrainer(window, active, SMALL, Clock.fixed(last, ZoneOffset.UTC));
        ModelTrainer.Outcome outcome = trainer.trainNow();
        // then
        var trained = assertInstanceOf(ModelTrainer.Trained.class, outcome);
        assertEquals("model-v1", active.current().name());
        assertEquals(1, trained.model().version());
        assertEquals(8_000, trained.model().examples());
        assertInstanceOf(ModelTrainer.Trained.class, trainer.trainNow());
        assertEquals("model-v2", active.current().name());
    }

    @Test
    void aModelScoresInjectedFraudAboveLegitimatePayments() {
        // given a model trained on one stream
        ActiveScorer active = new ActiveScorer();
        TrainingWindow window = new TrainingWindow(20_000, Duration.ofHours(2));
        FraudEngine engine = new FraudEngine(new FeatureExtractor(10_000), active, window);
        PaymentGenerator generator = new PaymentGenerator(PaymentGenerator.Options.defaults(5, START));
        Instant last = feed(engine, generator, 10_000);
        new ModelTrainer(window, active, SMALL, Clock.fixed(last, ZoneOffset.UTC)).trainNow();
        // when the following payments are scored without their labels
        double fraudSum = 0;
        double legitSum = 0;
        int frauds = 0;
        int legit = 0;
        for (GeneratedPayment g : generator.next(3_000)) {
            double score = engine.assess(g.payment().withoutLabel()).assessment().score();
            if (g.fraud()) {
                fraudSum += score;
                frauds++;
            } else {
                legitSum += score;
                legit++;
            }
        }
        // then
        assertTrue(frauds > 10, "the held-out part should hold fraud, had " + frauds);
        assertTrue(fraudSum / frauds > 0.5, "mean fraud score " + fraudSum / frauds);
        assertTrue(legitSum / legit < 0.1, "mean legitimate score " + legitSum / legit);
    }

    @Test
    void aPaymentsOwnLabelDoesNotChangeItsScore() {
        // given two engines with the same history and the same trained model
        PaymentGenerator.Options options = PaymentGenerator.Options.defaults(9, START);
        ActiveScorer active = new ActiveScorer();
        TrainingWindow window = new TrainingWindow(20_000, Duration.ofHours(2));
        FraudEngine labelled = new FraudEngine(new FeatureExtractor(10_000), active, window);
        FraudEngine unlabelled = new FraudEngine(new FeatureExtractor(10_000), active,
                new TrainingWindow(20_000, Duration.ofHours(2)));
        PaymentGenerator a = new PaymentGenerator(options);
        PaymentGenerator b = new PaymentGenerator(options);
        Instant last = feed(labelled, a, 6_000);
        feed(unlabelled, b, 6_000);
        new ModelTrainer(window, active, SMALL, Clock.fixed(last, ZoneOffset.UTC)).trainNow();
        // when the same payments are scored with and without their labels
        for (int i = 0; i < 500; i++) {
            GeneratedPayment withLabel = a.next();
            GeneratedPayment same = b.next();
            double scored = labelled.assess(withLabel.payment()).assessment().score();
            double blind = unlabelled.assess(same.payment().withoutLabel()).assessment().score();
            // then
            assertEquals(blind, scored, "payment " + withLabel.payment().id());
        }
    }

    @Test
    void noModelWithoutEnoughFreshFraud() {
        // given only legitimate examples
        TrainingWindow window = new TrainingWindow(1_000, Duration.ofHours(1));
        for (int i = 0; i < 500; i++) {
            window.add(new LabelledExample(new double[FeatureExtractor.NAMES.size()], false, START));
        }
        ActiveScorer active = new ActiveScorer();
        // when
        var outcome = new ModelTrainer(window, active, SMALL, Clock.fixed(START, ZoneOffset.UTC)).trainNow();
        // then
        var skipped = assertInstanceOf(ModelTrainer.Skipped.class, outcome);
        assertTrue(skipped.reason().contains("0 frauds"), skipped.reason());
        assertEquals(RuleBasedScorer.NAME, active.current().name());
    }

    @Test
    void optionsNameTheBadValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ForestScorer.Options(0, 8, 3, 100, 10, 10, 1));
        assertTrue(e.getMessage().contains("trees=0"), e.getMessage());
    }

    @Test
    void rulesFlagACardTestingBurst() {
        // given features of a small payment after three small probes
        double[] x = new double[FeatureExtractor.NAMES.size()];
        x[FeatureExtractor.NAMES.indexOf("log_amount")] = Math.log1p(1.2);
        x[FeatureExtractor.NAMES.indexOf("small_payments_last_10min")] = 3;
        // when
        var assessment = new RuleBasedScorer().score(x);
        // then
        assertEquals(0.6, assessment.score(), 1e-9);
        assertEquals(List.of("small-amount burst"), assessment.reasons());
    }
}
