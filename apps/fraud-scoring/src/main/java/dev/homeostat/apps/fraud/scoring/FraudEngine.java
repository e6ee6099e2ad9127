package dev.homeostat.apps.fraud.scoring;

import dev.homeostat.apps.fraud.domain.Assessment;
import dev.homeostat.apps.fraud.domain.Payment;
import dev.homeostat.apps.fraud.features.FeatureExtractor;

/**
 * Scores payments one by one: features from the account's past, the active scorer, and — only after
 * the score is fixed — the payment's label (if it has one) into the training window for later models.
 *
 * <p>A label therefore never influences its own payment's score: the model that scores a payment was
 * fitted before the payment arrived.
 */
public final class FraudEngine {

    private final FeatureExtractor extractor;
    private final ActiveScorer active;
    private final TrainingWindow window;

    /** An engine over the given state; the caller keeps the scorer and window to train and swap models. */
    public FraudEngine(FeatureExtractor extractor, ActiveScorer active, TrainingWindow window) {
        this.extractor = extractor;
        this.active = active;
        this.window = window;
    }

    /** A scored payment: its features and its assessment. */
    public record Scored(double[] features, Assessment assessment) {
    }

    /** Scores {@code payment}, then files its label (if any) for training. */
    public Scored assess(Payment payment) {
        double[] features;
        // One extractor holds per-account state; guard it in case a channel is configured with concurrency > 1.
        synchronized (extractor) {
            features = extractor.extractAndRecord(payment);
        }
        Assessment assessment = active.current().score(features);
        if (payment.label() != null) {
            window.add(new LabelledExample(features, payment.label(), payment.timestamp()));
        }
        return new Scored(features, assessment);
    }
}
