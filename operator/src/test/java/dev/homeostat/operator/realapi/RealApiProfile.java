package dev.homeostat.operator.realapi;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the operator in the test JVM against the tier's cluster the way production runs: server-side apply on, CRDs
 * from the chart (never applied by the operator), watching the chart's namespace, as the chart's ServiceAccount.
 */
public class RealApiProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        if (Cluster.kubeconfig().isEmpty()) {
            return Map.of(); // the class is disabled; nothing will start
        }
        InstalledOperator operator = InstalledOperator.get();
        return Map.of(
                "quarkus.operator-sdk.enable-ssa", "true",
                "quarkus.operator-sdk.crd.apply", "false",
                "quarkus.operator-sdk.namespaces", operator.watchedNamespace(),
                "realapi.impersonate-user", operator.user(),
                "homeostat.references.recheck-interval", "2s");
    }
}
