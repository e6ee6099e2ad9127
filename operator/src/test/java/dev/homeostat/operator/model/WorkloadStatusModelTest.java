package dev.homeostat.operator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.Examples;
import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.DecisionSource;
import dev.homeostat.operator.api.WorkloadStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status from spec, observed Deployment and missing references: conditions, decisions, failures. */
class WorkloadStatusModelTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-22T08:05:00Z");

    @Test
    void firstReconcileRecordsAnInitialDecisionAndAllFourConditions() {
        // given a Fixed service at 3 replicas whose Deployment has no ready pod yet
        var service = Examples.fixedPortfolio("trading");
        var deployment = DeploymentModel.forMicroService(service);

        // when
        WorkloadStatus status = WorkloadStatusModel.reconciled(service, deployment, List.of(), T0);

        // then
        assertEquals(1L, status.getObservedGeneration());
        assertEquals(3, status.getDesiredReplicas());
        assertEquals(0, status.getReplicas());
        assertEquals("app.kubernetes.io/component=micro-service,app.kubernetes.io/name=portfolio", status.getSelector());
        assertEquals(DecisionSource.Initial, status.getLastDecision().getSource());
        assertNull(status.getLastDecision().getFrom());
        assertEquals(3, status.getLastDecision().getTo());
        assertCondition(status, ConditionTypes.READY, "False", "ReplicasNotReady");
        assertEquals("0/3 replicas ready", condition(status, ConditionTypes.READY).getMessage());
        assertCondition(status, ConditionTypes.DEGRADED, "False", "AsExpected");
        assertCondition(status, ConditionTypes.SCALING, "False", "FixedMode");
        assertCondition(status, ConditionTypes.MODEL_READY, "False", "NotRequired");
    }

    @Test
    void readyWhenTheDeploymentReportsAllDesiredReplicasReady() {
        // given
        var service = Examples.fixedPortfolio("trading");
        Deployment deployment = DeploymentModel.forMicroService(service);
        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(3).withReadyReplicas(3).withUpdatedReplicas(3)
                .build());

        // when
        var status = WorkloadStatusModel.reconciled(service, deployment, List.of(), T0);

        // then
        assertCondition(status, ConditionTypes.READY, "True", "Available");
        assertEquals(3, status.getReplicas());
    }

    @Test
    void notReadyWhileTheDeploymentHasNotRolledOutItsLatestSpec() {
        // given a Deployment with all pods ready, but of an older template (updatedReplicas and
        // observedGeneration lag its spec)
        var service = Examples.microService("portfolio", "trading");
        Deployment deployment = DeploymentModel.forMicroService(service);
        deployment.getMetadata().setGeneration(2L);
        int desired = deployment.getSpec().getReplicas();
        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(desired).withReadyReplicas(desired)
                .withUpdatedReplicas(1).withObservedGeneration(1L).build());

        // when
        var status = WorkloadStatusModel.reconciled(service, deployment, List.of(), T0);

        // then
        assertCondition(status, ConditionTypes.READY, "False", "RolloutInProgress");
        assertTrue(condition(status, ConditionTypes.READY).getMessage().contains("1/" + desired + " replicas updated"),
                condition(status, ConditionTypes.READY).getMessage());
    }

    @Test
    void aMissingSecretMakesTheAppDegradedAndNotReady() {
        // given fraud-scoring in shadow mode whose env refers to a Secret that is not there
        var app = Examples.withKafkaCredentials(Examples.streamApp("fraud-scoring", "risk"));
        app.getSpec().getScaling().setShadow(true);
        var missing = References.missing(app, reference -> !Reference.SECRET.equals(reference.kind()));

        // when
        var status = WorkloadStatusModel.reconciled(app, DeploymentModel.forStreamApp(app), missing, T0);

        // then
        assertCondition(status, ConditionTypes.READY, "False", "SecretNotFound");
        assertCondition(status, ConditionTypes.DEGRADED, "True", "SecretNotFound");
        assertEquals("env KAFKA_SASL_JAAS_CONFIG refers to Secret 'kafka-credentials', which does not exist",
                condition(status, ConditionTypes.DEGRADED).getMessage());
        assertCondition(status, ConditionTypes.SCALING, "False", "ShadowMode");
        assertCondition(status, ConditionTypes.MODEL_READY, "False", "NotTrained");
    }

    @Test
    void aScaleThroughSpecReplicasIsRecordedOnceAndTransitionTimesOnlyMoveOnFlips() {
        // given a reconciled service at 3 replicas
        var service = Examples.fixedPortfolio("trading");
        service.replaceStatus(WorkloadStatusModel.reconciled(service, DeploymentModel.forMicroService(service), List.of(), T0));

        // when kubectl scale sets spec.replicas to 5 and the operator reconciles later
        service.getSpec().setReplicas(5);
        service.getMetadata().setGeneration(2L);
        var scaled = WorkloadStatusModel.reconciled(service, DeploymentModel.forMicroService(service), List.of(), T1);
        service.replaceStatus(scaled);
        var again = WorkloadStatusModel.reconciled(service, DeploymentModel.forMicroService(service), List.of(), T1.plusSeconds(60));

        // then
        assertEquals(DecisionSource.Spec, scaled.getLastDecision().getSource());
        assertEquals(3, scaled.getLastDecision().getFrom());
        assertEquals(5, scaled.getLastDecision().getTo());
        assertEquals(T1.toString(), scaled.getLastDecision().getTime());
        assertSame(scaled.getLastDecision(), again.getLastDecision(), "an unchanged target keeps the decision");
        assertEquals(T0.toString(), condition(again, ConditionTypes.READY).getLastTransitionTime(),
                "Ready stayed False, so its transition time stays");
        assertEquals(2L, again.getObservedGeneration());
    }

    @Test
    void aDecisionTheScalerAlreadyExplainedIsKept() {
        // given a reactive app the scaler moved from 1 to 4, writing its own decision
        var app = Examples.streamApp("trade-signals", "trading");
        app.replaceStatus(WorkloadStatusModel.reconciled(app, DeploymentModel.forStreamApp(app), List.of(), T0));
        var scalerDecision = new dev.homeostat.operator.api.ScalingDecision(DecisionSource.Reactive, 1, 4, T1.toString(),
                "lag 42 s above the 5 s target");
        app.workloadStatus().setLastDecision(scalerDecision);
        app.getSpec().setReplicas(4);

        // when
        var status = WorkloadStatusModel.reconciled(app, DeploymentModel.forStreamApp(app), List.of(), T1.plusSeconds(1));

        // then
        assertSame(scalerDecision, status.getLastDecision());
        assertEquals(4, status.getDesiredReplicas());
    }

    @Test
    void aFailureSetsReadyFalseWithTheGivenReasonAndKeepsTheRest() {
        // given a reconciled app
        var app = Examples.streamApp("trade-signals", "trading");
        app.replaceStatus(WorkloadStatusModel.reconciled(app, DeploymentModel.forStreamApp(app), List.of(), T0));

        // when
        var failed = WorkloadStatusModel.failed(app, "KubernetesClientException", "Forbidden: deployments", T1);

        // then
        assertCondition(failed, ConditionTypes.READY, "False", "KubernetesClientException");
        assertEquals("Forbidden: deployments", condition(failed, ConditionTypes.READY).getMessage());
        assertCondition(failed, ConditionTypes.SCALING, "False", "ScalerDisabled");
        assertEquals(1, failed.getDesiredReplicas());
        assertTrue(failed.getConditions().size() >= 4);
    }

    private static Condition condition(WorkloadStatus status, String type) {
        return Conditions.find(status.getConditions(), type).orElseThrow(() -> new AssertionError("no condition " + type));
    }

    private static void assertCondition(WorkloadStatus status, String type, String expectedStatus, String expectedReason) {
        var condition = condition(status, type);
        assertEquals(expectedStatus, condition.getStatus(), type + " status");
        assertEquals(expectedReason, condition.getReason(), type + " reason");
    }
}
