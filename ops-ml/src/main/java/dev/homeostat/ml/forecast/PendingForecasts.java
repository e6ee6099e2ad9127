package dev.homeostat.ml.forecast;

import dev.homeostat.ml.state.StateReader;
import dev.homeostat.ml.state.StateWriter;

/**
 * Forecasts issued for one horizon and not yet compared with what happened: a FIFO ring ordered by
 * target time. Each entry keeps what the forecaster knew when issuing it, so errors are measured
 * honestly, from the past only.
 */
final class PendingForecasts {

    final long[] target;
    final double[] seasonal;
    final double[] residual;
    final double[] smoothedResidual;
    final double[] point;
    final double[] lastValue;
    final double[] scale;
    final double[] lower;
    final double[] upper;
    int head;
    int size;

    PendingForecasts(int capacity) {
        target = new long[capacity];
        seasonal = new double[capacity];
        residual = new double[capacity];
        smoothedResidual = new double[capacity];
        point = new double[capacity];
        lastValue = new double[capacity];
        scale = new double[capacity];
        lower = new double[capacity];
        upper = new double[capacity];
    }

    /** Adds a forecast; {@code lo} and {@code up} are its band, NaN when the band was not yet empirical. */
    void push(long t, double s, double r1, double r2, double p, double y0, double sc, double lo, double up) {
        if (size == target.length) {
            pop();
        }
        int i = (head + size) % target.length;
        target[i] = t;
        seasonal[i] = s;
        residual[i] = r1;
        smoothedResidual[i] = r2;
        point[i] = p;
        lastValue[i] = y0;
        scale[i] = sc;
        lower[i] = lo;
        upper[i] = up;
        size++;
    }

    /** Index of the oldest entry; only valid when {@code size > 0}. */
    int first() {
        return head;
    }

    void pop() {
        head = (head + 1) % target.length;
        size--;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    void write(StateWriter out) {
        out.writeInt(size);
        for (int k = 0; k < size; k++) {
            int i = (head + k) % target.length;
            out.writeLong(target[i]).writeDouble(seasonal[i]).writeDouble(residual[i])
                    .writeDouble(smoothedResidual[i]).writeDouble(point[i]).writeDouble(lastValue[i])
                    .writeDouble(scale[i]).writeDouble(lower[i]).writeDouble(upper[i]);
        }
    }

    void read(StateReader in) {
        int n = in.readInt();
        in.check(n >= 0 && n <= target.length, "pending forecasts " + n + " of at most " + target.length);
        clear();
        for (int k = 0; k < n; k++) {
            long t = in.readLong();
            double s = in.readDouble();
            double r1 = in.readDouble();
            double r2 = in.readDouble();
            double p = in.readDouble();
            double y0 = in.readDouble();
            double sc = in.readDouble();
            double lo = in.readDouble();
            double up = in.readDouble();
            in.check(Double.isFinite(s + r1 + r2 + p + y0 + sc), "pending forecast " + k);
            in.check(Double.isNaN(lo) == Double.isNaN(up) && !Double.isInfinite(lo) && !Double.isInfinite(up),
                    "pending band " + k);
            push(t, s, r1, r2, p, y0, sc, lo, up);
        }
    }
}
