package dev.homeostat.operator;

import dev.homeostat.operator.leadership.Leadership;
import dev.homeostat.operator.scaler.LeaseState;
import dev.homeostat.operator.telemetry.Ticker;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Beans the operator needs that no extension provides. */
public class OperatorBeans {

    /** Wall clock for status timestamps; tests may replace it. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Monotonic clock that times the telemetry reads rates are computed from; tests may replace it. */
    @Produces
    @Singleton
    @DefaultBean
    Ticker ticker() {
        return Ticker.SYSTEM;
    }

    /** This replica's identity in leader election and its reaction to losing the Lease. */
    @Produces
    @Singleton
    Leadership leadership() {
        return new Leadership(Optional.ofNullable(System.getenv("HOSTNAME")));
    }

    /**
     * Lease-based leader election, so only one operator replica reconciles at a time. JOSDK's own exit on losing
     * leadership is off because it deadlocks a shutdown in progress; {@link Leadership} exits instead when that is
     * right.
     */
    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(HomeostatConfig config, Leadership leadership, LeaseState leaseState) {
        // The scaler loop acts only while this replica holds the Lease; Leadership decides what losing it means.
        LeaderCallbacks own = leadership.callbacks();
        LeaderCallbacks callbacks = new LeaderCallbacks(
                () -> {
                    leaseState.started();
                    own.onStartLeading();
                },
                () -> {
                    leaseState.stopped();
                    own.onStopLeading();
                },
                own::onNewLeader);
        HomeostatConfig.LeaderElection election = config.leaderElection();
        return new LeaderElectionConfiguration(election.leaseName(), election.leaseNamespace().orElse(null),
                election.leaseDuration(), election.renewDeadline(), election.retryPeriod(),
                leadership.identity(), callbacks, false);
    }
}
