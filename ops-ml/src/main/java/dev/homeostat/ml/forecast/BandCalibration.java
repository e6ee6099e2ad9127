package dev.homeostat.ml.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;

/**
 * The per-horizon part of {@link SeasonalForecaster}: at a few anchor horizons (1, 2, 4, … steps up to the
 * horizon) it issues a forecast every step, compares it with the value that arrives, fits the residual model
 * ({@link ResidualRegression}) and keeps the scaled errors whose adaptive quantiles ({@link ErrorWindow},
 * adaptive conformal inference) make the band; between anchors everything is interpolated.
 */
final class BandCalibration {

    /** Errors needed at an anchor before its band comes from measured errors. */
    static final int MIN_ERRORS = 20;

    /** Largest scaled error a band learns from: an error a thousand times the series' scale is a regime change. */
    private static final double MAX_SCALED_ERROR = 1e3;

    final long[] anchors;
    final ResidualRegression[] regressions;
    final ErrorWindow[] errors;
    final PendingForecasts[] pending;
    private final long stepMillis;
    private final boolean nonNegative;

    BandCalibration(long stepMillis, long horizonMillis, double coverage, boolean nonNegative) {
        this.stepMillis = stepMillis;
        this.nonNegative = nonNegative;
        this.anchors = anchors(stepMillis, horizonMillis);
        this.regressions = new ResidualRegression[anchors.length];
        this.errors = new ErrorWindow[anchors.length];
        this.pending = new PendingForecasts[anchors.length];
        for (int k = 0; k < anchors.length; k++) {
            regressions[k] = new ResidualRegression();
            errors[k] = new ErrorWindow(1 - coverage);
            pending[k] = new PendingForecasts((int) (anchors[k] / stepMillis) + 2);
        }
    }

    /** Anchor horizons: 1, 2, 4, … steps below the horizon, then the horizon itself. */
    static long[] anchors(long step, long horizon) {
        List<Long> out = new ArrayList<>();
        for (long h = step; h < horizon; h *= 2) {
            out.add(h);
        }
        out.add(horizon);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Whether every anchor has {@link #MIN_ERRORS} measured errors. */
    boolean calibrated() {
        for (ErrorWindow w : errors) {
            if (w.count < MIN_ERRORS) {
                return false;
            }
        }
        return true;
    }

    /** Forgets the residual model, the errors and the pending forecasts: the expectation changed meaning. */
    void reset() {
        for (int k = 0; k < anchors.length; k++) {
            regressions[k].reset();
            errors[k].reset();
            pending[k].clear();
        }
    }

    /** The point forecast {@code s + b1(h)·residual + b2(h)·smoothedResidual}, coefficients interpolated. */
    double point(double s, long h, double residual, double smoothedResidual) {
        int lo = anchorBelow(h);
        int hi = Math.min(lo + 1, anchors.length - 1);
        double w = weight(h, lo, hi);
        double b1 = lerp(regressions[lo].b1, regressions[hi].b1, w);
        double b2 = lerp(regressions[lo].b2, regressions[hi].b2, w);
        return s + b1 * residual + b2 * smoothedResidual;
    }

    /**
     * The band {lower, upper} around {@code point} at horizon {@code h} from measured errors scaled by
     * {@code scale}, widened by √(h/H) beyond the longest anchor; null while the neighbouring anchors lack errors.
     */
    double[] empiricalBand(long h, double point, double scale) {
        int lo = anchorBelow(h);
        int hi = Math.min(lo + 1, anchors.length - 1);
        if (!(empirical(lo) && empirical(hi))) {
            return null;
        }
        double w = weight(h, lo, hi);
        double tail = lerp(errors[lo].miss, errors[hi].miss, w) / 2;
        double widen = h > anchors[anchors.length - 1] ? Math.sqrt((double) h / anchors[anchors.length - 1]) : 1;
        double widened = scale * widen;
        return new double[] {
            point + widened * lerp(errors[lo].quantile(tail), errors[hi].quantile(tail), w),
            point + widened * lerp(errors[lo].quantile(1 - tail), errors[hi].quantile(1 - tail), w)};
    }

    /** Recent error relative to the naive forecast's at horizon {@code h}, NaN until measured. */
    double relativeError(long h) {
        int lo = anchorBelow(h);
        int hi = Math.min(lo + 1, anchors.length - 1);
        return lerp(errors[lo].relativeError(MIN_ERRORS), errors[hi].relativeError(MIN_ERRORS), weight(h, lo, hi));
    }

    /** Scores the pending forecasts whose target is {@code t} (within half a step) against the value {@code y}. */
    void resolve(long t, double y) {
        long tolerance = stepMillis / 2;
        for (int k = 0; k < anchors.length; k++) {
            PendingForecasts p = pending[k];
            while (p.size > 0) {
                int i = p.first();
                if (p.target[i] < t - tolerance) {
                    p.pop(); // its target fell in a gap: nothing to compare with
                } else if (p.target[i] <= t + tolerance) {
                    regressions[k].add(p.residual[i], p.smoothedResidual[i], y - p.seasonal[i]);
                    double err = y - p.point[i];
                    if (!Double.isNaN(p.lower[i])) {
                        errors[k].adapt(y < p.lower[i] || y > p.upper[i]);
                    }
                    // A series that sat at zero has a scale near Double.MIN_NORMAL: its first burst would give an
                    // infinite scaled error and a NaN band, so scaled errors are bounded and non-finite ones skipped.
                    double scaled = err / p.scale[i];
                    if (Double.isFinite(scaled)) {
                        errors[k].add(Math.clamp(scaled, -MAX_SCALED_ERROR, MAX_SCALED_ERROR), Math.abs(err),
                                Math.abs(y - p.lastValue[i]));
                    }
                    p.pop();
                } else {
                    break;
                }
            }
        }
    }

    /** Issues, at {@code t}, one forecast per anchor, to be scored by {@link #resolve} when its target arrives. */
    void issue(long t, LongToDoubleFunction seasonal, DoubleUnaryOperator scaleOf, double residual,
               double smoothedResidual, double lastValue) {
        for (int k = 0; k < anchors.length; k++) {
            long target = t + anchors[k];
            double s = seasonal.applyAsDouble(target);
            ResidualRegression reg = regressions[k];
            double point = s + reg.b1 * residual + reg.b2 * smoothedResidual;
            double scale = scaleOf.applyAsDouble(s);
            double lower = Double.NaN;
            double upper = Double.NaN;
            if (empirical(k)) {
                double tail = errors[k].miss / 2;
                lower = point + scale * errors[k].quantile(tail);
                upper = point + scale * errors[k].quantile(1 - tail);
            }
            if (nonNegative) {
                point = Math.max(0, point);
                if (empirical(k)) {
                    lower = Math.max(0, lower);
                }
            }
            if (empirical(k)) {
                lower = Math.min(lower, point);
                upper = Math.max(upper, point);
            }
            pending[k].push(target, s, residual, smoothedResidual, point, lastValue, scale, lower, upper);
        }
    }

    /** Whether the band at anchor {@code k} comes from measured errors. */
    private boolean empirical(int k) {
        return errors[k].count >= MIN_ERRORS;
    }

    /** Index of the largest anchor not above {@code h} (0 when h is below the first). */
    private int anchorBelow(long h) {
        int k = 0;
        while (k + 1 < anchors.length && anchors[k + 1] <= h) {
            k++;
        }
        return k;
    }

    private double weight(long h, int lo, int hi) {
        if (lo == hi || h <= anchors[lo]) {
            return 0;
        }
        return Math.min(1.0, (double) (h - anchors[lo]) / (anchors[hi] - anchors[lo]));
    }

    private static double lerp(double a, double b, double w) {
        if (w == 0) {
            return a;
        }
        return a + w * (b - a);
    }
}
