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
}
