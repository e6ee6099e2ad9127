package dev.homeostat.ml.sim;

import dev.homeostat.ml.policy.Decision;
import dev.homeostat.ml.policy.Figures;
import dev.homeostat.ml.policy.Reason;
import dev.homeostat.ml.policy.Term;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionLogTest {

    /** Figures with a forecast point and upper end, 100/s per replica at 90 % target utilisation. */
    private static Figures figures(double point, double upper, double desired) {
        double nan = Double.NaN;
        return new Figures(desired, desired, point, point, upper, nan, nan, 80, 100, 1, 0.9, 0, 0, 10,
                desired, nan, nan, desired, 5);
    }

    @Test
    void theForecastTermIsSplitIntoItsPointAndItsBand() {
        // given a band whose upper end needs more than the point at target utilisation, and one that does not
        Reason band = new Reason(Term.FORECAST, "", figures(100, 250, 3), false);
        Reason point = new Reason(Term.FORECAST, "", figures(270, 280, 3), false);
        Reason held = new Reason(Term.HOLD, "scale-down stabilization window", figures(100, 120, 4), false);
        // when / then
        assertEquals("FORECAST: band's upper end", DecisionLog.reasonOf(band));
        assertEquals("FORECAST: point", DecisionLog.reasonOf(point));
        assertEquals("HOLD: scale-down stabilization window", DecisionLog.reasonOf(held));
    }

    @Test
    void excessReplicaSecondsAreChargedToTheReasonAgainstTheOptimumOneReadyDelayLater() {
        // given a plan from second 100 holding 2 replicas for two epochs, then 1
        OfflineOptimum.Plan plan = new OfflineOptimum.Plan(100, new int[] {2, 2, 1, 1}, 90, 0, 0, 90, 1);
        StringWriter csv = new StringWriter();
        DecisionLog log = new DecisionLog(plan, 15, 15, csv);
        // when a decision before the plan (ignored), one at second 100 (optimum at 115: 2) and one at 115
        // (optimum at 130: 1) are logged, each asking for 3
        log.decided(50, Decision.of(3, new Reason(Term.FORECAST, "", figures(100, 250, 3), false)));
        log.decided(100, Decision.of(3, new Reason(Term.FORECAST, "", figures(100, 250, 3), false)));
        log.decided(115, Decision.of(3, new Reason(Term.HOLD, "scale-down stabilization window", figures(100, 120, 3), false)));
        // then each reason carries its own excess: (3 − 2) × 15 and (3 − 1) × 15 replica-seconds
        List<DecisionLog.Share> shares = log.shares();
        assertEquals("HOLD: scale-down stabilization window", shares.get(0).reason());
        assertEquals(30, shares.get(0).excessReplicaSeconds(), 1e-9);
        assertEquals(15, shares.get(1).excessReplicaSeconds(), 1e-9);
        assertEquals(45, log.optimumReplicaSeconds(), 1e-9);
        assertEquals(3, csv.toString().lines().count(), "header and two evaluated rows");
        assertTrue(log.table().contains("+100.0%"), log.table());
    }
}
