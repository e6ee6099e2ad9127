package dev.homeostat.apps.marketfeed.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A load profile as users write it (configuration, {@code PUT /profile} JSON). Only the fields of the
 * chosen type matter; {@link #toProfile()} validates them.
 *
 * @param type          {@code constant}, {@code ramp} or {@code trace}
 * @param rate          constant: records per second
 * @param fromRate      ramp: starting records per second
 * @param toRate        ramp: final records per second
 * @param rampSeconds   ramp: length in seconds
 * @param traceFile     trace: path of a {@code timestamp,value} CSV
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
    public LoadProfile toProfile() {
        String kind = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "constant" -> new ConstantProfile(required(rate, "rate"));
            case "ramp" -> new RampProfile(required(fromRate, "fromRate"), required(toRate, "toRate"),
                    seconds(required(rampSeconds, "rampSeconds"), "rampSeconds"));
            case "trace" -> {
                if (traceFile == null || traceFile.isBlank()) {
                    throw new IllegalArgumentException("trace profile needs traceFile");
                }
                yield new TraceProfile(TraceFile.readValues(Path.of(traceFile)),
                        seconds(required(secondsPerPoint, "secondsPerPoint"), "secondsPerPoint"),
                        required(traceScale, "traceScale"));
            }
            default -> throw new IllegalArgumentException("type must be constant, ramp or trace, was '" + type + "'");
        };
    }

    private double required(Double value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(type + " profile needs " + name);
        }
        return value;
    }

    private static Duration seconds(double seconds, String name) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(name + " must be a positive number of seconds, was " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
