package dev.homeostat.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.function.Supplier;

/** Waits and assertions that work the same against the mock API server and a real cluster. */
public final class ClusterAssertions {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ClusterAssertions() {
    }

    /** Creates the namespace if it is not there (a real cluster needs it; the mock does not mind). */
    public static void ensureNamespace(KubernetesClient client, String namespace) {
        if (client.namespaces().withName(namespace).get() == null) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        }
    }

    /** Waits until {@code fetch} returns a non-null object, and returns it. */
    static <T> T eventually(Supplier<T> fetch) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(fetch::get, r -> r != null);
    }

    /** Waits until the workload's condition has the given status and reason, and returns the condition. */
    static <W extends HasMetadata & Workload> Condition awaitCondition(Supplier<W> fetch, String type, String status,
            String reason) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var workload = fetch.get();
            assertNotNull(workload, "workload exists");
            assertNotNull(workload.workloadStatus(), "status written");
            var condition = Conditions.find(workload.workloadStatus().getConditions(), type).orElse(null);
            assertNotNull(condition, type + " condition present");
            assertEquals(status + "/" + reason, condition.getStatus() + "/" + condition.getReason(), type);
        });
        return Conditions.find(fetch.get().workloadStatus().getConditions(), type).orElseThrow();
    }
}
