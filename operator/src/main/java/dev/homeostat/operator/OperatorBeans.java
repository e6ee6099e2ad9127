package dev.homeostat.operator;

import dev.homeostat.operator.scaler.Leadership;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans the operator needs that no extension provides. */
public class OperatorBeans {

    /** Wall clock for status timestamps; tests may replace it. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Lease-based leader election, so only one operator replica reconciles at a time. */
    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(HomeostatConfig config, Leadership leadership) {
        // The callbacks tell the scaler loop when it may act; JOSDK still exits when the Lease is lost.
        return new LeaderElectionConfiguration(config.leaderElection().leaseName(),
                config.leaderElection().leaseNamespace().orElse(null),
                LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, null,
                new LeaderCallbacks(leadership::started, leadership::stopped, leader -> { }), true);
    }
}
