package dev.homeostat.operator.reconcile;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a failure handed to updateErrorStatus is reduced to the exception the user should see. */
class WorkloadReconciliationTest {

    @Test
    void rootCauseUnwrapsTheWorkflowWrappersButNothingElse() {
        // given a dependent's failure as JOSDK hands it to updateErrorStatus
        var conflict = new ResourceConflictException("Deployment ns/x already exists");
        var wrapped = new OperatorException(new AggregatedOperatorException("workflow failed", Map.of("deployment", conflict)));
        var plain = new IllegalStateException("other", new RuntimeException("inner"));

        // when / then
        assertSame(conflict, WorkloadReconciliation.rootCause(wrapped));
        assertSame(plain, WorkloadReconciliation.rootCause(plain));
    }
}
