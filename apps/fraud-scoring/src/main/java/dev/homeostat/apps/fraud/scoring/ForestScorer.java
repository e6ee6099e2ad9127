package dev.homeostat.apps.fraud.scoring;

import dev.homeostat.apps.fraud.domain.Assessment;
import dev.homeostat.apps.fraud.features.FeatureExtractor;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.ValueVector;
import smile.model.cart.SplitRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random forest (Breiman 2001, via Smile) over the payment features; the score is the forest's
 * posterior probability of fraud. Immutable once fitted, so one instance can score from many threads.
 *
 * <p>Tree models need no native BLAS, which keeps the app portable.
 */
public final class ForestScorer implements Scorer {

    private static final String LABEL = "fraud";
    private static final int MAX_LEAVES = 256;

    private final RandomForest forest;
    private final StructType schema;
    private final int version;
    private final Instant trainedAt;
    private final int examples;
    private final int frauds;

    private ForestScorer(RandomForest forest, int version, Instant trainedAt, int examples, int frauds) {
        this.forest = forest;
        this.schema = forest.schema();
        this.version = version;
        this.trainedAt = trainedAt;
        this.examples = examples;
        this.frauds = frauds;
    }

    /**
     * Hyper-parameters and admission rules of a training run.
     *
     * @param trees        number of trees (≥ 1)
     * @param maxDepth     maximum tree depth (≥ 2)
     * @param nodeSize     minimum examples in a leaf (≥ 1)
     * @param minExamples  fewer fresh examples than this and no model is fitted (≥ 10)
     * @param minFrauds    fewer fraud examples than this and no model is fitted (≥ 2)
     * @param negativesPerFraud  legitimate examples kept per fraud example (random undersampling of the
     *                     majority class; ≥ 1): trains faster and keeps rare patterns visible to the trees
     * @param seed         seed of the undersampling and of the trees' bootstrap samples, for reproducible models
     */
    public record Options(int trees, int maxDepth, int nodeSize, int minExamples, int minFrauds, int negativesPerFraud,
                          long seed) {

        /** Validates every value and names the offending one. */
        public Options {
            if (trees < 1 || maxDepth < 2 || nodeSize < 1 || minExamples < 10 || minFrauds < 2 || negativesPerFraud < 1) {
                throw new IllegalArgumentException("invalid forest options: trees=" + trees + " (>=1), maxDepth="
                        + maxDepth + " (>=2), nodeSize=" + nodeSize + " (>=1), minExamples=" + minExamples
                        + " (>=10), minFrauds=" + minFrauds + " (>=2), negativesPerFraud=" + negativesPerFraud + " (>=1)");
            }
        }

        /** The defaults documented in the README. */
        public static Options defaults() {
            return new Options(60, 12, 3, 500, 20, 10, 42);
        }
    }

    /** Why a training run produced no model. */
    public static final class NotEnoughData extends Exception {
        NotEnoughData(String message) {
            super(message);
        }
    }

    /**
     * Fits a forest on {@code data}.
     *
     * @throws NotEnoughData when the data has fewer examples or frauds than the options require
     */
    public static ForestScorer fit(List<LabelledExample> data, Options options, int version, Instant trainedAt)
            throws NotEnoughData {
        int frauds = (int) data.stream().filter(LabelledExample::fraud).count();
        if (data.size() < options.minExamples() || frauds < options.minFrauds()
                || data.size() - frauds < options.minFrauds()) {
            throw new NotEnoughData("need >= " + options.minExamples() + " examples with >= " + options.minFrauds()
                    + " of each class, have " + data.size() + " examples, " + frauds + " frauds");
        }
        List<LabelledExample> sample = undersample(data, frauds, options);
        double[][] x = new double[sample.size()][];
        int[] y = new int[sample.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = sample.get(i).features();
            y[i] = sample.get(i).fraud() ? 1 : 0;
        }
        DataFrame frame = DataFrame.of(x, FeatureExtractor.NAMES.toArray(String[]::new)).add(ValueVector.of(LABEL, y));
        int features = FeatureExtractor.NAMES.size();
        long[] seeds = new SplittableRandom(options.seed() + version).longs(options.trees()).toArray();
        var forestOptions = new RandomForest.Options(options.trees(), (int) Math.ceil(Math.sqrt(features)),
                SplitRule.GINI, options.maxDepth(), MAX_LEAVES, options.nodeSize(), 1.0, null, seeds, null);
        RandomForest forest = RandomForest.fit(Formula.lhs(LABEL), frame, forestOptions);
        return new ForestScorer(forest, version, trainedAt, data.size(), frauds);
    }

    /** All frauds plus a seeded uniform sample of at most {@code negativesPerFraud} legitimate examples per fraud. */
    private static List<LabelledExample> undersample(List<LabelledExample> data, int frauds, Options options) {
        long legitimate = data.size() - frauds;
        double keep = Math.min(1.0, (double) frauds * options.negativesPerFraud() / legitimate);
        SplittableRandom random = new SplittableRandom(options.seed());
        List<LabelledExample> sample = new ArrayList<>();
        for (LabelledExample example : data) {
            if (example.fraud() || random.nextDouble() < keep) {
                sample.add(example);
            }
        }
        return sample;
    }

    @Override
    public Assessment score(double[] features) {
        double[] posterior = new double[2];
        forest.predict(Tuple.of(schema, features), posterior);
        return new Assessment(Math.clamp(posterior[1], 0.0, 1.0), name(), List.of());
    }

    @Override
    public String name() {
        return "model-v" + version;
    }

    /** Monotonic version, 1 for the first model this process trained. */
    public int version() {
        return version;
    }

    /** When the model was fitted. */
    public Instant trainedAt() {
        return trainedAt;
    }

    /** Number of fresh examples offered to the fit (before undersampling). */
    public int examples() {
        return examples;
    }

    /** Number of fraud examples among them. */
    public int frauds() {
        return frauds;
    }
}
