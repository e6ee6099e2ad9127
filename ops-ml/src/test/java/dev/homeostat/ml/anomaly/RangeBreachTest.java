package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeBreachTest {

    private static RangeBreach learned(int values) {
        // values 0, 1, ..., 99 repeated: the range is [0, 99]
        RangeBreach breach = new RangeBreach(0.05, 10);
        for (int i = 0; i < values; i++) {
            breach.learn(i % 100);
        }
        return breach;
    }

    @Test
    void nothingCountsBeforeTheMinimumHistory() {
        RangeBreach breach = learned(9);
        assertEquals(1.0, breach.pValue(1e6));
    }

    @Test
    void valuesInsideTheRangeWidenedByTheToleranceAreNoBreach() {
        RangeBreach breach = learned(1000);
        assertEquals(1.0, breach.pValue(50));
        assertEquals(1.0, breach.pValue(99 + 0.049 * 99));
        assertEquals(1.0, breach.pValue(-0.049 * 99));
    }

    @Test
    void aBreachIsRarerThanEverySeenValueAndRarerTheFurtherOut() {
        // given 1000 values in [0, 99]
        RangeBreach breach = learned(1000);
        // when values leave the tolerated range upwards and downwards
        double justOut = breach.pValue(99 + 0.06 * 99);
        double farOut = breach.pValue(99 + 0.5 * 99);
        double below = breach.pValue(-0.06 * 99);
        // then each is below the empirical 1 / (n + 1), falls off exponentially (scale: tolerance widths) and is symmetric
        assertTrue(justOut < 1.0 / 1001 && justOut > 0.5 / 1001, "just outside: " + justOut);
        assertEquals(Math.exp(-(0.5 - 0.05) / 0.05) / 1001, farOut, 1e-15);
        assertEquals(justOut, below, 1e-15);
    }

    @Test
    void theLongerTheHistoryTheRarerTheSameBreach() {
        assertTrue(learned(10_000).pValue(120) < learned(1000).pValue(120) / 5);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RangeBreach(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RangeBreach(0.05, 0));
    }
}
