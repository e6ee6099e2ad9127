package dev.homeostat.operator.local;

import dev.homeostat.operator.api.ScalingDecision;

/** The reason a decision is counted under in the summary: its source (which part of the policy won). */
final class DecisionReasons {

    private DecisionReasons() {
    }

    static String of(ScalingDecision decision) {
        return decision.getSource() == null ? "unspecified" : decision.getSource().name();
    }
}
