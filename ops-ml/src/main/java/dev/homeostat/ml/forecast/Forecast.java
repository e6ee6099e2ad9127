package dev.homeostat.ml.forecast;

/**
 * One immutable forecast of a series at (or, for {@link Forecaster#peak}, over a window ending at) a
 * target time, with an uncertainty band.
 *
 * @param epochMillis   the target time; for a peak, the time at which the point forecast is largest
 * @param horizonMillis how far the target lies beyond the last observation the forecast is based on
 * @param point         the point forecast; NaN (with lower and upper) only when nothing was observed yet
 * @param lower         lower end of the band
 * @param upper         upper end of the band; {@code lower <= point <= upper}
 * @param coverage      the nominal probability that the actual value falls in [lower, upper]
 * @param method        which model produced the point, e.g. {@code "seasonal(1d,7d)+residual"} or {@code "last-value"}
 * @param seasonal      whether a seasonal profile contributed to the point
 * @param ready         whether the model has enough history and measured errors for its band to be empirical;
 *                      when false the point is a fallback (last value / smoothed level) and the band a rough guess
 * @param relativeError recent mean absolute error of this model at about this horizon divided by that of the
 *                      naive "last value" forecast (below 1 = better than naive); NaN until measured
 */
public record Forecast(
        long epochMillis,
        long horizonMillis,
        double point,
        double lower,
        double upper,
        double coverage,
        String method,
        boolean seasonal,
        boolean ready,
        double relativeError) {

    /** Validates the band order (or all three NaN: nothing observed yet) and the coverage. */
    public Forecast {
        boolean unknown = Double.isNaN(point) && Double.isNaN(lower) && Double.isNaN(upper);
        if (!unknown && !(lower <= point && point <= upper)) {
            throw new IllegalArgumentException("band must satisfy lower <= point <= upper, got lower=" + lower
                    + " point=" + point + " upper=" + upper);
        }
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1), got " + coverage);
        }
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method must be named");
        }
    }

    /** Whether there is any forecast at all (false before the first observation). */
    public boolean known() {
        return !Double.isNaN(point);
    }

    /** Whether {@code actual} lies inside the band. */
    public boolean covers(double actual) {
        return actual >= lower && actual <= upper;
    }
}
