package dev.homeostat.ml.nab;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Leave-one-category-out NAB score: for each category, the threshold is chosen on the other categories' files and the
 * held-out category is scored at it. Summing the held-out raw scores scores every file exactly once with a threshold
 * it did not help choose, which estimates what the detector scores on categories whose threshold was set elsewhere
 * (NAB's unseen categories, scored blind with a threshold chosen on the shared files).
 *
 * @param profile    the cost profile
 * @param raw        sum of the held-out categories' raw scores
 * @param nullScore  raw score of the null detector over all files
 * @param perfect    raw score of the perfect detector over all files
 * @param normalized {@code 100 * (raw - null) / (perfect - null)}, comparable with {@link NabScore#normalized()}
 * @param byCategory per held-out category: the threshold chosen without it and its score at that threshold
 */
public record HeldOutScore(CostProfile profile, double raw, double nullScore, double perfect, double normalized,
                           Map<String, HeldOut> byCategory) {

    public HeldOutScore {
        byCategory = java.util.Collections.unmodifiableMap(new TreeMap<>(byCategory));
    }

    /**
     * One held-out category.
     *
     * @param threshold the threshold that maximised the raw score of the other categories (+infinity: never fire)
     * @param score     the category's figures at that threshold
     */
    public record HeldOut(double threshold, NabScore.CategoryScore score) {
    }

    /** Scores each category at the threshold chosen on the others; needs at least two categories. */
    public static HeldOutScore of(List<ScoredFile> files, CostProfile profile) {
        List<String> categories = files.stream().map(ScoredFile::category).distinct().sorted().toList();
        if (categories.size() < 2) {
            throw new IllegalArgumentException("leaving a category out needs at least two categories, got " + categories);
        }
        Map<String, HeldOut> held = new TreeMap<>();
        double raw = 0;
        double nullScore = 0;
        double perfect = 0;
        for (String category : categories) {
            List<ScoredFile> others = files.stream().filter(f -> !f.category().equals(category)).toList();
            List<ScoredFile> own = files.stream().filter(f -> f.category().equals(category)).toList();
            double threshold = NabScorer.bestThreshold(others, profile);
            NabScore score = NabScorer.scoreAt(own, profile, threshold);
            held.put(category, new HeldOut(threshold, score.byCategory().get(category)));
            raw += score.raw();
            nullScore += score.nullScore();
            perfect += score.perfect();
        }
        double normalized = perfect == nullScore ? Double.NaN : 100.0 * (raw - nullScore) / (perfect - nullScore);
        return new HeldOutScore(profile, raw, nullScore, perfect, normalized, held);
    }
}
