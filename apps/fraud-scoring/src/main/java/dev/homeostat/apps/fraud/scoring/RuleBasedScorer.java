package dev.homeostat.apps.fraud.scoring;

import dev.homeostat.apps.fraud.domain.Assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * The fallback before any model is trained: a few hand-written rules, each adding to the score.
 *
 * <p>The rules mirror the patterns analysts look for first — bursts of small probes (card testing),
 * high amounts from a country new to the account, many payments within a minute, and a large payment
 * at a merchant category the account never used. Weights were set by hand, not fitted.
 */
public final class RuleBasedScorer implements Scorer {

    /** The name used on alerts, metrics and health details. */
    public static final String NAME = "rules";

    @Override
    public Assessment score(double[] x) {
        double score = 0;
        List<String> reasons = new ArrayList<>(4);
        double amountRatio = x[1];
        if (x[3] >= 3 && Math.expm1(x[0]) < 5) {
            score += 0.6;
            reasons.add("small-amount burst");
        }
        if (x[6] == 1 && amountRatio >= 4) {
            score += 0.6;
            reasons.add("new country with high amount");
        }
        if (x[2] >= 4) {
            score += 0.4;
            reasons.add("velocity");
        }
        if (x[7] == 0 && amountRatio >= 3) {
            score += 0.4;
            reasons.add("unusual merchant category with high amount");
        }
        return new Assessment(Math.min(1.0, score), NAME, reasons);
    }

    @Override
    public String name() {
        return NAME;
    }
}
