package dev.homeostat.apps.marketfeed.profile;

import java.time.Duration;

/** A target publishing rate (records per second) as a function of the time since the profile started. */
public sealed interface LoadProfile permits ConstantProfile, RampProfile, TraceProfile {

    /** Records per second wanted at {@code elapsed} after the profile started; never negative. */
    double ratePerSecond(Duration elapsed);
}
