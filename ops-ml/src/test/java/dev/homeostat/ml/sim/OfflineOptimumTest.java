package dev.homeostat.ml.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The offline optimum: within budget, never above what a foresight oracle pays, never below its own bound. */
class OfflineOptimumTest {

    private static final SimOptions OPTIONS = new SimOptions(20, 100, 0.0, 60, 24, 5, 10, 1, 15, 5, 0.5, false, 1, 24);

    private static LoadProfile wave() {
        int duration = 4 * 3600;
        int knots = duration / 300 + 1;
        double[] at = new double[knots];
        double[] rate = new double[knots];
        for (int k = 0; k < knots; k++) {
            at[k] = k * 300.0;
            rate[k] = 1000 + 800 * Math.sin(2 * Math.PI * at[k] / 5400.0) + (k % 4 == 0 ? 300 : 0);
        }
        return LoadProfile.ofKnots(at, rate, duration);
    }

    @Test
    void planMeetsTheBudgetAndSitsBetweenItsLowerBoundAndAnOracle() {
        // given a wavy curve with bursts, evaluated over its second half
        LoadProfile profile = wave();
        int from = profile.durationSeconds() / 2;
        // when the optimum is solved for 0.5 % over the SLO
        OfflineOptimum.Plan plan = OfflineOptimum.solve(OPTIONS, profile, from, 0.5);
        // then it keeps within the budget, its bound is below it, and the gap is small
        assertTrue(plan.percentOverSlo() <= 0.5, "over " + plan.percentOverSlo());
        assertTrue(plan.lowerBound() <= plan.cost());
        assertTrue(plan.gap() < 0.15, "gap " + plan.gap());
        // and the oracle at 80 % (which meets the SLO on a noise-free run) costs more than the plan
        RunResult oracle = new Simulation(OPTIONS, profile, from).run(Policies.spec("oracle-0.8"), 1, null, 1, null);
        assertTrue(oracle.percentOverSlo() <= 0.5, "oracle over " + oracle.percentOverSlo());
        assertTrue(plan.cost() <= oracle.replicaSeconds(), plan.cost() + " vs oracle " + oracle.replicaSeconds());
        // and every planned epoch holds a count within the bounds
        for (int n : plan.readyPerEpoch()) {
            assertTrue(n >= 1 && n <= 24);
        }
        assertEquals((profile.durationSeconds() - from + 14) / 15, plan.readyPerEpoch().length);
    }

    @Test
    void replayingThePlanInTheSimulatorCostsWhatItPlanned() {
        // given the plan replayed as a foresight policy in the noisy simulator
        LoadProfile profile = wave();
        int from = profile.durationSeconds() / 2;
        SimOptions noisy = new SimOptions(20, 100, 0.05, 60, 24, 5, 10, 1, 15, 5, 0.5, false, 1, 24);
        RunResult run = new Simulation(noisy, profile, from).run(Policies.optimum(0.5), 3, null, 1, null);
        OfflineOptimum.Plan plan = OfflineOptimum.cached(noisy, profile, from, 0.5);
        // then its cost is the plan's (give or take the ready-delay bookkeeping) and it rarely misses the SLO: the
        // plan (for seed 3's own load) starts with no backlog at nearly full utilisation, while the run enters it
        // with the backlog of its handover from oracle-0.8 (two rebalances), which the plan has no slack to drain
        // at once; on the shared traces' 100-hour evaluations this start is lost in the whole (docs/benchmarks.md)
        assertEquals(plan.cost(), run.replicaSeconds(), 0.03 * plan.cost());
        assertTrue(run.percentOverSlo() < 8, "over " + run.percentOverSlo());
    }

    @Test
    void aSeedsOwnPlanSeesThatSeedsArrivalsAndCostsWhatItPlanned() {
        // given a seed's realised load: the arrivals its runs draw and its replica slots' capacities
        LoadProfile profile = wave();
        int from = profile.durationSeconds() / 2;
        SimOptions noisy = new SimOptions(20, 100, 0.05, 60, 24, 5, 10, 1, 15, 5, 0.5, false, 1, 24);
        Simulation simulation = new Simulation(noisy, profile, from);
        double[] arrivals = simulation.realisedArrivals(3);
        RunResult run = simulation.run(Policies.optimum(0.5), 3, null, 1, null);
        double evaluated = 0;
        for (int t = from; t < arrivals.length; t++) {
            evaluated += arrivals[t];
        }
        assertEquals(run.arrivals(), evaluated, 1e-6, "the plan sees the arrivals the run drew");
        // when the optimum is planned on that load
        OfflineOptimum.Plan plan = OfflineOptimum.cachedRealised(noisy, profile, from, 0.5, 3);
        // then it is within budget and above its bound, and replaying it on its own seed costs what it planned
        assertTrue(plan.percentOverSlo() <= 0.5, "over " + plan.percentOverSlo());
        assertTrue(plan.lowerBound() <= plan.cost());
        assertEquals(plan.cost(), run.replicaSeconds(), 0.03 * plan.cost());
        // and another seed's load gives another plan
        OfflineOptimum.Plan other = OfflineOptimum.cachedRealised(noisy, profile, from, 0.5, 4);
        assertTrue(other.cost() != plan.cost() || other.overSloSeconds() != plan.overSloSeconds());
    }

    @Test
    void realisedCapacityIsTheSumOfTheFirstSlots() {
        // given a fluid group with 5 % spread per slot
        SimOptions noisy = new SimOptions(20, 100, 0.05, 60, 24, 5, 10, 1, 15, 5, 0.5, false, 1, 24);
        Simulation simulation = new Simulation(noisy, wave(), 100);
        double[] factors = simulation.capacityFactors(2);
        // when the capacity per group size is read
        double[] capacity = simulation.realisedCapacity(2);
        // then n replicas drain the first n slots' capacities
        assertEquals(0, capacity[0]);
        assertEquals(100 * (factors[0] + factors[1] + factors[2]), capacity[3], 1e-9);
    }
}
