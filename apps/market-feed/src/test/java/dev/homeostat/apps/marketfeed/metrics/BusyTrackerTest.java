package dev.homeostat.apps.marketfeed.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Busy fraction against a hand-driven clock. */
class BusyTrackerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void fractionIsBusyTimeOverWallTimePerWindow() {
        // given
        AtomicLong now = new AtomicLong(0);
        BusyTracker tracker = new BusyTracker(now::get, Duration.ofSeconds(10));
        // when: 2.5 s busy in the first 5 s
        tracker.record(2_500_000_000L);
        now.set(5 * SECOND);
        // then: partial first window
        assertEquals(0.5, tracker.fraction(), 1e-9);
        // when: the window completes with 1 more second busy
        tracker.record(SECOND);
        now.set(10 * SECOND);
        // then
        assertEquals(0.35, tracker.fraction(), 1e-9);
        // and the completed window's value holds until the next roll
        tracker.record(9 * SECOND);
        now.set(15 * SECOND);
        assertEquals(0.35, tracker.fraction(), 1e-9);
        now.set(20 * SECOND);
        assertEquals(0.9, tracker.fraction(), 1e-9);
    }
}
