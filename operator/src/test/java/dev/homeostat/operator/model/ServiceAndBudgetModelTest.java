package dev.homeostat.operator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import org.junit.jupiter.api.Test;

/** The MicroService Service, the PodDisruptionBudget and the selector string. */
class ServiceAndBudgetModelTest {

    @Test
    void serviceExposesThePortAndSelectsThePods() {
        // given
        var service = Examples.fixedPortfolio("trading");

        // when
        var svc = ServiceModel.of(service);

        // then
        assertEquals("uid-portfolio", svc.getMetadata().getOwnerReferences().getFirst().getUid());
        assertEquals(WorkloadLabels.selector(service), svc.getSpec().getSelector());
        assertEquals(1, svc.getSpec().getPorts().size());
        assertEquals(8080, svc.getSpec().getPorts().getFirst().getPort());
        assertEquals("http", svc.getSpec().getPorts().getFirst().getTargetPort().getStrVal());
    }

    @Test
    void budgetIsWantedOnlyAboveOneReplica() {
        // given a service at 3 replicas and a stream app at its minReplicas of 1
        var threeReplicas = Examples.fixedPortfolio("trading");
        var oneReplica = Examples.streamApp("trade-signals", "trading");

        // when
        var budget = PodDisruptionBudgetModel.of(threeReplicas);

        // then
        assertTrue(PodDisruptionBudgetModel.wanted(threeReplicas));
        assertFalse(PodDisruptionBudgetModel.wanted(oneReplica));
        assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal());
        assertEquals(WorkloadLabels.selector(threeReplicas), budget.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void selectorStringIsSortedAndMatchesTheSelectorLabels() {
        // given
        var service = Examples.microService("market-feed", "trading");

        // when
        String selector = WorkloadLabels.selectorString(service);

        // then
        assertEquals("app.kubernetes.io/component=micro-service,app.kubernetes.io/name=market-feed", selector);
    }
}
