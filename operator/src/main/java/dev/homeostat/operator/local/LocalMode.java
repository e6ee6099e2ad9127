package dev.homeostat.operator.local;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.embedded.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Local mode: the whole self-operating loop on one machine. Starts the in-JVM broker, applies the sample apps from
 * examples/ (pointed at that broker, the feed replaying a load trace), runs their replicas as local processes, shows
 * the live view, injects the requested faults, and at the end drains, stops everything and prints the summary.
 * Inactive unless {@code homeostat.local.enabled} (on in the embedded build).
 */
@Singleton
public class LocalMode {

    private static final Logger LOG = Logger.getLogger(LocalMode.class);

    private final KubernetesClient client;
    private final HomeostatConfig config;
    private final MeterRegistry registry;
    private final String[] args;
    private final PrintStream out = System.out;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "homeostat-local-mode");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> injected = new CopyOnWriteArrayList<>();
    private volatile LocalOptions options;
    private volatile EmbeddedKafkaBroker broker;
    private volatile org.apache.kafka.clients.admin.Admin admin;
    private volatile LocalRuntime runtime;
    private volatile RunRecorder recorder;
    private volatile LoadTrace trace;
    private volatile RunSummary summary;
    private volatile List<HasMetadata> manifests = List.of();
    private volatile Path workDirectory;
    private volatile NodelessApiServer apiServer;
    private long startedNanos;

    public LocalMode(KubernetesClient client, HomeostatConfig config, MeterRegistry registry,
            @CommandLineArguments String[] args) {
        this.client = client;
        this.config = config;
        this.registry = registry;
        this.args = args == null ? new String[0] : args;
    }

    /** Whether this operator runs local mode. */
    public boolean active() {
        return runtime != null;
    }

    /** The apps recorded so far (empty before the start and outside local mode). */
    public List<AppTrack> tracks() {
        RunRecorder current = recorder;
        return current == null ? List.of() : current.tracks();
    }

    /** The summary, once the run has ended. */
    public Optional<RunSummary> summary() {
        return Optional.ofNullable(summary);
    }

    /** The faults injected so far, in words (for tests; the summary carries the final list). */
    List<String> injectedSoFar() {
        return List.copyOf(injected);
    }

    /** The runtime (for tests and fault injection). */
    public LocalRuntime runtime() {
        return runtime;
    }

    // After the operator's own startup (CRDs applied), like the embedded console.
    void start(@Observes @Priority(5000) StartupEvent event) {
        if (!config.local().enabled()) {
            return;
        }
        var all = new ArrayList<String>();
        config.local().flags().ifPresent(f -> all.addAll(Arrays.stream(f.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList()));
        all.addAll(List.of(args));
        try {
            options = LocalOptions.parse(all.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            Quarkus.asyncExit(2);
            return;
        }
        startedNanos = System.nanoTime();
        try {
            begin();
        } catch (RuntimeException e) {
            LOG.errorf(e, "local mode could not start: %s", e.getMessage());
            Quarkus.asyncExit(1);
        }
    }

    private void begin() {
        var local = config.local();
        // With --kubeconfig the samples go to the context's namespace, where kubectl with that kubeconfig looks.
        String namespace = options.kubeconfig().isPresent() && client.getNamespace() != null ? client.getNamespace()
                : config.embedded().namespace();
        if (options.kubeconfig().isPresent()) {
            apiServer = new NodelessApiServer(client);
            apiServer.check(namespace);
        }
        workDirectory = workDirectory();
        broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaBroker.Options(local.partitions(), Map.of()));
        trace = LoadTrace.choose(options.trace(), workDirectory);
        var directory = Manifests.findUpwards(config.embedded().examplesDir());
        manifests = SampleWorkloads.localise(Manifests.loadDirectory(directory), broker.bootstrapServers(),
                SampleWorkloads.feedEnvironment(trace, options.compress(), options.peakRate()));
        var topics = new java.util.LinkedHashSet<>(SampleWorkloads.topics(manifests));
        topics.addAll(local.topics());
        for (String topic : topics) {
            broker.createTopic(topic, local.partitions(),
                    topic.endsWith("-state") ? Map.of("cleanup.policy", "compact") : Map.of());
        }
        admin = broker.admin();
        var jars = new AppJars(Manifests.findUpwards(local.appsDir()));
        var launcher = new ProcessLauncher();
        if (!launcher.tiesChildrenToParent()) {
            LOG.warn("setpriv/setsid (util-linux) not found: app processes will outlive a killed operator");
        }
        runtime = new LocalRuntime(client, jars, new JvmCommand(JvmCommand.currentJava(), local.jvmOptions(), local.defaultMaxHeap()),
                launcher, workDirectory.resolve("logs"), local.terminationGracePeriod(), local.syncInterval());
        if (apiServer != null) {
            runtime.start(namespace);
        } else {
            runtime.start();
        }
        for (HasMetadata manifest : manifests) {
            if (manifest.getMetadata().getNamespace() == null) {
                manifest.getMetadata().setNamespace(namespace);
            }
            if (apiServer != null) {
                apiServer.createOrUpdate(manifest);
            } else {
                client.resource(manifest).create();
            }
        }
        recorder = new RunRecorder(client, runtime, new KafkaProgress(admin), new OperatorMeters(registry));
        recorder.start();
        PrometheusConfig.writeIfAvailable(workDirectory, httpPort()).ifPresent(file -> out.println(
                "prometheus found on PATH: scrape config " + file + " (run: prometheus --config.file=" + file
                        + " --web.listen-address=127.0.0.1:9090 --storage.tsdb.path=" + workDirectory.resolve("prometheus") + ")"));
        out.printf("Homeostat local mode: API %s, Kafka %s, %d manifests from %s%n"
                        + "load: %s, ×%.0f (a %s point every %.2f s), peak %.0f records/s%n"
                        + "web view: http://127.0.0.1:%d/local/  pod logs: %s%n%s%n",
                client.getMasterUrl(), broker.bootstrapServers(), manifests.size(), directory, trace.description(),
                options.compress(), trace.pointInterval(), trace.secondsPerPoint(options.compress()), options.peakRate(),
                httpPort(), workDirectory.resolve("logs"),
                options.duration().map(d -> "Stops after " + d.toSeconds() + " s (Ctrl-C stops earlier).").orElse("Ctrl-C stops it."));
        var view = new LiveView(out, System.console() != null);
        timer.scheduleWithFixedDelay(() -> view.draw(recorder.tracks(), footer()), 2, 2, TimeUnit.SECONDS);
        scheduleInjections();
        for (HasMetadata manifest : manifests) {
            if (manifest instanceof dev.homeostat.operator.api.Workload workload && AppJars.appDirectory(workload.workloadSpec().getImage())
                    .filter(SampleWorkloads.FRAUD_APP::equals).isPresent()) {
                var payments = new PaymentLoad(runtime, manifest.getMetadata().getNamespace(), manifest.getMetadata().getName(),
                        trace, options.compress(), options.peakRate());
                timer.scheduleAtFixedRate(payments::tick, 1000, PaymentLoad.TICK.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (config.local().exitAtEnd()) {
            options.duration().ifPresent(d -> timer.schedule(() -> Quarkus.asyncExit(0), d.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private String footer() {
        long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        return String.format("t=%ds  replicas are local processes (pod logs in %s)%s", seconds, workDirectory.resolve("logs"),
                injected.isEmpty() ? "" : "  injected: " + String.join("; ", injected));
    }

    private void scheduleInjections() {
        Duration total = options.duration().orElse(Duration.ofMinutes(5));
        var faults = new FaultInjector(broker, runtime, manifests, injected::add, client);
        for (var injection : options.injections()) {
            switch (injection) {
                case LocalOptions.Injection.Poison p -> at(total, 0.30, faults::poison);
                case LocalOptions.Injection.KillReplica k -> at(total, 0.45, faults::killReplica);
                case LocalOptions.Injection.BrokerPause pause -> at(total, 0.55, () -> faults.pauseBroker(pause.length()));
                // Early, so the heap trend has most of the run to show before the end.
                case LocalOptions.Injection.MemoryLeak leak -> at(total, 0.15, () -> faults.memoryLeak(leak.rate()));
            }
        }
    }

    private void at(Duration total, double fraction, Runnable action) {
        timer.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "fault injection failed: %s", e.getMessage());
            }
        }, (long) (total.toMillis() * fraction), TimeUnit.MILLISECONDS);
    }

    // Before the operator stops (its shutdown closes the client): the run's end still talks to the API server.
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        finish();
    }

    /**
     * Ends the run: stops the feed, lets the consumers drain, stops every replica and the broker, and builds,
     * prints and (with --summary-json) writes the summary. Idempotent; empty outside local mode.
     */
    public synchronized Optional<RunSummary> finish() {
        if (runtime == null || summary != null) {
            return Optional.ofNullable(summary);
        }
        timer.shutdownNow();
        out.println("\nStopping: the feed first, then the consumers once they drained (at most "
                + config.local().drainTimeout().toSeconds() + " s), then the broker.");
        runtime.freeze();
        var ends = new RunEnd(runtime, admin, manifests, config.local().drainTimeout());
        ends.stopProducers();
        ends.drain();
        recorder.stop();
        runtime.stop();
        var accounting = ends.count();
        long deadLetters = ends.deadLetters();
        int left = (int) runtime.startedPids().stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).count();
        admin.close();
        broker.close();
        if (apiServer != null) {
            apiServer.removeAll();
            out.println("removed the sample apps, the objects the operator made for them and their Events from the API server "
                    + "(the CRDs stay installed)");
        }
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        summary = ends.summary(seconds, trace.description(), options.compress(), List.copyOf(injected), recorder.tracks(),
                new OperatorMeters(registry), accounting, deadLetters, runtime.startedPids().size(), left);
        out.print("\n" + summary.render());
        options.summaryJson().ifPresent(file -> {
            summary.writeJson(file);
            out.println("summary written to " + file.toAbsolutePath());
        });
        return Optional.of(summary);
    }

    private Path workDirectory() {
        try {
            if (config.local().workDir().isPresent()) {
                return Files.createDirectories(Path.of(config.local().workDir().get()).toAbsolutePath());
            }
            return Files.createTempDirectory("homeostat-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory", e);
        }
    }

    static int httpPort() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    }

    static boolean isConsumer(HasMetadata manifest) {
        return manifest instanceof StreamApp app && app.getSpec().getKafka() != null
                && app.getSpec().getKafka().getConsumerGroup() != null
                && app.getSpec().getKafka().getInputTopics() != null && !app.getSpec().getKafka().getInputTopics().isEmpty();
    }
}
