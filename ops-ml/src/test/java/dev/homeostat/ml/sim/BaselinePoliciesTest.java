package dev.homeostat.ml.sim;

import dev.homeostat.ml.telemetry.Sample;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HPA v2 and KEDA rules as the baselines implement them. */
class BaselinePoliciesTest {

    @Test
    void hpaKeepsReplicasWithinTolerance() {
        // given utilisation 0.75 against a 0.7 target (ratio 1.07, inside 10 %)
        // when / then
        assertEquals(4, HpaPolicy.recommend(0.75, 4, 0, 4, 0.7));
    }

    @Test
    void hpaScalesByTheUtilisationRatio() {
        // given 4 ready pods fully busy against a 0.7 target
        // when / then ceil(4 × 1.0 / 0.7) = 6; and 8 pods at 0.2 → ceil(8 × 0.2 / 0.7) = 3
        assertEquals(6, HpaPolicy.recommend(1.0, 4, 0, 4, 0.7));
        assertEquals(3, HpaPolicy.recommend(0.2, 8, 0, 8, 0.7));
    }

    @Test
    void hpaCountsUnreadyPodsAsIdleWhenScalingUp() {
        // given 4 ready pods at 0.9 and 2 unready: with them at 0 % the ratio is 0.857, a reversal → no action
        assertEquals(6, HpaPolicy.recommend(0.9, 4, 2, 6, 0.7));
        // and 4 ready at 1.0 with 1 unready: ratio 0.8 × ... = 4/5/0.7 = 1.14 → ceil(1.14 × 5) = 6
        assertEquals(6, HpaPolicy.recommend(1.0, 4, 1, 5, 0.7));
    }

    @Test
    void hpaBehaviorStabilizesScaleDownForFiveMinutes() {
        // given a recommendation of 10 at t = 0, then 5 every 15 s
        HpaBehavior behavior = new HpaBehavior(300, 15, 1, 100);
        assertEquals(10, behavior.normalise(0, 10, 10));
        // when / then the 10 holds while it is in the window, and 5 applies once it left
        for (int t = 15; t < 300; t += 15) {
            assertEquals(10, behavior.normalise(t, 5, 10), "t=" + t);
        }
        assertEquals(5, behavior.normalise(300, 5, 10));
    }

    @Test
    void hpaBehaviorLimitsScaleUpToDoubleOrFourPods() {
        // given / when / then max(+100 %, +4 pods) per period, and the max bound
        assertEquals(7, new HpaBehavior(300, 15, 1, 100).normalise(0, 20, 3));
        assertEquals(20, new HpaBehavior(300, 15, 1, 100).normalise(0, 40, 10));
        assertEquals(12, new HpaBehavior(300, 15, 1, 12).normalise(0, 40, 10));
    }

    @Test
    void kedaAsksForLagOverThresholdCappedAtPartitions() {
        // given a lag threshold of 1000 records
        // when / then ceil(2500 / 1000) = 3; huge lag caps at 24 partitions; ratio 1.025 is within tolerance
        assertEquals(3, KedaPolicy.recommend(2500, 1, 1000, 24));
        assertEquals(24, KedaPolicy.recommend(1e9, 10, 1000, 24));
        assertEquals(2, KedaPolicy.recommend(2050, 2, 1000, 24));
        assertEquals(0, KedaPolicy.recommend(0, 3, 1000, 24));
    }

    @Test
    void kedaIsReadOnTheHpaSyncPeriodOfFifteenSeconds() {
        // given / when / then the HPA reads KEDA's external metric every 15 s, as it reads CPU
        assertEquals(15, new KedaPolicy(1000, 0, 24, 1, 24).periodSeconds());
        assertEquals(15, new HpaPolicy(0.7, 1, 24).periodSeconds());
        assertThrows(IllegalArgumentException.class, () -> new KedaPolicy(0, 0, 24, 1, 24));
    }

    @Test
    void kedaScalesToZeroOnlyWithMinZeroAfterTheCooldownAndBackToOneOnActivation() {
        // given minReplicaCount 0 and an activation threshold of 50 records
        KedaPolicy keda = new KedaPolicy(1000, 50, 24, 0, 24);
        Sample quiet = Sample.at(0).lagRecords(40).arrivalRate(1).build();
        Sample busy = Sample.at(0).lagRecords(60).arrivalRate(1).build();
        // when / then inactive from the start: hold 1 until the 300 s cooldown passed, then 0; activation brings 1 back
        assertEquals(1, keda.desiredReplicas(new PolicyView(15, 15_000, quiet, 2, 1, 1, 0)));
        assertEquals(0, keda.desiredReplicas(new PolicyView(400, 400_000, quiet, 2, 1, 1, 0)));
        assertEquals(1, keda.desiredReplicas(new PolicyView(415, 415_000, busy, 3, 0, 0, 0)));
    }

    @Test
    void kedaHoldsWithoutTelemetryAndScalesOnLag() {
        // given
        KedaPolicy keda = new KedaPolicy(1000, 0, 24, 1, 24);
        // when / then no sample yet: keep; 5200 records of lag with 2 replicas: 6
        assertEquals(2, keda.desiredReplicas(new PolicyView(5, 5000, null, Double.NaN, 2, 2, 0)));
        Sample s = Sample.at(0).lagRecords(5200).arrivalRate(100).build();
        assertEquals(6, keda.desiredReplicas(new PolicyView(35, 35000, s, 300, 2, 2, 0)));
    }

    @Test
    void policyListsResolveOraclesAndRejectUnknownNames() {
        // given / when / then
        assertEquals(4, Policies.parse("oracle").size());
        assertEquals("oracle-0.85", Policies.parse("oracle-0.85").get(0).name());
        assertEquals(10, Policies.parse(String.join(",", Policies.ALL)).size());
        assertTrue(Policies.spec("optimum").foresight());
        assertThrows(IllegalArgumentException.class, () -> Policies.parse("hpa,vpa"));
        assertThrows(IllegalArgumentException.class, () -> Policies.parse("oracle-1.5"));
    }
}
