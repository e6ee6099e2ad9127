package dev.homeostat.ml.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutScoreTest {

    private static final IndexWindow WINDOW = new IndexWindow(50, 59);

    /** A 100-row file with one window whose rows carry the given scores (row, score pairs). */
    private static ScoredFile file(String key, double... rowScore) {
        double[] scores = new double[100];
        for (int i = 0; i < rowScore.length; i += 2) {
            scores[(int) rowScore[i]] = rowScore[i + 1];
        }
        return new ScoredFile(key, scores, List.of(WINDOW));
    }

    @Test
    void eachCategoryIsScoredAtTheThresholdChosenOnTheOthers() {
        // given category a, whose window scores 0.8 and a false alarm before it 0.5, and category b, whose window scores 0.5
        ScoredFile a = file("a/x.csv", 20, 0.5, 50, 0.8);
        ScoredFile b = file("b/y.csv", 50, 0.5);
        List<ScoredFile> files = List.of(a, b);

        // when each is held out in turn
        HeldOutScore held = HeldOutScore.of(files, CostProfile.STANDARD);

        // then a is scored at b's best threshold 0.5 (window found, false alarm paid: 1 - 0.11) and b at a's best
        // threshold 0.8 (window missed: -1); normalised over both files' null -2 and perfect 2
        assertEquals(0.5, held.byCategory().get("a").threshold(), 1e-12);
        assertEquals(0.8, held.byCategory().get("b").threshold(), 1e-12);
        assertEquals(1.0 - 0.11, held.byCategory().get("a").score().raw(), 1e-12);
        assertEquals(-1.0, held.byCategory().get("b").score().raw(), 1e-12);
        assertEquals(1, held.byCategory().get("a").score().falsePositives());
        assertEquals(1, held.byCategory().get("b").score().falseNegatives());
        assertEquals(-0.11, held.raw(), 1e-12);
        assertEquals(-2.0, held.nullScore(), 1e-12);
        assertEquals(2.0, held.perfect(), 1e-12);
        assertEquals(100.0 * (2.0 - 0.11) / 4.0, held.normalized(), 1e-9);
        // and one threshold chosen on both (0.5: raw 0.89 + 1) scores higher than the held-out figure
        double together = NabScorer.score(files, CostProfile.STANDARD).normalized();
        assertEquals(100.0 * (1.89 + 2.0) / 4.0, together, 1e-9);
    }

    @Test
    void oneCategoryCannotBeLeftOut() {
        List<ScoredFile> files = List.of(file("a/x.csv", 50, 1.0), file("a/z.csv"));
        assertThrows(IllegalArgumentException.class, () -> HeldOutScore.of(files, CostProfile.STANDARD));
    }
}
