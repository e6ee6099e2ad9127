package dev.homeostat.apps.fraud.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, time-limited window of the freshest labelled examples: at most {@code capacity}
 * examples (a ring, oldest overwritten first), and only those younger than {@code maxAge} are used.
 *
 * <p>Written by the processing thread and read by the trainer, so access is synchronized; a
 * snapshot is a copy, so training never blocks scoring for longer than the copy.
 */
public final class TrainingWindow {

    private final LabelledExample[] ring;
    private final Duration maxAge;
    private int next;
    private int size;

    /** A window of at most {@code capacity} examples younger than {@code maxAge}. */
    public TrainingWindow(int capacity, Duration maxAge) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be > 0, got " + maxAge);
        }
        this.ring = new LabelledExample[capacity];
        this.maxAge = maxAge;
    }

    /** Adds an example, evicting the oldest when full. */
    public synchronized void add(LabelledExample example) {
        ring[next] = example;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** Number of examples held, fresh or not. */
    public synchronized int size() {
        return size;
    }

    /** The examples younger than {@code maxAge} at {@code now}, oldest first. */
    public synchronized List<LabelledExample> freshAt(Instant now) {
        Instant cutoff = now.minus(maxAge);
        List<LabelledExample> fresh = new ArrayList<>(size);
        for (int i = size; i >= 1; i--) {
            LabelledExample example = ring[(next - i + ring.length) % ring.length];
            if (example.time().isAfter(cutoff)) {
                fresh.add(example);
            }
        }
        return fresh;
    }
}
