package dev.homeostat.ml.smile;

import dev.homeostat.ml.anomaly.FeatureSurprise;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import java.util.ServiceLoader;

/**
 * Isolation-forest surprise of a feature vector (Liu, Ting &amp; Zhou 2008) against recent history:
 * Smile's isolation trees are refitted every {@code refitEvery} samples on the last {@code history}
 * vectors, and the raw surprise is minus the mean isolation depth (shorter paths are stranger).
 *
 * <p>Each tree is fitted alone on the calling thread after seeding Smile's thread-local generator,
 * because Smile's forest fits its trees on a parallel stream whose thread assignment, and so its random
 * draws, vary from run to run; one tree at a time keeps the detector deterministic for a seed. (This
 * reseeds Smile's generator of the calling thread, which Smile shares with other code on that thread.)
 * Memory: {@code history * dimension} doubles plus the trees.
 */
public final class SmileIsolationForest implements FeatureSurprise {

    private final double[][] ring;
    private final int refitEvery;
    private final int trees;
    private final long seed;
    private int size;
    private int head;
    private int sinceFit;
    private int fits;
    private IsolationTree[] forest;

    SmileIsolationForest(int history, int dimension, int refitEvery, int trees, long seed) {
        this.ring = new double[history][dimension];
        this.refitEvery = refitEvery;
        this.trees = trees;
        this.seed = seed;
    }

    /** Minus the mean path length of {@code features} in the current forest; 0 before the first fit. */
    @Override
    public double surprise(double[] features) {
        if (forest == null) {
            return 0.0;
        }
        double sum = 0;
        for (IsolationTree tree : forest) {
            sum += tree.path(features);
        }
        return -sum / forest.length;
    }

    /** Remembers the vector and refits when due. */
    @Override
    public void learn(double[] features) {
        System.arraycopy(features, 0, ring[head], 0, features.length);
        head = (head + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
        if (++sinceFit >= refitEvery || (forest == null && size >= Math.min(ring.length, refitEvery / 2))) {
            refit();
            sinceFit = 0;
        }
    }

    /** The {@link ServiceLoader} entry point that {@code homeostat-ops-ml} finds. */
    public static final class Provider implements FeatureSurprise.Provider {

        @Override
        public FeatureSurprise create(int history, int dimension, int refitEvery, int trees, long seed) {
            return new SmileIsolationForest(history, dimension, refitEvery, trees, seed);
        }
    }

    private void refit() {
        double[][] data = new double[size][];
        for (int i = 0; i < size; i++) {
            data[i] = ring[i].clone();
        }
        int depth = (int) Math.ceil(Math.log(Math.min(256, size)) / Math.log(2));
        double subsample = Math.min(0.95, 256.0 / size);
        IsolationForest.Options one = new IsolationForest.Options(1, depth, subsample, 0);
        IsolationTree[] fitted = new IsolationTree[trees];
        for (int t = 0; t < trees; t++) {
            MathEx.setSeed(seed * 1_000_003L + fits * 10_007L + t);
            fitted[t] = IsolationForest.fit(data, one).trees()[0];
        }
        forest = fitted;
        fits++;
    }
}
