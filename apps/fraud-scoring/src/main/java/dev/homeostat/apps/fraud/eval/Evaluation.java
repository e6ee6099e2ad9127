package dev.homeostat.apps.fraud.eval;

import dev.homeostat.apps.fraud.features.FeatureExtractor;
import dev.homeostat.apps.fraud.generator.FraudPattern;
import dev.homeostat.apps.fraud.generator.GeneratedPayment;
import dev.homeostat.apps.fraud.generator.PaymentGenerator;
import dev.homeostat.apps.fraud.scoring.ActiveScorer;
import dev.homeostat.apps.fraud.scoring.ForestScorer;
import dev.homeostat.apps.fraud.scoring.FraudEngine;
import dev.homeostat.apps.fraud.scoring.ModelTrainer;
import dev.homeostat.apps.fraud.scoring.RuleBasedScorer;
import dev.homeostat.apps.fraud.scoring.TrainingWindow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/**
 * Measures precision and recall on a held-out part of a generated stream.
 *
 * <p>Protocol: one seeded stream in time order; the first {@code trainFraction} runs through the
 * same {@link FraudEngine} the app uses (labels fill the training window); one model is fitted at
 * the end of that part; the rest is scored with labels stripped and compared with the generator's
 * truth. The rule-based fallback is scored on the same held-out payments as a baseline.
 */
public final class Evaluation {

    /** The stream start, fixed so a seed gives the same figures on any day. */
    public static final Instant STREAM_START = Instant.parse("2026-01-05T00:00:00Z");

    /**
     * What to evaluate.
     *
     * @param seed           generator seed
     * @param payments       payments in the whole stream (≥ 1000)
     * @param trainFraction  share used for training, in (0, 1)
     * @param threshold      alert threshold on the score, in (0, 1]
     * @param forest         model options
     */
    public record Options(long seed, int payments, double trainFraction, double threshold, ForestScorer.Options forest) {

        /** Validates every value and names the offending one. */
        public Options {
            if (payments < 1000 || !(trainFraction > 0 && trainFraction < 1) || !(threshold > 0 && threshold <= 1)
                    || forest == null) {
                throw new IllegalArgumentException("invalid evaluation options: payments=" + payments
                        + " (>=1000), trainFraction=" + trainFraction + " ((0,1)), threshold=" + threshold
                        + " ((0,1]), forest=" + forest);
            }
        }
    }

    /** The figures of one run. */
    public record Report(Options options, int trainingExamples, int trainingFrauds, Duration trainingTime,
                         Confusion model, Confusion rules, Map<FraudPattern, Confusion> modelByPattern,
                         double modelMicrosPerPayment) {

        /** A plain-text table for the CLI and the README. */
        public String toText() {
            StringBuilder out = new StringBuilder();
            out.append("seed=%d payments=%d train=%.0f%% threshold=%.2f%n".formatted(options.seed(), options.payments(),
                    100 * options.trainFraction(), options.threshold()));
            out.append("model: %d training examples (%d fraud), fitted in %d ms, scoring %.1f us/payment%n".formatted(
                    trainingExamples, trainingFrauds, trainingTime.toMillis(), modelMicrosPerPayment));
            out.append(line("model (held-out)", model));
            out.append(line("rules (held-out)", rules));
            modelByPattern.forEach((pattern, c) -> out.append("  recall %-26s %.3f (%d/%d)%n".formatted(pattern,
                    c.recall(), c.truePositives(), c.truePositives() + c.falseNegatives())));
            return out.toString();
        }

        private static String line(String name, Confusion c) {
            return "%-17s precision=%.3f recall=%.3f f1=%.3f (tp=%d fp=%d fn=%d tn=%d)%n".formatted(name, c.precision(),
                    c.recall(), c.f1(), c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives());
        }
    }

    private Evaluation() {
    }

    /** Runs the protocol above. */
    public static Report run(Options options) {
        PaymentGenerator generator = new PaymentGenerator(PaymentGenerator.Options.defaults(options.seed(), STREAM_START));
        int trainCount = (int) Math.round(options.payments() * options.trainFraction());
        TrainingWindow window = new TrainingWindow(trainCount, Duration.ofDays(1));
        ActiveScorer active = new ActiveScorer();
        FraudEngine engine = new FraudEngine(new FeatureExtractor(100_000), active, window);

        Instant lastTrainingTime = STREAM_START;
        for (int i = 0; i < trainCount; i++) {
            GeneratedPayment generated = generator.next();
            engine.assess(generated.payment());
            lastTrainingTime = generated.payment().timestamp();
        }
        ModelTrainer trainer = new ModelTrainer(window, active, options.forest(),
                Clock.fixed(lastTrainingTime, ZoneOffset.UTC));
        ModelTrainer.Outcome outcome = trainer.trainNow();
        if (!(outcome instanceof ModelTrainer.Trained trained)) {
            throw new IllegalStateException("no model: " + ((ModelTrainer.Skipped) outcome).reason());
        }

        RuleBasedScorer rules = new RuleBasedScorer();
        Confusion model = Confusion.empty();
        Confusion baseline = Confusion.empty();
        Map<FraudPattern, Confusion> byPattern = new EnumMap<>(FraudPattern.class);
        long scoringNanos = 0;
        int heldOut = options.payments() - trainCount;
        for (int i = 0; i < heldOut; i++) {
            GeneratedPayment generated = generator.next();
            long started = System.nanoTime();
            FraudEngine.Scored scored = engine.assess(generated.payment().withoutLabel());
            scoringNanos += System.nanoTime() - started;
            boolean alerted = scored.assessment().score() >= options.threshold();
            model = model.add(alerted, generated.fraud());
            baseline = baseline.add(rules.score(scored.features()).score() >= options.threshold(), generated.fraud());
            if (generated.fraud()) {
                byPattern.merge(generated.pattern(), Confusion.empty().add(alerted, true),
                        (a, b) -> new Confusion(a.truePositives() + b.truePositives(), 0,
                                a.falseNegatives() + b.falseNegatives(), 0));
            }
        }
        return new Report(options, trained.model().examples(), trained.model().frauds(), trained.took(), model, baseline,
                byPattern, scoringNanos / 1000.0 / heldOut);
    }
}
