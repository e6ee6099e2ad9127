package dev.homeostat.operator.embedded;

import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The embedded mode's front end when local mode is off: loads examples/ into the embedded API once the operator has
 * started, then prints the table of workloads whenever it changes, and exits after homeostat.embedded.exit-after if set.
 */
@IfBuildProfile("embedded")
@Singleton
public class EmbeddedConsole {

    private static final Logger LOG = Logger.getLogger(EmbeddedConsole.class);

    private final KubernetesClient client;
    private final EmbeddedApiServer server;
    private final HomeostatConfig config;
    private final PrintStream out = System.out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "homeostat-embedded-console");
        thread.setDaemon(true);
        return thread;
    });
    private String lastTable = "";

    public EmbeddedConsole(KubernetesClient client, EmbeddedApiServer server, HomeostatConfig config) {
        this.client = client;
        this.server = server;
        this.config = config;
    }

    // Runs after the operator's own startup observer, so the CRDs are applied before the samples arrive.
    void start(@Observes @Priority(5000) StartupEvent event) {
        if (config.local().enabled()) {
            // Local mode loads the samples itself (pointed at its broker) and has its own live view.
            return;
        }
        var embedded = config.embedded();
        var directory = Manifests.findUpwards(embedded.examplesDir());
        List<HasMetadata> manifests = Manifests.loadDirectory(directory);
        for (HasMetadata manifest : manifests) {
            if (manifest.getMetadata().getNamespace() == null) {
                manifest.getMetadata().setNamespace(embedded.namespace());
            }
            client.resource(manifest).create();
        }
        out.printf("Homeostat embedded dev mode (a development aid, not a cluster): API %s, Fabric8 mock server in CRUD mode.%n"
                + "Loaded %d manifests from %s. No kubelet runs here, so pods never start and Ready stays False (ReplicasNotReady).%n"
                + "%s%n", server.url(), manifests.size(), directory,
                embedded.exitAfter().map(d -> "Exits after " + d.toSeconds() + "s.").orElse("Ctrl-C stops it."));
        long period = Math.max(100, embedded.refreshInterval().toMillis());
        timer.scheduleWithFixedDelay(this::refresh, 0, period, TimeUnit.MILLISECONDS);
        embedded.exitAfter().ifPresent(d -> timer.schedule(() -> {
            refresh();
            Quarkus.asyncExit(0);
        }, d.toMillis(), TimeUnit.MILLISECONDS));
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    private void refresh() {
        try {
            var workloads = new ArrayList<Workload>();
            workloads.addAll(client.resources(StreamApp.class).inAnyNamespace().list().getItems());
            workloads.addAll(client.resources(MicroService.class).inAnyNamespace().list().getItems());
            String table = StatusTable.render(workloads);
            if (!table.equals(lastTable)) {
                lastTable = table;
                out.print("\n[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "]\n" + table);
                out.flush();
            }
        } catch (RuntimeException e) {
            LOG.debugf("table refresh skipped: %s", e.getMessage());
        }
    }
}
