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

    /** Telemetry collection rounds. */
    Telemetry telemetry();

    /** The scaler loop: learning, deciding and acting on the telemetry. */
    Scaler scaler();

    /** Telemetry collection. */
    interface Telemetry {
        /** How often each app's telemetry is collected and evaluated. */
        @WithDefault("15s")
        Duration interval();
    }

    /** The scaler loop (collect, evaluate, act), which runs only on the leader. */
    interface Scaler {
        /** Whether the loop runs at all; when false, Reactive/Predictive apps follow spec.replicas like Fixed ones. */
        @WithDefault("true")
        boolean enabled();

        /** Threads that evaluate readings (learning and deciding); bounds the loop's CPU. */
        @WithDefault("2")
        int threads();

        /** Time from a scale decision until new replicas consume (pod start + readiness); part of the forecast horizon. */
        @WithDefault("60s")
        Duration readyDelay();

        /** Typical consumer-group rebalance pause; sets the utilisation headroom of the predictive policy. */
        @WithDefault("10s")
        Duration rebalance();

        /** Telemetry samples the forecaster needs before it may be trusted (120 = 30 min at 15 s). */
        @WithDefault("120")
        int forecastMinSamples();

        /** Samples of history kept per app in memory (2048 = 8.5 h at 15 s). */
        @WithDefault("2048")
        int historySamples();

        /** Anomaly score (0..1) at or above which a signal counts as anomalous. */
        @WithDefault("0.99")
        double anomalyThreshold();

        /** How often each app's models are saved to its state ConfigMap. */
        @WithDefault("60s")
        Duration persistInterval();

        /** Largest compressed model state per app; older history is dropped to fit (ConfigMaps hold at most 1 MiB). */
        @WithDefault("262144")
        int stateMaxBytes();

        /** Predicted time to out-of-memory at or under which the OutOfMemoryPredicted condition and Event are raised. */
        @WithDefault("30m")
        Duration oomWarning();
    }

    /** Lease settings; election is active in the prod profile (quarkus.operator-sdk.activate-leader-election-for-profiles). */
    interface LeaderElection {
        /** Name of the coordination.k8s.io Lease the replicas compete for. */
        @WithDefault("homeostat-operator")
        String leaseName();

        /** Namespace of the Lease; defaults to the namespace the operator runs in. */
        Optional<String> leaseNamespace();
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
