package dev.homeostat.operator.telemetry;

import java.util.Objects;

/**
 * What one source delivered for one app in one round: the signals it measured (NaN where it could not) and whether
 * it delivered everything it should have. A failed result may still carry partial signals, e.g. the busy ratio of
 * the pods that answered when one pod did not.
 *
 * @param signals what was measured
 * @param ok      whether the source delivered fully
 * @param reason  why not, in words (empty when ok)
 */
public record SourceResult(Signals signals, boolean ok, String reason) {

    /** Rejects missing parts. */
    public SourceResult {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(reason, "reason");
    }

    /** A full delivery. */
    public static SourceResult ok(Signals signals) {
        return new SourceResult(signals, true, "");
    }

    /** Nothing measured, with the reason. */
    public static SourceResult failed(String reason) {
        return new SourceResult(Signals.NONE, false, reason);
    }

    /** Partial signals, with the reason they are partial. */
    public static SourceResult partial(Signals signals, String reason) {
        return new SourceResult(signals, false, reason);
    }
}
