package dev.homeostat.operator.reconcile;

import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.api.WorkloadStatus;
import dev.homeostat.operator.model.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Publishes Kubernetes Events for problems users should see in {@code kubectl describe}: once per change of
 * the problem, not once per reconcile, so retries and rechecks do not flood the namespace.
 */
@ApplicationScoped
public class WorkloadEvents {

    private static final Logger LOG = Logger.getLogger(WorkloadEvents.class);

    private final Clock clock;

    @Inject
    public WorkloadEvents(Clock clock) {
        this.clock = clock;
    }

    /** Emits a Warning when condition {@code type} turned to {@code problemStatus} or changed its message while there. */
    public void onProblemChange(KubernetesClient client, Workload workload, WorkloadStatus before, WorkloadStatus after,
            String type, String problemStatus) {
        Condition now = Conditions.find(after.getConditions(), type).orElse(null);
        if (now == null || !problemStatus.equals(now.getStatus())) {
            return;
        }
        Condition then = before == null ? null : Conditions.find(before.getConditions(), type).orElse(null);
        boolean unchanged = then != null && problemStatus.equals(then.getStatus())
                && Objects.equals(then.getReason(), now.getReason()) && Objects.equals(then.getMessage(), now.getMessage());
        if (!unchanged) {
            warn(client, workload, now.getReason(), now.getMessage());
        }
    }

    /** Creates one Warning Event on the workload; a failure to do so is logged, never thrown. */
    void warn(KubernetesClient client, Workload workload, String reason, String message) {
        record(client, workload, "Warning", reason, message);
    }

    /** Creates one Event of {@code type} (Normal or Warning) on the workload; a failure is logged, never thrown. */
    public void record(KubernetesClient client, Workload workload, String type, String reason, String message) {
        var meta = workload.getMetadata();
        String time = clock.instant().toString();
        var event = new EventBuilder()
                .withNewMetadata()
                    .withName(meta.getName() + "." + Long.toHexString(clock.millis())
                            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)))
                    .withNamespace(meta.getNamespace())
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(workload.getApiVersion())
                        .withKind(workload.getKind())
                        .withName(meta.getName())
                        .withNamespace(meta.getNamespace())
                        .withUid(meta.getUid())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withFirstTimestamp(time)
                .withLastTimestamp(time)
                .withCount(1)
                .withNewSource().withComponent("homeostat-operator").endSource()
                .build();
        try {
            client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("could not record Event %s on %s %s/%s: %s", reason, workload.getKind(), meta.getNamespace(),
                    meta.getName(), e.getMessage());
        }
    }
}
