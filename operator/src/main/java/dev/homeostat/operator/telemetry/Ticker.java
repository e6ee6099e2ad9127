package dev.homeostat.operator.telemetry;

/**
 * A monotonic clock in nanoseconds for timing reads against each other. Rates divide a counter's increase by the
 * time between the two reads that saw it, so that time must come from a clock that never jumps (not the wall clock)
 * and must be the time of the reads themselves, not of the round that asked for them. Injectable so tests can say
 * how much time passed.
 */
@FunctionalInterface
public interface Ticker {

    /** {@link System#nanoTime()}. */
    Ticker SYSTEM = System::nanoTime;

    /** Nanoseconds from an arbitrary origin; only differences between two calls mean anything. */
    long nanos();
}
