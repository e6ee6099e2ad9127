package dev.homeostat.apps.fraud.scoring;

import java.time.Instant;

/** One payment's features with its known outcome, kept for training future models. */
public record LabelledExample(double[] features, boolean fraud, Instant time) {

    /** Keeps a private copy so later changes to the caller's array cannot alter the training data. */
    public LabelledExample {
        features = features.clone();
    }
}
