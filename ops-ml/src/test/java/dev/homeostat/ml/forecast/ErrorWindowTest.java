package dev.homeostat.ml.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The error window keeps exact sliding quantiles and adapts its miss level towards the nominal coverage. */
class ErrorWindowTest {

    @Test
    void quantilesFollowTheSlidingWindow() {
        // given a window filled with 0..255, then 256 more values 1000..1255 that push them all out
        ErrorWindow w = new ErrorWindow(0.1);
        for (int i = 0; i < ErrorWindow.SIZE; i++) {
            w.add(i, 0, 1);
        }
        assertEquals(0, w.quantile(0), 1e-12);
        assertEquals(127.5, w.quantile(0.5), 1e-12);

        // when
        for (int i = 0; i < ErrorWindow.SIZE; i++) {
            w.add(1000 + i, 0, 1);
        }

        // then only the new values remain
        assertEquals(1000, w.quantile(0), 1e-12);
        assertEquals(1255, w.quantile(1), 1e-12);
    }

    @Test
    void missesWidenAndHitsNarrowTheBand() {
        // given a 90 % band
        ErrorWindow w = new ErrorWindow(0.1);

        // when it misses ten times in a row
        for (int i = 0; i < 10; i++) {
            w.adapt(true);
        }

        // then its miss level (the tail it leaves out) shrinks: the band widens
        assertEquals(0.1 - 10 * ErrorWindow.ADAPT_RATE * 0.9, w.miss, 1e-12);

        // and when it then holds 100 times it comes back above nominal: the band narrows
        for (int i = 0; i < 100; i++) {
            w.adapt(false);
        }
        assertTrue(w.miss > 0.1, "miss level " + w.miss);
        w.reset();
        assertEquals(0.1, w.miss, 1e-12);
    }
}
