package dev.homeostat.ml.sim;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A named recipe for a fresh policy per run.
 *
 * @param name      the name used in reports and on the command line, e.g. {@code hpa} or {@code oracle-0.9}
 * @param foresight whether the policy is handed the whole load curve (oracles, the offline optimum); every
 *                  other policy gets {@code null} for it and sees only telemetry as it arrives
 * @param factory   builds a policy for one run from the context and, for foresight policies, the load curve
 */
public record PolicySpec(String name, boolean foresight, BiFunction<SimContext, LoadProfile, AutoscalePolicy> factory) {

    /** Validates the name. */
    public PolicySpec {
        if (name == null || !name.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("policy name must match [a-z0-9.-]+, got " + name);
        }
    }

    /** A causal policy: it never sees the load curve. */
    public PolicySpec(String name, Function<SimContext, AutoscalePolicy> causal) {
        this(name, false, (context, ignored) -> causal.apply(context));
    }

    /** A policy that knows the whole load curve in advance. */
    public static PolicySpec withForesight(String name, BiFunction<SimContext, LoadProfile, AutoscalePolicy> factory) {
        return new PolicySpec(name, true, factory);
    }

    /** A fresh policy for one run; the curve is passed on only to foresight policies. */
    AutoscalePolicy create(SimContext context, LoadProfile profile) {
        return factory.apply(context, foresight ? profile : null);
    }
}
