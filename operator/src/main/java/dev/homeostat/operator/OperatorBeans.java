package dev.homeostat.operator;

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
    LeaderElectionConfiguration leaderElection(HomeostatConfig config) {
        return new LeaderElectionConfiguration(config.leaderElection().leaseName(),
                config.leaderElection().leaseNamespace().orElse(null));
    }
}
