package dev.homeostat.apps.tradesignals.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Busy fraction: time spent processing divided by wall time. Processing time is summed as it is
 * recorded; a reading returns the fraction over the last completed window (rolled at the first read
 * after {@code window} has passed), or over the current partial window before the first roll.
 * With processing on several threads the fraction can exceed 1 (it then counts busy cores).
 */
public final class BusyTracker {

    private final LongSupplier nanoTime;
    private final long windowNanos;
    private final LongAdder busyNanos = new LongAdder();
    private long windowStart;
    private double lastFraction;
    private boolean rolled;

    /** Tracks busy time against the given monotonic clock (e.g. {@code System::nanoTime}). */
    public BusyTracker(LongSupplier nanoTime, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.nanoTime = nanoTime;
        this.windowNanos = window.toNanos();
        this.windowStart = nanoTime.getAsLong();
    }

    /** Adds processing time. */
    public void record(long processingNanos) {
        busyNanos.add(processingNanos);
    }

    /** The busy fraction as described in the class comment; 0 before any wall time passed. */
    public synchronized double fraction() {
        long now = nanoTime.getAsLong();
        long elapsed = now - windowStart;
        if (elapsed >= windowNanos) {
            lastFraction = (double) busyNanos.sumThenReset() / elapsed;
            windowStart = now;
            rolled = true;
        } else if (!rolled) {
            return elapsed > 0 ? (double) busyNanos.sum() / elapsed : 0.0;
        }
        return lastFraction;
    }
}
