package dev.homeostat.operator.local;

import dev.homeostat.operator.api.ScalingDecision;

/** The reason a decision is counted under in the summary: the winning term of the policy, else its source. */
final class DecisionReasons {

    private DecisionReasons() {
    }

    static String of(ScalingDecision decision) {
        if (decision.getTerm() != null && !decision.getTerm().isBlank()) {
            return decision.getTerm();
        }
        return decision.getSource() == null ? "unspecified" : decision.getSource().name();
    }
}
