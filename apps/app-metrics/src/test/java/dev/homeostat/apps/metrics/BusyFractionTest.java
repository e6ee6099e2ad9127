package dev.homeostat.apps.metrics;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Busy ratio over a sliding window, driven by a fake clock. */
class BusyFractionTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void isBusyTimeOverTheCompleteSecondsOfTheWindow() {
        // given a 10 s window and 0.5 s of work in each of 10 seconds
        AtomicLong now = new AtomicLong(100 * SECOND);
        BusyFraction busy = new BusyFraction(10, now::get);
        for (int i = 0; i < 10; i++) {
            busy.record(SECOND / 2);
            now.addAndGet(SECOND);
        }
        // then
        assertEquals(0.5, busy.value(), 1e-9);
        // when 20 idle seconds pass
        now.addAndGet(20 * SECOND);
        // then
        assertEquals(0.0, busy.value(), 1e-9);
    }

    @Test
    void theCurrentSecondIsNotCountedYet() {
        AtomicLong now = new AtomicLong(5 * SECOND);
        BusyFraction busy = new BusyFraction(2, now::get);
        busy.record(SECOND);
        assertEquals(0.0, busy.value());
        now.addAndGet(SECOND);
        assertEquals(0.5, busy.value(), 1e-9);
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new BusyFraction(0, System::nanoTime));
    }
}
