package dev.homeostat.apps.marketfeed.profile;

import java.time.Duration;
import java.util.Locale;

/**
 * A load profile as users write it (configuration, {@code PUT /profile} JSON). Only the fields of the
 * chosen type matter; {@link #toProfile(TraceDirectory)} validates them against {@link ProfileLimits}.
 *
 * @param type          {@code constant}, {@code ramp} or {@code trace}
 * @param rate          constant: records per second
 * @param fromRate      ramp: starting records per second
 * @param toRate        ramp: final records per second
 * @param rampSeconds   ramp: length in seconds
 * @param traceFile     trace: name of a {@code timestamp,value} CSV relative to the trace directory
 * @param secondsPerPoint trace: wall seconds each trace point lasts (time compression)
 * @param traceScale    trace: records per second per unit of trace value
 */
public record ProfileSpec(String type, Double rate, Double fromRate, Double toRate, Double rampSeconds,
                          String traceFile, Double secondsPerPoint, Double traceScale) {

    /** A constant profile at the given rate. */
    public static ProfileSpec constant(double rate) {
        return new ProfileSpec("constant", rate, null, null, null, null, null, null);
    }

    /** Builds and validates the profile this spec describes. */
    public LoadProfile toProfile(TraceDirectory traces) {
        String kind = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "constant" -> new ConstantProfile(rate(rate, "rate"));
            case "ramp" -> new RampProfile(rate(fromRate, "fromRate"), rate(toRate, "toRate"),
                    seconds(rampSeconds, "rampSeconds"));
            case "trace" -> trace(traces);
            default -> throw new IllegalArgumentException("type must be constant, ramp or trace, was '"
                    + shortened(type) + "'");
        };
    }

    private TraceProfile trace(TraceDirectory traces) {
        Duration pointDuration = seconds(secondsPerPoint, "secondsPerPoint");
        double scale = rate(traceScale, "traceScale");
        TraceProfile profile = new TraceProfile(traces.readValues(traceFile), pointDuration, scale);
        double peak = profile.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) * scale;
        if (peak > ProfileLimits.MAX_RATE) {
            throw new IllegalArgumentException("trace peak rate (largest value x traceScale) must be at most "
                    + (long) ProfileLimits.MAX_RATE + " records/s, was " + peak);
        }
        return profile;
    }

    private double rate(Double value, String name) {
        return ProfileLimits.within(required(value, name), ProfileLimits.MAX_RATE, name);
    }

    private Duration seconds(Double value, String name) {
        double seconds = ProfileLimits.within(required(value, name), ProfileLimits.MAX_SECONDS, name);
        if (seconds == 0) {
            throw new IllegalArgumentException(name + " must be a positive number of seconds, was 0");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private double required(Double value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(shortened(type) + " profile needs " + name);
        }
        return value;
    }

    /** The user's text, cut so an error message stays short whatever was sent. */
    private static String shortened(String text) {
        return text == null || text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}
