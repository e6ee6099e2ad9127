package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfirmationTest {

    @Test
    void aProbabilityCountsOnlyWhenTheNextOneAgrees() {
        Confirmation confirmation = new Confirmation();
        // the first call has nothing to agree with
        assertEquals(1.0, confirmation.confirm(0.001));
        // a second small probability confirms the first: the larger of the two counts
        assertEquals(0.01, confirmation.confirm(0.01));
        // a single-sample blip after an ordinary sample is held back
        assertEquals(0.8, confirmation.confirm(0.8));
        assertEquals(0.8, confirmation.confirm(1e-9));
        // and counts on the next sample if it lasts
        assertEquals(1e-6, confirmation.confirm(1e-6));
    }
}
