package dev.homeostat.apps.marketfeed.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * A linear ramp from one rate to another over a duration, then the final rate.
 *
 * @param fromRate records per second at the start, at least 0
 * @param toRate   records per second at the end and after, at least 0
 * @param length   how long the ramp lasts, positive
 */
public record RampProfile(double fromRate, double toRate, Duration length) implements LoadProfile {

    public RampProfile {
        Objects.requireNonNull(length, "length");
        if (!(fromRate >= 0) || !(toRate >= 0) || Double.isInfinite(fromRate) || Double.isInfinite(toRate)) {
            throw new IllegalArgumentException("rates must be finite and >= 0, were from=" + fromRate + " to=" + toRate);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("ramp length must be positive, was " + length);
        }
    }

    @Override
    public double ratePerSecond(Duration elapsed) {
        double progress = Math.clamp((double) elapsed.toNanos() / length.toNanos(), 0.0, 1.0);
        return fromRate + (toRate - fromRate) * progress;
    }
}
