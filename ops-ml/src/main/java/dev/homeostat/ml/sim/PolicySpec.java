package dev.homeostat.ml.sim;

import java.util.function.Function;

/**
 * A named recipe for a fresh policy per run.
 *
 * @param name    the name used in reports and on the command line, e.g. {@code hpa} or {@code oracle-0.9}
 * @param factory builds a policy for one run
 */
public record PolicySpec(String name, Function<SimContext, AutoscalePolicy> factory) {

    /** Validates the name. */
    public PolicySpec {
        if (name == null || !name.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("policy name must match [a-z0-9.-]+, got " + name);
        }
    }
}
