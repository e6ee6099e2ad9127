package dev.homeostat.ml.sim;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mechanics of the simulated consumer group: queue, partitions, rebalance, ready delay, oracle, seeds. */
class SimulationTest {

    /** Settings with telemetry every 15 s (5 s late), no capacity spread unless asked. */
    private static SimOptions options(int readyDelay, int partitions, int rebalance, double spread) {
        return new SimOptions(20, 100, spread, readyDelay, partitions, rebalance, 10, 1, 15, 5, 0.5, false, 1, 50);
    }

    private static LoadProfile flat(double rate, int seconds) {
        return LoadProfile.ofKnots(new double[]{0}, new double[]{rate}, seconds);
    }

    /** A policy that asks for {@code replicas.applyAsInt(second)} every second. */
    private static PolicySpec scripted(IntUnaryOperator replicas) {
        return new PolicySpec("scripted", c -> new AutoscalePolicy() {
            @Override
            public int periodSeconds() {
                return 1;
            }

            @Override
            public int desiredReplicas(PolicyView view) {
                return replicas.applyAsInt(view.second());
            }
        });
    }

    /** Runs with a per-second timeline and returns its rows (header dropped), split into columns. */
    private static List<double[]> timeline(Simulation sim, PolicySpec spec, long seed) {
        StringWriter out = new StringWriter();
        sim.run(spec, seed, out, 1, null);
        return out.toString().lines().skip(1)
                .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
    }

    private static final int T = 0;
    private static final int ARRIVALS = 1;
    private static final int PROCESSED = 2;
    private static final int LAG = 3;
    private static final int REQUESTED = 4;
    private static final int READY = 5;
    private static final int PAUSED = 8;

    @Test
    void queueIsConservedOverTheEvaluation() {
        // given a load that overwhelms one replica for a while, then HPA scaling it
        LoadProfile profile = LoadProfile.ofKnots(new double[]{0, 600, 1200, 2400}, new double[]{50, 900, 900, 100}, 3600);
        Simulation sim = new Simulation(options(60, 24, 5, 0.05), profile, 1200);
        // when
        RunResult r = sim.run(Policies.spec("hpa"), 7, null, 10, null);
        // then lag at start + arrivals - processed = lag at end, and something was processed
        assertEquals(r.lagAtStart() + r.arrivals() - r.processed(), r.lagAtEnd(), 1e-6 * r.arrivals());
        assertTrue(r.processed() > 0.9 * r.arrivals(), "processed " + r.processed() + " of " + r.arrivals());
        assertEquals(2400, r.evalSeconds());
    }

    @Test
    void timelineRowsConserveTheQueueSecondBySecond() {
        // given
        Simulation sim = new Simulation(options(30, 24, 5, 0.05), flat(400, 600), 0);
        // when
        List<double[]> rows = timeline(sim, scripted(t -> t < 100 ? 2 : 5), 3);
        // then every row's lag is the previous lag plus arrivals minus processed
        for (int i = 1; i < rows.size(); i++) {
            double expected = rows.get(i - 1)[LAG] + rows.get(i)[ARRIVALS] - rows.get(i)[PROCESSED];
            assertEquals(expected, rows.get(i)[LAG], 3e-3, "row " + i);
        }
    }

    @Test
    void atMostOneConsumerPerPartition() {
        // given 4 partitions and a policy asking for 30 replicas against far more load than 4 can take
        Simulation sim = new Simulation(options(0, 4, 0, 0.0), flat(5000, 200), 0);
        // when
        List<double[]> rows = timeline(sim, scripted(t -> 30), 1);
        // then 30 replicas run but only 4 consume, at μ = 100/s each
        double[] last = rows.get(rows.size() - 1);
        assertEquals(30, last[READY]);
        assertEquals(400, last[PROCESSED], 1e-9);
    }

    @Test
    void rangeAssignmentBoundsTheGroupByItsBusiestConsumer() {
        // given 24 partitions, 13 consumers (11 hold 2 partitions, 2 hold 1) and load 1250/s
        SimOptions fluid = options(0, 24, 0, 0.0);
        SimOptions range = new SimOptions(20, 100, 0.0, 0, 24, 0, 10, 1, 15, 5, 0.5, true, 1, 50);
        // when
        double fluidProcessed = meanProcessed(timeline(new Simulation(fluid, flat(1250, 300), 0), scripted(t -> 13), 1));
        double rangeProcessed = meanProcessed(timeline(new Simulation(range, flat(1250, 300), 0), scripted(t -> 13), 1));
        // then the fluid group takes 1250/s while the range-assigned one drains its 2-partition consumers at
        // 100/s for 2/24 of the load each (1200/s) and its 1-partition consumers at their 1/24 share (~52/s each)
        assertEquals(1250, fluidProcessed, 15);
        assertEquals(1100 + 1250 * 2.0 / 24, rangeProcessed, 15);
    }

    @Test
    void everyChangeOfGroupSizePausesConsumption() {
        // given no ready delay and a 5 s rebalance; the group grows from 2 to 3 at t = 100
        Simulation sim = new Simulation(options(0, 24, 5, 0.0), flat(150, 300), 0);
        // when
        List<double[]> rows = timeline(sim, scripted(t -> t < 100 ? 2 : 3), 1);
        // then seconds 100..104 consume nothing and are counted as paused, 105 consumes again
        for (int t = 100; t < 105; t++) {
            assertEquals(0, rows.get(t)[PROCESSED], "t=" + t);
            assertEquals(1, rows.get(t)[PAUSED], "t=" + t);
        }
        assertEquals(0, rows.get(99)[PAUSED]);
        assertTrue(rows.get(105)[PROCESSED] > 0);
        assertEquals(0, rows.get(105)[PAUSED]);
    }

    @Test
    void newReplicasBecomeReadyAfterTheReadyDelay() {
        // given a 30 s ready delay and a scale-up from 1 to 3 at t = 50
        Simulation sim = new Simulation(options(30, 24, 0, 0.0), flat(50, 200), 0);
        // when
        List<double[]> rows = timeline(sim, scripted(t -> t < 50 ? 1 : 3), 1);
        // then they are requested (and paid for) at once and ready 30 s later
        assertEquals(3, rows.get(50)[REQUESTED]);
        assertEquals(1, rows.get(79)[READY]);
        assertEquals(3, rows.get(80)[READY]);
        assertEquals(50, rows.get(50)[T]);
    }

    @Test
    void scaleDownRemovesStartingReplicasFirst() {
        // given replicas still starting when the policy changes its mind
        Simulation sim = new Simulation(options(60, 24, 5, 0.0), flat(50, 200), 0);
        // when it asks 1 → 4 at t = 10, then 2 at t = 20
        List<double[]> rows = timeline(sim, scripted(t -> t < 10 ? 1 : t < 20 ? 4 : 2), 1);
        // then the ready replica was never touched (no rebalance) and one starting replica becomes ready at 70
        assertEquals(2, rows.get(20)[REQUESTED]);
        assertEquals(1, rows.get(69)[READY]);
        assertEquals(2, rows.get(70)[READY]);
        assertEquals(0, rows.subList(0, 70).stream().mapToDouble(r -> r[PAUSED]).sum());
    }

    @Test
    void oracleRequestsCapacityOneReadyDelayAhead() {
        // given a step from 100/s to 1000/s at t = 500 and a 60 s ready delay
        LoadProfile profile = LoadProfile.ofKnots(new double[]{0, 499, 500}, new double[]{100, 100, 1000}, 900);
        Simulation sim = new Simulation(options(60, 24, 0, 0.0), profile, 0);
        // when
        List<double[]> rows = timeline(sim, Policies.spec("oracle-1.0"), 1);
        // then it asks for 10 replicas exactly when 500 enters its window, and they are ready at 500
        assertEquals(1, rows.get(438)[REQUESTED]);
        assertEquals(10, rows.get(440)[REQUESTED]);
        assertEquals(10, rows.get(500)[READY]);
        // and at u = 0.8 it asks for ceil(1000 / 80) = 13
        List<double[]> u08 = timeline(sim, Policies.spec("oracle-0.8"), 1);
        assertEquals(13, u08.get(600)[REQUESTED]);
    }

    @Test
    void sameSeedSameRunOtherSeedOtherArrivals() {
        // given
        LoadProfile profile = LoadProfile.ofKnots(new double[]{0, 1000, 2000}, new double[]{200, 1500, 300}, 3000);
        Simulation sim = new Simulation(options(60, 24, 5, 0.05), profile, 1500);
        // when
        RunResult a = sim.run(Policies.spec("homeostat"), 11, null, 10, null);
        RunResult b = sim.run(Policies.spec("homeostat"), 11, null, 10, null);
        RunResult c = sim.run(Policies.spec("homeostat"), 12, null, 10, null);
        // then
        assertEquals(a.replicaSeconds(), b.replicaSeconds());
        assertEquals(a.arrivals(), b.arrivals());
        assertEquals(a.overSloSeconds(), b.overSloSeconds());
        assertEquals(a.actions(), b.actions());
        assertNotEquals(a.arrivals(), c.arrivals());
    }

    @Test
    void arrivalsFollowTheRateOnAverage() {
        // given 5000 s at 250/s
        Simulation sim = new Simulation(options(0, 24, 0, 0.0), flat(250, 5000), 0);
        // when
        RunResult r = sim.run(scripted(t -> 5), 5, null, 10, null);
        // then the Poisson counts average the rate within a few standard errors
        assertEquals(250 * 5000, r.arrivals(), 4 * Math.sqrt(250 * 5000.0));
        assertEquals(r.arrivals() / 100, r.workBound(), 1e-9);
    }

    private static double meanProcessed(List<double[]> rows) {
        return rows.subList(100, rows.size()).stream().mapToDouble(r -> r[PROCESSED]).average().orElseThrow();
    }

    private static double[] last(List<double[]> rows) {
        return rows.get(rows.size() - 1);
    }
}
