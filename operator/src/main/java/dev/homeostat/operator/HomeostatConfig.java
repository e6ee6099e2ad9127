package dev.homeostat.operator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** All of the operator's own settings (prefix {@code homeostat}), with their defaults. */
@ConfigMapping(prefix = "homeostat")
public interface HomeostatConfig {

    /** Leader election among operator replicas. */
    LeaderElection leaderElection();

    /** Checks of Secrets and ConfigMaps the specs refer to. */
    References references();

    /** The embedded development mode (only used by a build with the embedded profile). */
    Embedded embedded();

    /** Lease settings; election is active in the prod profile (quarkus.operator-sdk.activate-leader-election-for-profiles). */
    interface LeaderElection {
        /** Name of the coordination.k8s.io Lease the replicas compete for. */
        @WithDefault("homeostat-operator")
        String leaseName();

        /** Namespace of the Lease; defaults to the namespace the operator runs in. */
        Optional<String> leaseNamespace();

        /** How long a Lease is valid without renewal: the longest a standby waits after a leader dies. */
        @WithDefault("15s")
        Duration leaseDuration();

        /** How long the leader keeps retrying a failed renewal before it gives up leading. */
        @WithDefault("10s")
        Duration renewDeadline();

        /** How often candidates try to acquire and the leader renews. */
        @WithDefault("2s")
        Duration retryPeriod();
    }

    /** Reference checking. */
    interface References {
        /** How soon to look again while a referenced Secret or ConfigMap is missing. */
        @WithDefault("30s")
        Duration recheckInterval();
    }

    /** Embedded development mode. */
    interface Embedded {
        /** Stop by itself after this long (for smoke tests); runs until Ctrl-C when unset. */
        Optional<Duration> exitAfter();

        /** Directory of sample manifests to load; searched upwards from the working directory. */
        @WithDefault("examples")
        String examplesDir();

        /** Namespace for manifests that name none. */
        @WithDefault("default")
        String namespace();

        /** How often the table is re-rendered (it is printed only when it changed). */
        @WithDefault("500ms")
        Duration refreshInterval();
    }
}
