package dev.homeostat.apps.marketfeed.profile;

/** Upper bounds on every field of a load profile, so no request can ask for an absurd rate, duration or file. */
public final class ProfileLimits {

    /** Highest rate any profile may ask for, records per second (far above what one feed can send). */
    public static final double MAX_RATE = 1_000_000;
    /** Longest ramp or trace point, seconds (a week). */
    public static final double MAX_SECONDS = 7 * 24 * 3600;
    /** Longest trace file name, characters. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Largest trace file, bytes (NAB's largest file is ~1 MB). */
    public static final long MAX_TRACE_BYTES = 16L * 1024 * 1024;
    /** Most points in one trace. */
    public static final int MAX_TRACE_POINTS = 1_000_000;

    private ProfileLimits() {
    }

    /** {@code value} when it is finite and in {@code [0, max]}, else IllegalArgumentException naming the field. */
    static double within(double value, double max, String name) {
        if (!(value >= 0) || !(value <= max)) {
            throw new IllegalArgumentException(name + " must be a number in [0, " + (long) max + "], was " + value);
        }
        return value;
    }
}
