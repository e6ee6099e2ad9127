package dev.homeostat.ml.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores anomaly detections the way the Numenta Anomaly Benchmark defines it (Lavin &amp; Ahmad 2015,
 * "Evaluating Real-time Anomaly Detection Algorithms"; Ahmad et al. 2017), written from the published rules.
 *
 * <p>Rules implemented: the first 15 % of each file (at most 750 rows) is a probation period whose rows
 * are ignored; a row with score &gt;= threshold is a detection; inside a window only the first detection
 * counts and earns {@code tpWeight * sigma(position) / sigma(-1)} (exactly {@code tpWeight} on the window's first row), where {@code sigma(y) = 2/(1+e^{5y}) - 1} and
 * {@code y = -(end - row + 1) / width} runs from -1 at the window's start towards 0 at its end; a
 * detection outside every window costs {@code fpWeight * sigma(y)} with {@code y = (row - end) / (width - 1)}
 * measured from the previous window (so false alarms just after a window cost little) or the full
 * {@code fpWeight} before the first window and for {@code y > 3}; a window without a detection costs
 * {@code fnWeight}. One threshold per detector and profile is chosen to maximise the summed raw score
 * over the corpus, and the result is normalised as NAB does: {@code 100 * (raw - null) / (perfect - null)} with
 * {@code null = -fnWeight * windows} and {@code perfect = tpWeight * windows} (a window lying in the probation
 * still counts in both). Rows whose score is NaN never detect. {@code NabScorerCrossCheckTest} checks these figures
 * against the independent scorer in {@code ../shared/tools/nab_score.py}.
 */
public final class NabScorer {

    private static final double PROBATION_FRACTION = 0.15;
    private static final int PROBATION_CAP = 750;
    /** sigma(-1): a detection on a window's first row earns exactly {@code tpWeight}, as in NAB. */
    private static final double TP_SCALE = scaledSigmoid(-1.0);

    private NabScorer() {
    }

    /** Rows at the start of a file of {@code length} rows that are not scored. */
    public static int probationLength(int length) {
        return (int) Math.min(Math.floor(PROBATION_FRACTION * length), PROBATION_CAP);
    }

    /** NAB's scaled sigmoid: +0.987 at relative position -1, 0 at 0, -1 beyond +3. */
    public static double scaledSigmoid(double relativePosition) {
        if (relativePosition > 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
    }

    /**
     * The weight NAB gives a detection at {@code row}: positive inside a window, negative outside.
     * {@code windowOf[0]} receives the index of the containing window or -1.
     */
    static double rowWeight(int row, List<IndexWindow> windows, int[] windowOf) {
        IndexWindow previous = null;
        for (int k = 0; k < windows.size(); k++) {
            IndexWindow window = windows.get(k);
            if (window.contains(row)) {
                windowOf[0] = k;
                return scaledSigmoid(-(double) (window.end() - row + 1) / window.width()) / TP_SCALE;
            }
            if (window.end() < row) {
                previous = window;
            }
        }
        windowOf[0] = -1;
        if (previous == null) {
            return -1.0;
        }
        double span = Math.max(1, previous.width() - 1);
        return scaledSigmoid((row - previous.end()) / span);
    }

    /** Scores a corpus with one profile, choosing the threshold that maximises the corpus's raw score. */
    public static NabScore score(List<ScoredFile> files, CostProfile profile) {
        return scoreAt(files, profile, bestThreshold(files, profile));
    }

    /** Scores a corpus with one profile at a given threshold. */
    public static NabScore scoreAt(List<ScoredFile> files, CostProfile profile, double threshold) {
        Map<String, Tally> byCategory = new TreeMap<>();
        Tally total = new Tally();
        for (ScoredFile file : files) {
            Tally fileTally = scoreFile(file, profile, threshold);
            total.add(fileTally);
            byCategory.computeIfAbsent(file.category(), c -> new Tally()).add(fileTally);
        }
        Map<String, NabScore.CategoryScore> categories = new TreeMap<>();
        byCategory.forEach((category, tally) -> categories.put(category, tally.toCategoryScore()));
        return new NabScore(profile, threshold, total.raw(), total.nullScore, total.perfect,
                normalize(total.raw(), total.nullScore, total.perfect), categories);
    }

    /**
     * The threshold with the highest corpus raw score, found by sweeping every distinct score from the
     * highest down while updating true-positive credit, false-positive cost and misses incrementally.
     * Returns +infinity when never firing is best.
     */
    public static double bestThreshold(List<ScoredFile> files, CostProfile profile) {
        List<double[]> points = new ArrayList<>();
        int windowCount = 0;
        int[] windowOf = new int[1];
        for (ScoredFile file : files) {
            for (int row = probationLength(file.length()); row < file.length(); row++) {
                if (Double.isNaN(file.score(row))) {
                    continue;
                }
                double weight = rowWeight(row, file.windows(), windowOf);
                int globalWindow = windowOf[0] < 0 ? -1 : windowCount + windowOf[0];
                points.add(new double[] {file.score(row), weight, globalWindow});
            }
            windowCount += file.windows().size();
        }
        points.sort(Comparator.comparingDouble((double[] p) -> p[0]).reversed());
        double[] credit = new double[windowCount];
        Arrays.fill(credit, Double.NaN);
        int detected = 0;
        double tp = 0;
        double fp = 0;
        double best = -profile.fnWeight() * windowCount;
        double bestThreshold = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < points.size()) {
            double groupScore = points.get(i)[0];
            for (; i < points.size() && points.get(i)[0] == groupScore; i++) {
                double[] p = points.get(i);
                int window = (int) p[2];
                double value = p[1];
                if (window < 0) {
                    fp += value * profile.fpWeight();
                } else if (Double.isNaN(credit[window])) {
                    credit[window] = value * profile.tpWeight();
                    tp += credit[window];
                    detected++;
                } else if (value * profile.tpWeight() > credit[window]) {
                    tp += value * profile.tpWeight() - credit[window];
                    credit[window] = value * profile.tpWeight();
                }
            }
            double totalScore = tp + fp - profile.fnWeight() * (windowCount - detected);
            if (totalScore > best + 1e-12) {
                best = totalScore;
                bestThreshold = groupScore;
            }
        }
        return bestThreshold;
    }

    private static Tally scoreFile(ScoredFile file, CostProfile profile, double threshold) {
        Tally tally = new Tally();
        List<IndexWindow> windows = file.windows();
        boolean[] credited = new boolean[windows.size()];
        int[] windowOf = new int[1];
        int probation = probationLength(file.length());
        // NAB normalises against windows x tpWeight, even for a window that lies inside the probation.
        tally.nullScore = -profile.fnWeight() * windows.size();
        tally.perfect = profile.tpWeight() * windows.size();
        for (int row = probation; row < file.length(); row++) {
            double score = file.score(row);
            if (Double.isNaN(score) || score < threshold) {
                continue;
            }
            double weight = rowWeight(row, windows, windowOf);
            int window = windowOf[0];
            if (window < 0) {
                tally.fp += weight * profile.fpWeight();
                tally.falsePositives++;
            } else if (!credited[window]) {
                credited[window] = true;
                tally.tp += weight * profile.tpWeight();
                tally.truePositives++;
            }
        }
        tally.falseNegatives = windows.size() - tally.truePositives;
        tally.fn = -profile.fnWeight() * tally.falseNegatives;
        return tally;
    }

    private static double normalize(double raw, double nullScore, double perfect) {
        return perfect == nullScore ? Double.NaN : 100.0 * (raw - nullScore) / (perfect - nullScore);
    }

    /** Running sums for one file, category or corpus. */
    private static final class Tally {
        double tp;
        double fp;
        double fn;
        double nullScore;
        double perfect;
        int truePositives;
        int falseNegatives;
        int falsePositives;

        double raw() {
            return tp + fp + fn;
        }

        void add(Tally other) {
            tp += other.tp;
            fp += other.fp;
            fn += other.fn;
            nullScore += other.nullScore;
            perfect += other.perfect;
            truePositives += other.truePositives;
            falseNegatives += other.falseNegatives;
            falsePositives += other.falsePositives;
        }

        NabScore.CategoryScore toCategoryScore() {
            return new NabScore.CategoryScore(raw(), nullScore, perfect, normalize(raw(), nullScore, perfect),
                    truePositives, falseNegatives, falsePositives);
        }
    }
}
