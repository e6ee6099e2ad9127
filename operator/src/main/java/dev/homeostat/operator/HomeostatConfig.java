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

    /** Telemetry collection from pods, Kafka and (optionally) a Prometheus server. */
    Telemetry telemetry();

    /** The scaler loop: learning, deciding and acting on the telemetry. */
    Scaler scaler();

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

    /** Telemetry collection ({@code homeostat.telemetry.*}). */
    interface Telemetry {
        /** How often each app's telemetry is collected. */
        @WithDefault("15s")
        Duration interval();

        /** Longest wait for one pod's metrics endpoint (connect and whole body) or one Kafka Admin call. */
        @WithDefault("5s")
        Duration scrapeTimeout();

        /**
         * Longest a source may take for one app in one round, waiting for a scrape slot included; after it the
         * source is marked missing for that round.
         */
        @WithDefault("10s")
        Duration sourceTimeout();

        /** Pod scrapes (HTTP requests) in flight at once, over all apps. */
        @WithDefault("32")
        int maxConcurrentScrapes();

        /** Largest metrics body accepted from one pod; a larger one rejects that pod's sample. */
        @WithDefault("4194304")
        int maxBodyBytes();

        /** The optional Prometheus-server source. */
        Prometheus prometheus();
    }

    /** Reading the same signals from a Prometheus server's HTTP API, for clusters that scrape everything already. */
    interface Prometheus {
        /** Base URL of the Prometheus server, e.g. {@code http://prometheus:9090}; the source is off when unset. */
        Optional<String> url();

        /**
         * Label matchers that pick one app's series, with {@code {namespace}} and {@code {name}} replaced by the
         * custom resource's namespace and name.
         */
        @WithDefault("namespace=\"{namespace}\",app=\"{name}\"")
        String selector();

        /** Range of the {@code rate()} windows in the queries. */
        @WithDefault("1m")
        String rateWindow();
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

        /**
         * Samples of history kept per app in memory and in its saved state (256 = 64 min at 15 s): the policy reads
         * the last 16, and a restored app replays them to rebuild its anomaly detectors (150 warm-up + 64 context).
         */
        @WithDefault("256")
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
}
