package dev.homeostat.ml.sim;

/**
 * The arrival rate a trace implies, in records per simulated second: a piecewise-linear curve
 * through one knot per trace row (at the middle of its interval, value = count ÷ interval), scaled so
 * the curve's peak needs {@code peakReplicas} replicas of capacity μ, with the trace's clock sped up
 * {@code compress} times. Before the first and after the last knot the rate stays flat; a missing
 * row is bridged by the straight line between its neighbours. Immutable and thread-safe; read it
 * through a {@link Cursor}, which answers in O(1) for non-decreasing times.
 */
public final class LoadProfile {

    private final double[] knotSeconds;
    private final double[] knotRates;
    /** Rate change per second from each knot to the next (0 after the last), so reading needs no division. */
    private final double[] slopes;
    private final int durationSeconds;
    private final long startEpochSeconds;

    private LoadProfile(double[] knotSeconds, double[] knotRates, int durationSeconds, long startEpochSeconds) {
        this.knotSeconds = knotSeconds;
        this.knotRates = knotRates;
        this.slopes = new double[knotRates.length];
        for (int i = 0; i + 1 < knotRates.length; i++) {
            slopes[i] = (knotRates[i + 1] - knotRates[i]) / (knotSeconds[i + 1] - knotSeconds[i]);
        }
        this.durationSeconds = durationSeconds;
        this.startEpochSeconds = startEpochSeconds;
    }

    /** Rescales {@code trace} as {@code options} say (peak replicas × capacity, compression). */
    public static LoadProfile rescaled(Trace trace, SimOptions options) {
        double[] values = trace.values();
        long[] times = trace.epochSeconds();
        double interval = trace.intervalSeconds();
        double peak = 0;
        for (double v : values) {
            peak = Math.max(peak, v);
        }
        if (peak <= 0) {
            throw new IllegalArgumentException("trace " + trace.name() + " has no events at all; nothing to scale");
        }
        double scale = options.peakReplicas() * options.capacity() / peak;
        int n = values.length;
        double[] at = new double[n];
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = ((times[i] - times[0]) + interval / 2) / options.compress();
            rate[i] = values[i] * scale;
        }
        double end = ((times[n - 1] - times[0]) + interval) / options.compress();
        int duration = (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil(end));
        return new LoadProfile(at, rate, duration, times[0]);
    }

    /** A profile straight from knots (seconds, rates), for tests and synthetic loads. */
    public static LoadProfile ofKnots(double[] knotSeconds, double[] knotRates, int durationSeconds) {
        if (knotSeconds.length != knotRates.length || knotSeconds.length == 0) {
            throw new IllegalArgumentException("need as many knot times as rates (at least one), got "
                    + knotSeconds.length + " and " + knotRates.length);
        }
        for (int i = 0; i < knotRates.length; i++) {
            if (!(knotRates[i] >= 0 && Double.isFinite(knotRates[i]))) {
                throw new IllegalArgumentException("knot rate must be finite and >= 0, got " + knotRates[i] + " at " + i);
            }
            if (i > 0 && !(knotSeconds[i] > knotSeconds[i - 1])) {
                throw new IllegalArgumentException("knot times must increase, got " + knotSeconds[i - 1] + " then " + knotSeconds[i]);
            }
        }
        if (durationSeconds < 1) {
            throw new IllegalArgumentException("durationSeconds must be >= 1, got " + durationSeconds);
        }
        return new LoadProfile(knotSeconds.clone(), knotRates.clone(), durationSeconds, 0);
    }

    /** Length of the simulation in seconds. */
    public int durationSeconds() {
        return durationSeconds;
    }

    /** Unix time of the trace's first row; the simulated clock starts there. */
    public long startEpochSeconds() {
        return startEpochSeconds;
    }

    /** The largest rate over {@code [fromSecond, toSecond)}: the curve is linear between knots, so knots and ends suffice. */
    public double peakRate(int fromSecond, int toSecond) {
        Cursor c = cursor();
        double peak = Math.max(c.rateAt(fromSecond), rateAt(Math.max(fromSecond, toSecond - 1)));
        for (int i = 0; i < knotSeconds.length; i++) {
            if (knotSeconds[i] >= fromSecond && knotSeconds[i] < toSecond) {
                peak = Math.max(peak, knotRates[i]);
            }
        }
        return peak;
    }

    /** The rate at one second (O(log n)); prefer a {@link Cursor} in loops. */
    public double rateAt(double second) {
        int lo = 0;
        int hi = knotSeconds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (knotSeconds[mid] <= second) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return interpolate(lo, second);
    }

    /** A reader for non-decreasing times; one per thread. */
    public Cursor cursor() {
        return new Cursor();
    }

    private double interpolate(int k, double second) {
        if (second <= knotSeconds[0]) {
            return knotRates[0];
        }
        if (k >= knotSeconds.length - 1) {
            return knotRates[knotSeconds.length - 1];
        }
        return knotRates[k] + (second - knotSeconds[k]) * slopes[k];
    }

    /** Walks the curve forward; each call costs O(1) amortised when times do not decrease. */
    public final class Cursor {
        private int knot;

        private Cursor() {
        }

        /** The rate at {@code second}, which must not be before the previous call's. */
        public double rateAt(double second) {
            while (knot + 1 < knotSeconds.length && knotSeconds[knot + 1] <= second) {
                knot++;
            }
            return interpolate(knot, second);
        }
    }
}
