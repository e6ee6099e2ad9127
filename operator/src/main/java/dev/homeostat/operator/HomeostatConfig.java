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

    /** Local mode: app replicas as local processes, an in-JVM broker, the live view (off unless enabled). */
    Local local();

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

    /** Local mode (docs/local-mode.md); command-line flags of the local jar override these. */
    interface Local {
        /** Whether this operator also runs the local runtime, broker, sample load and live view. */
        @WithDefault("false")
        boolean enabled();

        /** The repository's apps/ directory (searched upwards from the working directory). */
        @WithDefault("apps")
        String appsDir();

        /** Where pod logs, the generated trace and the Prometheus scrape config go; a fresh temp dir when unset. */
        Optional<String> workDir();

        /** JVM options of every app process: small, single-CPU JVMs so that many fit on two cores. */
        @WithDefault("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -Xss512k "
                + "-XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=160m -Xshare:auto")
        String jvmOptions();

        /** Heap of an app process whose container sets no memory limit (else 60% of the limit). */
        @WithDefault("192m")
        String defaultMaxHeap();

        /** Time between SIGTERM and SIGKILL when a replica is stopped (Kubernetes' default grace period). */
        @WithDefault("30s")
        Duration terminationGracePeriod();

        /** How often replicas are reconciled with the Deployments and probed for readiness. */
        @WithDefault("1s")
        Duration syncInterval();

        /** Flags as on the command line (e.g. "--duration 3m --inject poison"), read before the real ones. */
        Optional<String> flags();

        /**
         * Topics the sample apps use beyond those their StreamApp specs list (portfolio's inputs, state and
         * dead-letter topics), created up front; names ending in -state are compacted.
         */
        @WithDefault("fills,orders,alerts,quotes-dlq,payments-dlq,trade-signals-state,portfolio-state")
        java.util.List<String> topics();

        /** Partitions of the sample topics: the most consumers a stream app can use. */
        @WithDefault("8")
        int partitions();

        /** Whether --duration ends the run (and the operator); tests keep the operator and call finish themselves. */
        @WithDefault("true")
        boolean exitAtEnd();

        /** How long the end of a run waits for the consumers to drain what the feed produced. */
        @WithDefault("60s")
        Duration drainTimeout();
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

        /** Telemetry samples the forecaster needs before it may be trusted (120 = 30 min at 15 s). */
        @WithDefault("120")
        int forecastMinSamples();

        /**
         * Samples of history kept per app in memory and in its saved state (256 = 64 min at 15 s): the policy reads
         * the last 16, and a restored app replays them to rebuild its anomaly detectors (150 warm-up + 64 context).
         */
        @WithDefault("256")
        int historySamples();

        /**
         * Score (0..1) at or above which a load signal (arrival rate, processed per replica) counts as anomalous;
         * the detector's scores stay below about 0.986, and a doubling of load peaks near 0.87 (see
         * {@link dev.homeostat.operator.scaler.AnomalyWatch#DEFAULT_THRESHOLD}). Failed records have their own fixed
         * threshold, 0.99 of their Poisson background.
         */
        @WithDefault(dev.homeostat.operator.scaler.AnomalyWatch.DEFAULT_THRESHOLD)
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
