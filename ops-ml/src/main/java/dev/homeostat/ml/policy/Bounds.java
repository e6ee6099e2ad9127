package dev.homeostat.ml.policy;

/**
 * The replica range an app may use.
 *
 * @param min fewest replicas, at least 0
 * @param max most replicas, at least {@code max(1, min)}
 */
public record Bounds(int min, int max) {

    /** Validates {@code 0 <= min <= max} and {@code max >= 1}. */
    public Bounds {
        if (min < 0 || max < Math.max(1, min)) {
            throw new IllegalArgumentException("bounds need 0 <= min <= max and max >= 1, got min=" + min + " max=" + max);
        }
    }

    /** {@code replicas} clamped into the bounds. */
    public int clamp(int replicas) {
        return Math.clamp(replicas, min, max);
    }
}
