package dev.homeostat.ml.telemetry;

import java.util.Arrays;

/**
 * An immutable irregular time series: strictly increasing timestamps (epoch millis) with finite values.
 * Missing measurements are absent, not zero.
 */
public record TimeSeries(long[] epochMillis, double[] values) {

    /** Validates equal lengths, strictly increasing times and finite values; copies both arrays. */
    public TimeSeries {
        if (epochMillis == null || values == null) {
            throw new IllegalArgumentException("epochMillis and values must not be null");
        }
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("epochMillis and values differ in length: "
                    + epochMillis.length + " vs " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] is not finite: " + values[i]);
            }
            if (i > 0 && epochMillis[i] <= epochMillis[i - 1]) {
                throw new IllegalArgumentException("epochMillis must increase strictly, but [" + (i - 1) + "]="
                        + epochMillis[i - 1] + " and [" + i + "]=" + epochMillis[i]);
            }
        }
        epochMillis = epochMillis.clone();
        values = values.clone();
    }

    /** Number of points. */
    public int size() {
        return values.length;
    }

    /** Timestamps (a copy). */
    @Override
    public long[] epochMillis() {
        return epochMillis.clone();
    }

    /** Values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Timestamp of point {@code i}. */
    public long timeAt(int i) {
        return epochMillis[i];
    }

    /** Value of point {@code i}. */
    public double valueAt(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries other && Arrays.equals(epochMillis, other.epochMillis)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochMillis) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[size=" + values.length + "]";
    }
}
