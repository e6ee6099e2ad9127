package dev.homeostat.operator.local;

import java.util.ArrayDeque;

/**
 * Rates of monotonic counts over the last few seconds. Consumer groups commit every few seconds, so a one-second
 * difference flickers between 0 and a burst; a window shows the rate a person (and a chart) expects.
 */
final class RateWindow {

    private static final long WINDOW_NANOS = 5_000_000_000L;

    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    /** Adds counts taken at {@code nanos}. */
    synchronized void add(long nanos, long... counts) {
        long[] sample = new long[counts.length + 1];
        sample[0] = nanos;
        System.arraycopy(counts, 0, sample, 1, counts.length);
        samples.addLast(sample);
        while (samples.size() > 2 && nanos - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    /** Per-second rate of count {@code index} over the window; NaN until two samples exist. */
    synchronized double rate(int index) {
        if (samples.size() < 2) {
            return Double.NaN;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        double seconds = (last[0] - first[0]) / 1e9;
        return seconds <= 0 ? Double.NaN : Math.max(0, last[index + 1] - first[index + 1]) / seconds;
    }
}
