package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TailCalibratorTest {

    @Test
    void empiricalRankInsideHistoryAndExponentialTailBeyondIt() {
        // given the values 1..100
        TailCalibrator calibrator = new TailCalibrator(1000, 50, 0.05);
        for (int i = 1; i <= 100; i++) {
            calibrator.learn(i);
        }
        // then inside the history the probability is the rank; beyond it, it keeps falling
        assertEquals(11.0 / 101.0, calibrator.pValue(91), 1e-12);
        assertEquals(2.0 / 101.0, calibrator.pValue(100), 1e-12);
        assertTrue(calibrator.pValue(102) < calibrator.pValue(100.5));
        assertTrue(calibrator.pValue(200) < 1e-6);
    }

    @Test
    void tooShortHistoryGivesNoEvidence() {
        TailCalibrator calibrator = new TailCalibrator(1000, 50, 0.05);
        calibrator.learn(1);
        assertEquals(1.0, calibrator.pValue(1e9));
    }

    @Test
    void sortedWindowEvictsTheOldest() {
        SortedWindow window = new SortedWindow(3);
        for (double v : new double[] {5, 1, 3, 4}) {
            window.add(v);
        }
        assertEquals(3, window.size());
        assertEquals(1.0, window.quantile(0.0));
        assertEquals(4.0, window.largest(1));
        assertEquals(4.0, window.recent(0));
        assertEquals(1, window.countAtLeast(3.5));
        assertEquals(2, window.countAtLeast(3));
    }
}
