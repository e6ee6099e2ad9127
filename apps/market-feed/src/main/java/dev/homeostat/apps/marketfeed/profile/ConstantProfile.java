package dev.homeostat.apps.marketfeed.profile;

import java.time.Duration;

/**
 * The same rate all the time.
 *
 * @param rate records per second, at least 0
 */
public record ConstantProfile(double rate) implements LoadProfile {

    public ConstantProfile {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0, was " + rate);
        }
    }

    @Override
    public double ratePerSecond(Duration elapsed) {
        return rate;
    }
}
