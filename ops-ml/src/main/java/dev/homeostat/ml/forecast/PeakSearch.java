package dev.homeostat.ml.forecast;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * The peak of {@link SeasonalForecaster}'s forecast over a window. The point forecast is piecewise linear in
 * time between profile knots and anchor horizons, so its maximum lies on one of them or on a window end: those
 * are the times evaluated, or {@value #POINTS} evenly spaced ones when more fall in the window.
 */
final class PeakSearch {

    /** Points evaluated at most. */
    static final int POINTS = 64;

    private PeakSearch() {
    }

    /**
     * The forecast with the highest point over {@code [from, to]}, its band the highest lower and upper ends
     * seen; the first unknown forecast as is.
     */
    static Forecast peak(LongFunction<Forecast> forecastAt, long[] times) {
        Forecast best = null;
        double maxLower = Double.NEGATIVE_INFINITY;
        double maxUpper = Double.NEGATIVE_INFINITY;
        for (long t : times) {
            Forecast f = forecastAt.apply(t);
            if (!f.known()) {
                return f;
            }
            if (best == null || f.point() > best.point()) {
                best = f;
            }
            maxLower = Math.max(maxLower, f.lower());
            maxUpper = Math.max(maxUpper, f.upper());
        }
        return new Forecast(best.epochMillis(), best.horizonMillis(), best.point(), Math.min(maxLower, best.point()),
                Math.max(maxUpper, best.point()), best.coverage(), best.method(), best.seasonal(), best.ready(),
                best.relativeError());
    }

    /** Window ends, anchor horizons after {@code lastMillis} and active profile knots inside the window, sorted. */
    static long[] times(long from, long to, long lastMillis, long[] anchors, SeasonalExpectation expectation) {
        long[] buf = new long[POINTS];
        int n = 0;
        buf[n++] = from;
        buf[n++] = to;
        for (long a : anchors) {
            long t = lastMillis + a;
            if (t > from && t < to) {
                buf[n++] = t;
            }
        }
        n = expectation.knotsBetween(from, to, buf, n);
        if (n < 0) {
            return evenlySpaced(from, to);
        }
        long[] times = Arrays.copyOf(buf, n);
        Arrays.sort(times);
        return times;
    }

    private static long[] evenlySpaced(long from, long to) {
        long[] times = new long[POINTS];
        for (int i = 0; i < POINTS; i++) {
            times[i] = from + (long) ((double) (to - from) * i / (POINTS - 1));
        }
        return times;
    }
}
