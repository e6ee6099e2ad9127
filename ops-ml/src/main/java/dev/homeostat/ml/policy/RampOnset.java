package dev.homeostat.ml.policy;

import dev.homeostat.ml.telemetry.Sample;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A ramp that has just started: the arrival rate's last step is far larger than its recent steps, so the
 * one-minute {@link TrendFit} line (which still averages the flat samples before it) underestimates where the
 * load is heading. The last step's slope is extrapolated to the horizon's end instead. The recent steps set
 * the scale, so sampling noise of any size does not count as a ramp.
 */
final class RampOnset {

    /** A last step this many times the recent steps' median size starts a ramp. */
    static final double STEP_FACTOR = 3;
    /** Earlier steps needed to judge what a usual step is. */
    static final int MIN_STEPS = 4;

    private RampOnset() {
    }

    /**
     * The last step's slope extrapolated from the newest sample of {@code recent} to {@code now + horizon};
     * NaN unless the last step is rising and more than {@link #STEP_FACTOR} times the median size of the
     * {@link #MIN_STEPS} or more steps before it (or any sample in the way is unmeasured).
     */
    static double rateAt(List<Sample> recent, Instant now, Duration horizon) {
        int n = recent.size();
        if (n < MIN_STEPS + 2) {
            return Double.NaN;
        }
        double[] earlier = new double[n - 2];
        for (int i = 1; i < n - 1; i++) {
            double a = recent.get(i - 1).arrivalRate();
            double b = recent.get(i).arrivalRate();
            if (!Sample.measured(a) || !Sample.measured(b)) {
                return Double.NaN;
            }
            earlier[i - 1] = Math.abs(b - a);
        }
        Sample before = recent.get(n - 2);
        Sample last = recent.get(n - 1);
        if (!Sample.measured(last.arrivalRate()) || last.epochMillis() <= before.epochMillis()) {
            return Double.NaN;
        }
        double step = last.arrivalRate() - before.arrivalRate();
        Arrays.sort(earlier);
        double usual = earlier.length % 2 == 1 ? earlier[earlier.length / 2]
                : (earlier[earlier.length / 2 - 1] + earlier[earlier.length / 2]) / 2;
        if (!(step > 0) || step <= STEP_FACTOR * usual) {
            return Double.NaN;
        }
        double slope = step / ((last.epochMillis() - before.epochMillis()) / 1000.0);
        double ahead = (now.toEpochMilli() - last.epochMillis() + horizon.toMillis()) / 1000.0;
        return last.arrivalRate() + slope * ahead;
    }
}
