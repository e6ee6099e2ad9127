package dev.homeostat.operator.realapi;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables the real-API-server tier, saying so once on the console, when KUBECONFIG names no file. */
public class RequiresKubeconfig implements ExecutionCondition {

    static final String SKIPPED = "real-API-server tier skipped: KUBECONFIG is not set. Start one with "
            + "../shared/tools/kubekit.sh start (or use kind) and export KUBECONFIG; see docs/operator.md";

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Cluster.kubeconfig().isPresent()) {
            return ConditionEvaluationResult.enabled("KUBECONFIG=" + Cluster.kubeconfig().get());
        }
        if (TOLD.compareAndSet(false, true)) {
            System.out.println(SKIPPED);
        }
        return ConditionEvaluationResult.disabled(SKIPPED);
    }
}
