package dev.homeostat.ml.anomaly;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A learned surprise over feature vectors, for the ensemble's optional {@link EnsembleDetector.Channel#ISOLATION}
 * channel. Its only implementation, a Smile isolation forest, lives in the optional module
 * {@code homeostat-ops-ml-smile} (GPL-3.0 through Smile) and is found through {@link ServiceLoader}, so that
 * {@code homeostat-ops-ml}, which the operator runs, carries no Smile.
 */
public interface FeatureSurprise {

    /** How surprising {@code features} are against what was learned; larger is stranger. */
    double surprise(double[] features);

    /** Learns one more vector. */
    void learn(double[] features);

    /** Builds a {@link FeatureSurprise}; registered as a {@link ServiceLoader} service. */
    interface Provider {

        /** A fresh model remembering {@code history} vectors of {@code dimension}, refitted every {@code refitEvery}. */
        FeatureSurprise create(int history, int dimension, int refitEvery, int trees, long seed);
    }

    /** The provider on the class path, if any. */
    static Optional<Provider> provider() {
        return ServiceLoader.load(Provider.class, FeatureSurprise.class.getClassLoader()).findFirst();
    }
}
