package dev.homeostat.apps.marketfeed.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * Turns a {@link LoadProfile} into a number of records due at each tick: it accrues
 * {@code rate × elapsed} credit between ticks and hands out whole records. Credit is capped at
 * {@code maxBurst} of wall time so a pause (e.g. back-pressure from a down broker) does not end in a flood.
 *
 * <p>Not thread-safe: one publisher thread owns it.
 */
public final class Pacer {

    private final LoadProfile profile;
    private final long startNanos;
    private final Duration maxBurst;
    private long lastNanos;
    private double credit;

    /** Starts pacing {@code profile} at {@code startNanos} (a monotonic clock reading). */
    public Pacer(LoadProfile profile, long startNanos, Duration maxBurst) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.maxBurst = Objects.requireNonNull(maxBurst, "maxBurst");
        if (maxBurst.isNegative() || maxBurst.isZero()) {
            throw new IllegalArgumentException("maxBurst must be positive, was " + maxBurst);
        }
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** The profile being paced. */
    public LoadProfile profile() {
        return profile;
    }

    /** The rate the profile asks for at {@code nowNanos}. */
    public double currentRate(long nowNanos) {
        return profile.ratePerSecond(Duration.ofNanos(Math.max(0, nowNanos - startNanos)));
    }

    /** How many records are due at {@code nowNanos}; the caller publishes exactly that many. */
    public int due(long nowNanos) {
        long dt = nowNanos - lastNanos;
        if (dt <= 0) {
            return 0;
        }
        // Trapezoid over the tick so ramps and traces are followed closely even with coarse ticks.
        double rate = (currentRate(lastNanos) + currentRate(nowNanos)) / 2;
        lastNanos = nowNanos;
        double cap = Math.max(1.0, currentRate(nowNanos) * maxBurst.toNanos() / 1e9);
        credit = Math.min(credit + rate * dt / 1e9, cap);
        int whole = (int) Math.floor(credit);
        credit -= whole;
        return whole;
    }
}
