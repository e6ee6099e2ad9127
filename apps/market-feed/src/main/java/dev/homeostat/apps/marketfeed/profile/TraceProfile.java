package dev.homeostat.apps.marketfeed.profile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Replays a recorded load trace, time-compressed: each trace point lasts {@code pointDuration} of wall
 * time, the rate is the point's value times {@code scale}, linearly interpolated between points, and
 * the trace loops when it ends. E.g. NAB's half-hourly {@code nyc_taxi.csv} with a point duration of
 * one second replays a day in 48 seconds.
 *
 * @param values        the trace values in time order, at least two, none negative
 * @param pointDuration wall time each point lasts, positive
 * @param scale         records per second per unit of trace value, at least 0
 */
public record TraceProfile(List<Double> values, Duration pointDuration, double scale) implements LoadProfile {

    public TraceProfile {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(pointDuration, "pointDuration");
        values = List.copyOf(values);
        if (values.size() < 2) {
            throw new IllegalArgumentException("a trace needs at least 2 points, had " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("trace value " + i + " must be finite and >= 0, was " + value);
            }
        }
        if (pointDuration.isNegative() || pointDuration.isZero()) {
            throw new IllegalArgumentException("pointDuration must be positive, was " + pointDuration);
        }
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and >= 0, was " + scale);
        }
    }

    @Override
    public double ratePerSecond(Duration elapsed) {
        double position = Math.max(0, (double) elapsed.toNanos() / pointDuration.toNanos());
        int size = values.size();
        int index = (int) (position % size);
        double fraction = position - Math.floor(position);
        double current = values.get(index);
        double next = values.get((index + 1) % size);
        return scale * (current + (next - current) * fraction);
    }
}
