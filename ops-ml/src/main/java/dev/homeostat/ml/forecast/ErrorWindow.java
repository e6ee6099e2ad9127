package dev.homeostat.ml.forecast;

import dev.homeostat.ml.state.StateReader;
import dev.homeostat.ml.state.StateWriter;

import java.util.Arrays;

/**
 * The last {@link #SIZE} scaled forecast errors at one horizon, for empirical band quantiles, plus
 * forgetting means of the model's and the naive forecast's absolute errors for a quality figure.
 *
 * <p>The band's miss level adapts online as in adaptive conformal inference (Gibbs &amp; Candès,
 * <i>Adaptive Conformal Inference Under Distribution Shift</i>, NeurIPS 2021): after each band that
 * missed it shrinks, after each that held it grows, by {@link #ADAPT_RATE} times the difference from
 * the nominal miss rate. Over any long stretch the realised coverage then tends to the nominal one,
 * even when errors drift, which a fixed quantile of past errors cannot promise.
 * A sorted copy is kept in step with the window (binary search and one array shift per error), so
 * a quantile costs a few operations and an error about a hundred nanoseconds.
 */
final class ErrorWindow {

    static final int SIZE = 256;
    private static final double MAE_MEMORY = 200;

    /** Step of the miss-level adaptation per resolved band. */
    static final double ADAPT_RATE = 0.005;

    private static final double MIN_MISS = 0.002;
    private static final double MAX_MISS = 0.5;

    final double[] ring = new double[SIZE];
    int next;
    int count;
    double maeModel;
    double maeNaive;
    double maeWeight;
    private final double[] sorted = new double[SIZE];
    final double nominalMiss;
    double miss;

    ErrorWindow(double nominalMiss) {
        this.nominalMiss = nominalMiss;
        this.miss = nominalMiss;
    }

    /** Adapts the miss level after a band issued earlier held ({@code false}) or missed ({@code true}). */
    void adapt(boolean missed) {
        miss = Math.clamp(miss + ADAPT_RATE * (nominalMiss - (missed ? 1 : 0)), MIN_MISS, MAX_MISS);
    }

    void add(double scaledError, double absError, double absNaiveError) {
        if (count == SIZE) {
            removeSorted(ring[next]);
        }
        insertSorted(scaledError);
        ring[next] = scaledError;
        next = (next + 1) % SIZE;
        count = Math.min(count + 1, SIZE);
        double keep = 1 - 1 / MAE_MEMORY;
        maeModel = maeModel * keep + absError;
        maeNaive = maeNaive * keep + absNaiveError;
        maeWeight = maeWeight * keep + 1;
    }

    void reset() {
        next = 0;
        count = 0;
        maeModel = maeNaive = maeWeight = 0;
        miss = nominalMiss;
    }

    /** Empirical quantile {@code p} of the held scaled errors (linear interpolation); 0 when empty. */
    double quantile(double p) {
        if (count == 0) {
            return 0;
        }
        double pos = p * (count - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, count - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Model MAE over naive MAE, NaN until {@code minCount} errors were seen or the naive one is zero. */
    double relativeError(int minCount) {
        return count < minCount || maeNaive <= 0 ? Double.NaN : maeModel / maeNaive;
    }

    void write(StateWriter out) {
        out.writeInt(next).writeInt(count).writeDouble(maeModel).writeDouble(maeNaive).writeDouble(maeWeight)
                .writeDouble(miss);
        out.writeDoubles(ring);
    }

    void read(StateReader in) {
        next = in.readInt();
        count = in.readInt();
        maeModel = in.readDouble();
        maeNaive = in.readDouble();
        maeWeight = in.readDouble();
        miss = in.readDouble();
        in.check(miss >= MIN_MISS && miss <= MAX_MISS, "band miss level " + miss);
        in.check(next >= 0 && next < SIZE && count >= 0 && count <= SIZE
                && (count == SIZE || next == count), "error window position");
        in.check(Double.isFinite(maeModel + maeNaive + maeWeight), "error window means");
        double[] held = in.readDoubles(SIZE);
        in.check(held.length == SIZE, "error window of " + held.length);
        for (double v : held) {
            in.check(Double.isFinite(v), "error window value " + v);
        }
        System.arraycopy(held, 0, ring, 0, SIZE);
        // The held errors are the oldest-first slots before next when full, else slots 0..count-1.
        int start = count == SIZE ? next : 0;
        for (int k = 0; k < count; k++) {
            sorted[k] = ring[(start + k) % SIZE];
        }
        Arrays.sort(sorted, 0, count);
    }

    private void insertSorted(double v) {
        int n = count == SIZE ? SIZE - 1 : count;
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
}
