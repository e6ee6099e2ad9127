package dev.homeostat.apps.fraud.scoring;

import dev.homeostat.apps.fraud.domain.Assessment;

/** Scores a feature vector (see {@link dev.homeostat.apps.fraud.features.FeatureExtractor#NAMES}); must be thread-safe. */
public interface Scorer {

    /** The fraud score of one payment's features. */
    Assessment score(double[] features);

    /** Short name reported on alerts, metrics and health ({@code rules}, {@code model-v3}). */
    String name();
}
