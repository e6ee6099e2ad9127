package dev.homeostat.ml.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * No policy but the foresight ones may see the future: for every causal policy, changing the trace after
 * second {@code t} changes no decision taken before {@code t}. The oracle, which is allowed to look ahead,
 * shows the test can tell.
 */
class NoLookAheadTest {

    private static final int DURATION = 6 * 3600;
    private static final int CUT = 5 * 3600;
    private static final SimOptions OPTIONS = new SimOptions(20, 100, 0.05, 60, 24, 5, 10, 1, 15, 5, 0.5, false, 1, 24);

    /** A daily-looking curve; {@code after} scales every knot after {@link #CUT}. */
    private static LoadProfile curve(double after) {
        int knots = DURATION / 600 + 1;
        double[] at = new double[knots];
        double[] rate = new double[knots];
        for (int k = 0; k < knots; k++) {
            at[k] = k * 600.0;
            double base = 900 + 600 * Math.sin(2 * Math.PI * at[k] / 7200.0) + (k % 3) * 80;
            rate[k] = at[k] > CUT ? base * after : base;
        }
        return LoadProfile.ofKnots(at, rate, DURATION);
    }

    /** Every (second, desired) the policy answered, in order. */
    private static List<int[]> decisions(PolicySpec spec, LoadProfile profile) {
        List<int[]> seen = new ArrayList<>();
        PolicySpec recording = new PolicySpec(spec.name(), spec.foresight(), (context, curve) -> {
            AutoscalePolicy inner = spec.create(context, curve);
            return new AutoscalePolicy() {
                @Override
                public int periodSeconds() {
                    return inner.periodSeconds();
                }

                @Override
                public int desiredReplicas(PolicyView view) {
                    int desired = inner.desiredReplicas(view);
                    seen.add(new int[] {view.second(), desired});
                    return desired;
                }
            };
        });
        new Simulation(OPTIONS, profile, DURATION / 2).run(recording, 7, null, 1, null);
        return seen;
    }

    private static List<int[]> before(List<int[]> all, int second) {
        return all.stream().filter(d -> d[0] < second).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"static-peak", "hpa", "keda", "rate", "homeostat"})
    void decisionsBeforeTheCutIgnoreWhatTheTraceDoesAfterIt(String name) {
        // given the same trace, and one whose load after the cut is three times higher
        PolicySpec spec = Policies.spec(name);
        assertFalse(spec.foresight());
        // when the policy runs on both
        List<int[]> same = decisions(spec, curve(1.0));
        List<int[]> changed = decisions(spec, curve(3.0));
        // then every decision before the cut is identical, and the later ones do react
        List<int[]> a = before(same, CUT);
        List<int[]> b = before(changed, CUT);
        assertTrue(a.size() > 100, "decisions before the cut: " + a.size());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i)[0], b.get(i)[0]);
            assertEquals(a.get(i)[1], b.get(i)[1], name + " decided differently at second " + a.get(i)[0]);
        }
    }

    @Test
    void theOracleLooksAheadSoTheTestCanTell() {
        // given the oracle, which may read the curve
        PolicySpec oracle = Policies.spec("oracle-0.9");
        assertTrue(oracle.foresight());
        // when it runs on both traces, then it already reacts within its ready delay before the cut
        List<int[]> a = before(decisions(oracle, curve(1.0)), CUT);
        List<int[]> b = before(decisions(oracle, curve(3.0)), CUT);
        assertNotEquals(a.getLast()[1], b.getLast()[1]);
    }
}
