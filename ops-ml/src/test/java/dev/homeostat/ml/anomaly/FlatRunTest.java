package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FlatRunTest {

    /** Learns {@code runs} runs of {@code length} equal values each, alternating 0 and 1. */
    private static FlatRun learned(int runs, int length) {
        FlatRun flat = new FlatRun(20);
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < length; k++) {
                flat.learn(r % 2);
            }
        }
        return flat;
    }

    @Test
    void onlyTheSampleThatOutlastsEveryEarlierRunCounts() {
        // given 100 runs of 30 values, the last one (of 1s) not yet closed
        FlatRun flat = learned(100, 30);
        // when the new run of 0s grows
        double[] p = new double[40];
        for (int k = 0; k < p.length; k++) {
            p[k] = flat.pValue(0);
            flat.learn(0);
        }
        // then only its 31st sample (one longer than the longest earlier run) counts, at 1 / (runs + 1) with the
        // 101 runs counted including the current one
        for (int k = 0; k < p.length; k++) {
            assertEquals(k == 30 ? 1.0 / 102 : 1.0, p[k], 0.0, "sample " + k);
        }
    }

    @Test
    void aChangedValueOrShortEarlierRunsDoNotCount() {
        FlatRun flat = learned(99, 30);
        assertEquals(1.0, flat.pValue(0.5), "a value that ends the run");
        // runs of 10 are below the 20 the longest earlier run must have had
        FlatRun shortRuns = learned(99, 10);
        for (int k = 0; k < 11; k++) {
            shortRuns.learn(1);
        }
        assertEquals(1.0, shortRuns.pValue(1));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FlatRun(0));
    }
}
