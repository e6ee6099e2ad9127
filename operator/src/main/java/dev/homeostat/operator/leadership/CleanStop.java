package dev.homeostat.operator.leadership;

import dev.homeostat.operator.HomeostatConfig;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Orders a clean stop around QOSDK's own shutdown observer (default priority, which stops the operator): first mark
 * the shutdown so that ending leadership does not exit, then, with the operator stopped, hand the Lease back.
 */
@Singleton
public class CleanStop {

    /** Short and without retries: at shutdown the API server may be gone, and the stop must stay quick. */
    private static final int RELEASE_TIMEOUT_MILLIS = 2_000;

    private final Leadership leadership;
    private final HomeostatConfig config;
    private final KubernetesClient client;
    private final ConfigurationService configurationService;

    CleanStop(Leadership leadership, HomeostatConfig config, KubernetesClient client,
            ConfigurationService configurationService) {
        this.leadership = leadership;
        this.config = config;
        this.client = client;
        this.configurationService = configurationService;
    }

    void beforeOperatorStops(@Observes @Priority(1) ShutdownEvent event) {
        leadership.shuttingDown();
    }

    void afterOperatorStopped(@Observes @Priority(10_000) ShutdownEvent event) {
        if (configurationService.getLeaderElectionConfiguration().isEmpty()) {
            return;
        }
        String namespace = config.leaderElection().leaseNamespace()
                .orElseGet(() -> client.getConfiguration().getNamespace());
        if (namespace == null) {
            return;
        }
        var quick = new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(RELEASE_TIMEOUT_MILLIS)
                .withRequestTimeout(RELEASE_TIMEOUT_MILLIS)
                .build();
        try (KubernetesClient releasing = new KubernetesClientBuilder().withConfig(quick).build()) {
            new LeaseRelease(releasing).release(namespace, config.leaderElection().leaseName(), leadership.identity());
        }
    }
}
