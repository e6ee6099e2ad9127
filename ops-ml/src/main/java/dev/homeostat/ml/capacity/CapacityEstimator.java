package dev.homeostat.ml.capacity;

import dev.homeostat.ml.state.ModelState;
import dev.homeostat.ml.state.StateCodec;
import dev.homeostat.ml.state.StateReader;
import dev.homeostat.ml.state.StateWriter;
import dev.homeostat.ml.telemetry.Sample;

import java.util.Arrays;

/**
 * Learns the true processing rate of one replica from telemetry, the way the Apache Flink
 * autoscaler does: a replica busy a fraction {@code b} of the time while the app processes {@code p}
 * records/s on {@code r} replicas could process {@code p / b / r} records/s when fully busy.
 *
 * <p>Each usable sample gives one such estimate; the result is their median over the last
 * {@link Options#window()} usable samples, which a few bad scrapes cannot drag. Samples with a busy
 * fraction below {@link Options#minBusyFraction()} are ignored because dividing by a tiny busy time
 * amplifies noise, as are samples missing any of the three inputs. Confidence is
 * {@code (1 − e^(−n/minSamples)) / (1 + (cv/0.25)²)}, with {@code n} the usable samples held and
 * {@code cv} their robust coefficient of variation (1.4826·MAD / median): it grows with evidence and
 * falls when the estimates disagree.
 *
 * <p>Memory: two doubles per window slot (the window and a sorted copy kept in step with it, so
 * {@link #estimate()} needs no sort: the median is read off and the MAD found by one merge-like
 * walk outwards from it). Deterministic; not thread-safe.
 */
public final class CapacityEstimator {

    /** Spread of estimates (robust coefficient of variation) at which confidence halves. */
    private static final double SPREAD_AT_HALF_CONFIDENCE = 0.25;

    /** Codec of the persisted state; kind {@code "capacity.estimator"}. */
    public static final StateCodec<CapacityEstimator> CODEC = new Codec();

    /**
     * Options of the estimator.
     *
     * @param minBusyFraction samples busier than this (exclusive bound below) are used, in (0, 1); default 0.1
     * @param window          how many recent usable samples the median is taken over, 3 to 100,000; default 120
     * @param minSamples      usable samples that give about 63 % of the evidence term, at least 1; default 5
     */
    public record Options(double minBusyFraction, int window, int minSamples) {

        /** Validates every field, naming the offending value. */
        public Options {
            if (!(minBusyFraction > 0 && minBusyFraction < 1)) {
                throw new IllegalArgumentException("minBusyFraction must be in (0, 1), got " + minBusyFraction);
            }
            if (window < 3 || window > 100_000) {
                throw new IllegalArgumentException("window must be in [3, 100000], got " + window);
            }
            if (minSamples < 1 || minSamples > window) {
                throw new IllegalArgumentException("minSamples must be in [1, window=" + window + "], got " + minSamples);
            }
        }

        /** Defaults: busy fraction above 0.1, median over the last 120 usable samples, 5 samples for most evidence. */
        public static Options defaults() {
            return new Options(0.1, 120, 5);
        }
    }

    private final Options options;
    private final double[] estimates;
    private final double[] sorted;
    private int next;
    private int count;
    private long used;
    private long ignored;
    private Capacity cached;

    private CapacityEstimator(Options options) {
        this.options = options;
        this.estimates = new double[options.window()];
        this.sorted = new double[options.window()];
    }

    /** A fresh estimator that has learned nothing. */
    public static CapacityEstimator create(Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return new CapacityEstimator(options);
    }

    /** An estimator fed all {@code samples} in order. */
    public static CapacityEstimator fit(Iterable<Sample> samples, Options options) {
        CapacityEstimator estimator = create(options);
        for (Sample s : samples) {
            estimator.observe(s);
        }
        return estimator;
    }

    /** Restores an estimator from {@link #toBytes()}; {@link IllegalArgumentException} on corrupt input. */
    public static CapacityEstimator fromBytes(byte[] bytes) {
        return ModelState.decode(bytes, CODEC);
    }

    /** Feeds the processed rate, busy fraction and ready replicas of a sample; returns whether it was usable. */
    public boolean observe(Sample sample) {
        return observe(sample.processedRate(), sample.busyFraction(), sample.readyReplicas());
    }

    /**
     * Feeds one measurement: total processed records/s, busy fraction in [0, 1] and ready replicas.
     * Returns whether it was usable (all measured, busy enough, at least one replica).
     */
    public boolean observe(double processedRate, double busyFraction, double replicas) {
        boolean usable = Double.isFinite(processedRate) && processedRate >= 0
                && Double.isFinite(busyFraction) && busyFraction > options.minBusyFraction() && busyFraction <= 1
                && Double.isFinite(replicas) && replicas >= 1;
        if (!usable) {
            ignored++;
            return false;
        }
        double estimate = processedRate / busyFraction / replicas;
        if (count == estimates.length) {
            removeSorted(estimates[next]);
        }
        insertSorted(estimate);
        estimates[next] = estimate;
        next = (next + 1) % estimates.length;
        count = Math.min(count + 1, estimates.length);
        used++;
        cached = null;
        return true;
    }

    /** The current estimate; {@link Capacity#UNKNOWN} before any usable sample. */
    public Capacity estimate() {
        if (cached == null) {
            cached = compute();
        }
        return cached;
    }

    /** Usable samples seen since creation. */
    public long usedCount() {
        return used;
    }

    /** Samples ignored since creation (missing inputs, too idle, no replica). */
    public long ignoredCount() {
        return ignored;
    }

    /** The options this estimator was created with. */
    public Options options() {
        return options;
    }

    /** The full state as versioned bytes. */
    public byte[] toBytes() {
        return ModelState.encode(this, CODEC);
    }

    private Capacity compute() {
        if (count == 0) {
            return Capacity.UNKNOWN;
        }
        int n = count;
        double median = (n % 2 == 1) ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        // Deviations from the median grow walking outwards from the middle of the sorted window:
        // merging both walks yields them in increasing order, so the MAD is the middle one of the walk.
        int lo = (n - 1) / 2;
        int hi = lo + 1;
        double previous = 0;
        double current = 0;
        for (int i = 0; i <= n / 2; i++) {
            double below = lo >= 0 ? median - sorted[lo] : Double.POSITIVE_INFINITY;
            double above = hi < n ? sorted[hi] - median : Double.POSITIVE_INFINITY;
            previous = current;
            if (below <= above) {
                current = below;
                lo--;
            } else {
                current = above;
                hi++;
            }
        }
        double mad = (n % 2 == 1) ? current : 0.5 * (previous + current);
        double cv = median > 0 ? 1.4826 * mad / median : 1.0;
        double evidence = 1 - StrictMath.exp(-(double) n / options.minSamples());
        double consistency = 1 / (1 + (cv / SPREAD_AT_HALF_CONFIDENCE) * (cv / SPREAD_AT_HALF_CONFIDENCE));
        return new Capacity(median, Math.clamp(evidence * consistency, 0.0, 1.0), n);
    }

    private void insertSorted(double v) {
        int n = count == sorted.length ? sorted.length - 1 : count;
        int pos = Arrays.binarySearch(sorted, 0, n, v);
        if (pos < 0) {
            pos = -pos - 1;
        }
        System.arraycopy(sorted, pos, sorted, pos + 1, n - pos);
        sorted[pos] = v;
    }

    private void removeSorted(double v) {
        int pos = Arrays.binarySearch(sorted, 0, count, v);
        System.arraycopy(sorted, pos + 1, sorted, pos, count - pos - 1);
    }

    /** Version 1 layout: options, ring position and fill, counters, then the held estimates in slot order. */
    private static final class Codec implements StateCodec<CapacityEstimator> {

        @Override
        public String kind() {
            return "capacity.estimator";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(CapacityEstimator m, StateWriter out) {
            out.writeDouble(m.options.minBusyFraction()).writeInt(m.options.window()).writeInt(m.options.minSamples());
            out.writeInt(m.next).writeInt(m.count).writeLong(m.used).writeLong(m.ignored);
            out.writeDoubles(m.estimates);
        }

        @Override
        public CapacityEstimator read(StateReader in, int version) {
            Options options = new Options(in.readDouble(), in.readInt(), in.readInt());
            CapacityEstimator m = new CapacityEstimator(options);
            m.next = in.readInt();
            m.count = in.readInt();
            m.used = in.readLong();
            m.ignored = in.readLong();
            in.check(m.next >= 0 && m.next < options.window(), "ring position " + m.next);
            in.check(m.count >= 0 && m.count <= options.window(), "fill " + m.count);
            in.check(m.used >= m.count && m.ignored >= 0, "counters used=" + m.used + " ignored=" + m.ignored);
            double[] held = in.readDoubles(options.window());
            in.check(held.length == options.window(), "window of " + held.length + " slots, options say "
                    + options.window());
            for (double v : held) {
                in.check(Double.isFinite(v) && v >= 0, "estimate " + v);
            }
            in.check(m.count == options.window() || m.next == m.count, "ring position " + m.next
                    + " with fill " + m.count);
            System.arraycopy(held, 0, m.estimates, 0, held.length);
            int start = m.count == options.window() ? m.next : 0;
            for (int k = 0; k < m.count; k++) {
                m.sorted[k] = held[(start + k) % held.length];
            }
            Arrays.sort(m.sorted, 0, m.count);
            return m;
        }
    }
}
