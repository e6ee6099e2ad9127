package dev.homeostat.ml.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {

    private static final int LENGTH = 100;
    private static final IndexWindow WINDOW = new IndexWindow(50, 59);

    private static ScoredFile file(String key, List<IndexWindow> windows, int... detections) {
        double[] scores = new double[LENGTH];
        for (int row : detections) {
            scores[row] = 1.0;
        }
        return new ScoredFile(key, scores, windows);
    }

    private static double standardScore(ScoredFile... files) {
        return NabScorer.score(List.of(files), CostProfile.STANDARD).normalized();
    }

    @Test
    void probationIsFifteenPercentCappedAt750Rows() {
        assertEquals(15, NabScorer.probationLength(100));
        assertEquals(604, NabScorer.probationLength(4032));
        assertEquals(750, NabScorer.probationLength(22695));
    }

    @Test
    void scaledSigmoidMatchesThePublishedShape() {
        assertEquals(0.98661, NabScorer.scaledSigmoid(-1.0), 1e-5);
        assertEquals(0.0, NabScorer.scaledSigmoid(0.0), 1e-12);
        assertEquals(-1.0, NabScorer.scaledSigmoid(3.5), 1e-12);
    }

    @Test
    void perfectDetectorScores100AndNullDetectorScores0() {
        // given a file with one window; when the detector fires on the window's first row only / never
        double perfect = standardScore(file("cat/a.csv", List.of(WINDOW), 50));
        double none = standardScore(file("cat/a.csv", List.of(WINDOW)));
        // then
        assertEquals(100.0, perfect, 1e-9);
        assertEquals(0.0, none, 1e-9);
    }

    @Test
    void detectionInTheMiddleOfAWindowEarnsTheHandComputedReward() {
        // given a detection at row 55 of window [50, 59]: relative position -(59 - 55 + 1) / 10 = -0.5
        NabScore score = NabScorer.score(List.of(file("cat/a.csv", List.of(WINDOW), 55)), CostProfile.STANDARD);
        double reward = (2.0 / (1.0 + Math.exp(-2.5)) - 1.0) / NabScorer.scaledSigmoid(-1.0);
        // then raw = reward (sigma(-0.5) / sigma(-1), as NAB scales it), null = -1, perfect = tpWeight * windows = 1
        assertEquals(reward, score.raw(), 1e-12);
        assertEquals(-1.0, score.nullScore(), 1e-12);
        assertEquals(1.0, score.perfect(), 1e-12);
        assertEquals(100.0 * (reward + 1.0) / 2.0, score.normalized(), 1e-9);
    }

    @Test
    void earlyDetectionBeatsLateDetection() {
        double early = standardScore(file("cat/a.csv", List.of(WINDOW), 51));
        double late = standardScore(file("cat/a.csv", List.of(WINDOW), 58));
        assertTrue(early > late, "early " + early + " vs late " + late);
    }

    @Test
    void onlyTheFirstDetectionInAWindowCounts() {
        double once = standardScore(file("cat/a.csv", List.of(WINDOW), 52));
        double thrice = standardScore(file("cat/a.csv", List.of(WINDOW), 52, 55, 58));
        assertEquals(once, thrice, 1e-12);
    }

    @Test
    void falsePositivesAreChargedTheProfileWeightAndLessJustAfterAWindow() {
        // given the perfect detection plus one false alarm before the window, or one just after it
        NabScore before = NabScorer.scoreAt(List.of(file("cat/a.csv", List.of(WINDOW), 50, 20)), CostProfile.STANDARD, 1.0);
        NabScore after = NabScorer.scoreAt(List.of(file("cat/a.csv", List.of(WINDOW), 50, 61)), CostProfile.STANDARD, 1.0);
        NabScore lowFp = NabScorer.scoreAt(List.of(file("cat/a.csv", List.of(WINDOW), 50, 20)), CostProfile.REWARD_LOW_FP, 1.0);
        // then a false alarm before any window costs the full fpWeight, one just after costs less, and the low-FP profile doubles it
        assertEquals(1.0 - 0.11, before.raw(), 1e-12);
        assertEquals(1.0 - 0.22, lowFp.raw(), 1e-12);
        assertTrue(after.raw() > before.raw());
        assertTrue(before.normalized() < 100.0);
        assertEquals(1, before.byCategory().get("cat").falsePositives());
    }

    @Test
    void missedWindowsCostTheProfileFalseNegativeWeight() {
        NabScore standard = NabScorer.scoreAt(List.of(file("cat/a.csv", List.of(WINDOW))), CostProfile.STANDARD, 1.0);
        NabScore lowFn = NabScorer.scoreAt(List.of(file("cat/a.csv", List.of(WINDOW))), CostProfile.REWARD_LOW_FN, 1.0);
        assertEquals(-1.0, standard.raw(), 1e-12);
        assertEquals(-2.0, lowFn.raw(), 1e-12);
    }

    @Test
    void detectionsDuringProbationAreIgnored() {
        double withProbationAlarm = standardScore(file("cat/a.csv", List.of(WINDOW), 50, 3));
        assertEquals(100.0, withProbationAlarm, 1e-9);
    }

    @Test
    void oneThresholdIsChosenForTheWholeCorpus() {
        // given two files whose useful detections sit at different score levels
        double[] a = new double[LENGTH];
        a[50] = 0.9;
        a[30] = 0.6;
        double[] b = new double[LENGTH];
        b[50] = 0.7;
        List<ScoredFile> corpus = List.of(new ScoredFile("cat/a.csv", a, List.of(WINDOW)),
                new ScoredFile("cat/b.csv", b, List.of(WINDOW)));
        // when
        NabScore best = NabScorer.score(corpus, CostProfile.STANDARD);
        // then the chosen threshold (0.7) catches both windows and lets the 0.6 false alarm through no more
        assertEquals(0.7, best.threshold(), 1e-12);
        assertEquals(100.0, best.normalized(), 1e-9);
        for (double threshold : new double[] {0.5, 0.6, 0.8, 0.9, 1.0}) {
            assertTrue(NabScorer.scoreAt(corpus, CostProfile.STANDARD, threshold).raw() <= best.raw() + 1e-12);
        }
    }

    @Test
    void categoriesWithoutWindowsReportNoNormalisedScore() {
        NabScore score = NabScorer.scoreAt(List.of(file("quiet/a.csv", List.of(), 40), file("cat/b.csv", List.of(WINDOW), 50)),
                CostProfile.STANDARD, 1.0);
        assertTrue(Double.isNaN(score.byCategory().get("quiet").normalized()));
        assertEquals(-0.11, score.byCategory().get("quiet").raw(), 1e-12);
        assertEquals(100.0, score.byCategory().get("cat").normalized(), 1e-9);
    }
}
