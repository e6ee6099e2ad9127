package dev.homeostat.apps.metrics;

import java.util.function.LongSupplier;

/**
 * Share of wall time spent processing over a sliding window of one-second buckets: the sum of
 * processing time recorded in the last {@code windowSeconds} complete seconds divided by that span.
 * It can exceed 1 when records are processed concurrently.
 */
public final class BusyFraction {

    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private final long[] busyNanos;
    private final long[] bucketSecond;

    /** A meter over {@code windowSeconds} seconds reading time from {@code nanoTime}. */
    public BusyFraction(int windowSeconds, LongSupplier nanoTime) {
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("windowSeconds must be >= 1, got " + windowSeconds);
        }
        this.nanoTime = nanoTime;
        this.busyNanos = new long[windowSeconds + 1];
        this.bucketSecond = new long[windowSeconds + 1];
        java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    /** Adds {@code nanos} of processing, counted in the second it finished. */
    public synchronized void record(long nanos) {
        long second = Math.floorDiv(nanoTime.getAsLong(), SECOND);
        int slot = (int) Math.floorMod(second, (long) busyNanos.length);
        if (bucketSecond[slot] != second) {
            bucketSecond[slot] = second;
            busyNanos[slot] = 0;
        }
        busyNanos[slot] += nanos;
    }

    /** Busy time over the last complete seconds of the window divided by their length. */
    public synchronized double value() {
        long current = Math.floorDiv(nanoTime.getAsLong(), SECOND);
        int window = busyNanos.length - 1;
        long busy = 0;
        for (int i = 0; i < busyNanos.length; i++) {
            long age = current - bucketSecond[i];
            if (age >= 1 && age <= window) {
                busy += busyNanos[i];
            }
        }
        return busy / (double) (window * SECOND);
    }
}
