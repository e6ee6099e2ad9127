package dev.homeostat.ml.policy;

import dev.homeostat.ml.telemetry.Sample;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The arrival rate's least-squares line over the last minute (Commons Math's {@link SimpleRegression}),
 * extrapolated to the end of the horizon: a load that ramps keeps ramping for a while, and no seasonal profile
 * foresees an unusual ramp.
 */
final class TrendFit {

    /** Samples the trend line is fitted over (one minute at a 15 s scrape). */
    static final int SAMPLES = 4;

    private TrendFit() {
    }

    /**
     * The line through the measured arrival rates of the last {@link #SAMPLES} of {@code recent}, read at
     * {@code now + horizon}; NaN when the line is not rising or fewer than three samples were measured.
     */
    static double risingRateAt(List<Sample> recent, Instant now, Duration horizon) {
        int n = Math.min(SAMPLES, recent.size());
        if (n < 3) {
            return Double.NaN;
        }
        List<Sample> window = recent.subList(recent.size() - n, recent.size());
        long t0 = window.get(n - 1).epochMillis();
        SimpleRegression line = new SimpleRegression();
        for (Sample s : window) {
            if (Sample.measured(s.arrivalRate())) {
                line.addData((s.epochMillis() - t0) / 1000.0, s.arrivalRate());
            }
        }
        if (line.getN() < 3) {
            return Double.NaN;
        }
        // The slope is NaN when every sample has the same time (no line); the test below rejects that too.
        double slope = line.getSlope();
        if (!(slope > 0)) {
            return Double.NaN;
        }
        double ahead = (now.toEpochMilli() - t0) / 1000.0 + horizon.toMillis() / 1000.0;
        return line.predict(ahead);
    }
}
