package dev.homeostat.ml.telemetry;

import dev.homeostat.ml.state.ModelState;
import dev.homeostat.ml.state.StateCodec;
import dev.homeostat.ml.state.StateReader;
import dev.homeostat.ml.state.StateWriter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Bounded, time-ordered telemetry history of one app: a ring buffer of at most {@link #capacity()}
 * samples, oldest evicted first.
 *
 * <p><b>Memory</b> is fixed per app: one reference array of {@code capacity} slots plus at most
 * {@code capacity} {@link Sample}s of about 120 bytes each, so roughly {@code 128 × capacity}
 * bytes (≈ 1 MiB for 8,192 samples, i.e. 34 hours at one sample per 15 s).
 *
 * <p><b>Tolerance.</b> Samples may arrive late or twice. A sample with the timestamp of one already
 * held replaces it (last write wins, so a re-scrape corrects a value); an older sample is inserted
 * at its place in time; a sample older than everything held in a full history is dropped and
 * counted ({@link #droppedCount()}). Nothing is ever invented: a missing interval stays missing
 * ({@link #gaps(Duration)} finds them) and a NaN field stays NaN, never zero.
 *
 * <p>Thread-safe: every method is synchronized, so a collector may write while a policy reads.
 */
public final class History {

    /** What {@link #add(Sample)} did with a sample. */
    public enum Insert {
        /** Newer than everything held: appended at the end. */
        APPENDED,
        /** Older than the newest sample: inserted at its place in time. */
        INSERTED_OUT_OF_ORDER,
        /** Same timestamp as a held sample, which it replaced. */
        REPLACED_DUPLICATE,
        /** Older than everything held while the history is full: dropped. */
        DROPPED_TOO_OLD
    }

    /** A stretch between two consecutive held samples that is longer than the expected interval. */
    public record Gap(long fromEpochMillis, long toEpochMillis) {
        /** Length of the gap. */
        public Duration length() {
            return Duration.ofMillis(toEpochMillis - fromEpochMillis);
        }
    }

    /** Codec of the persisted history; kind {@code "telemetry.history"}. */
    public static final StateCodec<History> CODEC = new Codec();

    /** Largest capacity accepted, to keep "fixed memory" meaningful (about 128 MiB). */
    public static final int MAX_CAPACITY = 1 << 20;

    private final Sample[] ring;
    private int head;
    private int size;
    private long dropped;

    /** Creates an empty history holding at most {@code capacity} samples (2 to {@value #MAX_CAPACITY}). */
    public History(int capacity) {
        if (capacity < 2 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be in [2, " + MAX_CAPACITY + "], got " + capacity);
        }
        this.ring = new Sample[capacity];
    }

    /** Adds one sample keeping time order; see the class comment for duplicates and late samples. */
    public synchronized Insert add(Sample sample) {
        if (sample == null) {
            throw new IllegalArgumentException("sample must not be null");
        }
        long t = sample.epochMillis();
        if (size == 0 || t > at(size - 1).epochMillis()) {
            append(sample);
            return Insert.APPENDED;
        }
        int pos = lowerBound(t);
        if (pos < size && at(pos).epochMillis() == t) {
            ring[physical(pos)] = sample;
            return Insert.REPLACED_DUPLICATE;
        }
        if (size == ring.length) {
            if (pos == 0) {
                dropped++;
                return Insert.DROPPED_TOO_OLD;
            }
            // Evict the oldest to make room; the insertion point moves one to the left.
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
            pos--;
        }
        for (int i = size; i > pos; i--) {
            ring[physical(i)] = ring[physical(i - 1)];
        }
        ring[physical(pos)] = sample;
        size++;
        return Insert.INSERTED_OUT_OF_ORDER;
    }

    /** Number of samples held. */
    public synchronized int size() {
        return size;
    }

    /** Maximum number of samples held. */
    public int capacity() {
        return ring.length;
    }

    /** Samples dropped because they were older than everything held in a full history. */
    public synchronized long droppedCount() {
        return dropped;
    }

    /** The newest sample, if any. */
    public synchronized Optional<Sample> latest() {
        return size == 0 ? Optional.empty() : Optional.of(at(size - 1));
    }

    /** The oldest sample held, if any. */
    public synchronized Optional<Sample> oldest() {
        return size == 0 ? Optional.empty() : Optional.of(at(0));
    }

    /** All samples held, oldest first, as an immutable snapshot. */
    public synchronized List<Sample> samples() {
        return between(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Samples with {@code from <= epochMillis < to}, oldest first, as an immutable snapshot. */
    public synchronized List<Sample> between(long fromEpochMillis, long toEpochMillisExclusive) {
        List<Sample> out = new ArrayList<>();
        for (int i = lowerBound(fromEpochMillis); i < size; i++) {
            Sample s = at(i);
            if (s.epochMillis() >= toEpochMillisExclusive) {
                break;
            }
            out.add(s);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The measured values of {@code metric} from {@code fromEpochMillis} on, oldest first. Samples
     * where the metric was not measured are left out, so the result has holes where the data has.
     */
    public synchronized TimeSeries series(Metric metric, long fromEpochMillis) {
        int start = lowerBound(fromEpochMillis);
        long[] times = new long[size - start];
        double[] values = new double[size - start];
        int n = 0;
        for (int i = start; i < size; i++) {
            Sample s = at(i);
            double v = metric.of(s);
            if (Sample.measured(v)) {
                times[n] = s.epochMillis();
                values[n] = v;
                n++;
            }
        }
        return new TimeSeries(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
    }

    /** Consecutive held samples further apart than {@code expectedInterval}, oldest first. */
    public synchronized List<Gap> gaps(Duration expectedInterval) {
        long limit = requirePositive(expectedInterval, "expectedInterval");
        List<Gap> out = new ArrayList<>();
        for (int i = 1; i < size; i++) {
            long from = at(i - 1).epochMillis();
            long to = at(i).epochMillis();
            if (to - from > limit) {
                out.add(new Gap(from, to));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Time since the newest sample according to {@code clock}; empty when nothing was ever received. */
    public synchronized Optional<Duration> age(Clock clock) {
        if (size == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(clock.millis() - at(size - 1).epochMillis()));
    }

    /**
     * Whether telemetry is stale: no sample at all, or the newest is older than {@code maxAge}
     * according to {@code clock}. Stale telemetry must never be read as "no load".
     */
    public synchronized boolean isStale(Clock clock, Duration maxAge) {
        long limit = requirePositive(maxAge, "maxAge");
        return size == 0 || clock.millis() - at(size - 1).epochMillis() > limit;
    }

    /** The capacity and every held sample as versioned bytes, so history survives an operator restart. */
    public synchronized byte[] toBytes() {
        return ModelState.encode(this, CODEC);
    }

    /** Restores a history from {@link #toBytes()}; {@link IllegalArgumentException} on corrupt input. */
    public static History fromBytes(byte[] bytes) {
        return ModelState.decode(bytes, CODEC);
    }

    private void append(Sample sample) {
        if (size == ring.length) {
            ring[head] = sample;
            head = (head + 1) % ring.length;
        } else {
            ring[physical(size)] = sample;
            size++;
        }
    }

    /** First logical index whose timestamp is >= t (size if none). */
    private int lowerBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(mid).epochMillis() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Sample at(int logical) {
        return ring[physical(logical)];
    }

    private int physical(int logical) {
        return (head + logical) % ring.length;
    }

    private static long requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
        return d.toMillis();
    }

    /** Version 1 layout: capacity, dropped count, then each sample oldest first as its time and 12 fields. */
    private static final class Codec implements StateCodec<History> {

        private static final Metric[] FIELDS = Metric.values();

        @Override
        public String kind() {
            return "telemetry.history";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(History h, StateWriter out) {
            synchronized (h) {
                out.writeInt(h.ring.length).writeLong(h.dropped).writeInt(h.size);
                for (int i = 0; i < h.size; i++) {
                    Sample s = h.at(i);
                    out.writeLong(s.epochMillis());
                    for (Metric m : FIELDS) {
                        out.writeDouble(m.of(s));
                    }
                }
            }
        }

        @Override
        public History read(StateReader in, int version) {
            History h = new History(in.readInt());
            h.dropped = in.readLong();
            int size = in.readInt();
            in.check(h.dropped >= 0 && size >= 0 && size <= h.ring.length, "size " + size + " dropped " + h.dropped);
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                long t = in.readLong();
                in.check(i == 0 || t > previous, "sample times out of order at " + i);
                double[] v = new double[FIELDS.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = in.readDouble();
                }
                h.append(new Sample(t, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]));
                previous = t;
            }
            return h;
        }
    }
}
