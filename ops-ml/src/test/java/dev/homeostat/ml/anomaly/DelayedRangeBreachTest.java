package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DelayedRangeBreachTest {

    @Test
    void aSlowDriftBeyondTheOldExtremeBreachesWhereTheCreepingRangeDoesNot() {
        // given values 0..99 repeated 10 times, then a drift down by 2 % of the width per sample for 10 samples
        DelayedRangeBreach delayed = new DelayedRangeBreach(0.05, 10, 100);
        RangeBreach current = new RangeBreach(0.05, 10);
        for (int i = 0; i < 1000; i++) {
            delayed.learn(i % 100);
            current.learn(i % 100);
        }
        double delayedP = 1;
        double currentP = 1;
        for (int k = 1; k <= 10; k++) {
            double value = -0.02 * 99 * k;
            delayedP = Math.min(delayedP, delayed.pValue(value));
            currentP = Math.min(currentP, current.pValue(value));
            delayed.learn(value);
            current.learn(value);
        }
        // then the range that follows every value never sees a step beyond 5 %; the delayed one (909 values in [0, 99]) sees 20 % at the end
        assertEquals(1.0, currentP);
        assertEquals(Math.exp(-(0.2 - 0.05) / 0.05) / 910, delayedP, 1e-12);
    }

    @Test
    void aValueJoinsTheRangeOnlyAfterTheLag() {
        DelayedRangeBreach delayed = new DelayedRangeBreach(0.05, 1, 3);
        delayed.learn(0);
        delayed.learn(1);
        delayed.learn(2);
        // nothing older than 3 samples yet: no range, no breach
        assertEquals(1.0, delayed.pValue(100));
        delayed.learn(100);
        delayed.learn(100);
        // now 0 and 1 are in the range [0, 1]; the 2 and the two 100s are not
        assertTrue(delayed.pValue(100) < 0.01, "100 against [0, 1]");
        assertEquals(1.0, delayed.pValue(1.04));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DelayedRangeBreach(0.05, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DelayedRangeBreach(0, 1, 10));
    }
}
