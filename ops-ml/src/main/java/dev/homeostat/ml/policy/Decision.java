package dev.homeostat.ml.policy;

import java.util.Optional;

/**
 * The outcome of one policy evaluation: the replicas to run and why. In shadow mode it also carries
 * the predictive decision that was computed but not applied, so both can be reported.
 *
 * @param desiredReplicas replicas to request
 * @param reason          why
 * @param shadow          the predictive decision computed alongside, when running in shadow mode
 */
public record Decision(int desiredReplicas, Reason reason, Optional<Decision> shadow) {

    /** Validates the count and presence of the parts. */
    public Decision {
        if (desiredReplicas < 0 || reason == null || shadow == null) {
            throw new IllegalArgumentException("decision needs replicas >= 0, a reason and a shadow (may be empty), got "
                    + desiredReplicas);
        }
    }

    /** A decision without a shadow. */
    public static Decision of(int desiredReplicas, Reason reason) {
        return new Decision(desiredReplicas, reason, Optional.empty());
    }
}
