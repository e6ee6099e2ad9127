package dev.homeostat.operator.realapi;

import static org.awaitility.Awaitility.await;

import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.model.DeploymentModel;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns, so no build runs it): on the
 * cluster KUBECONFIG names, N StreamApps exist before the packaged operator starts (as the chart runs it: the chart's
 * environment and JVM options, its ServiceAccount, leader election on); it prints how long until all N Deployments
 * exist, next to a plain Fabric8 client server-side-applying the same N Deployments on 4 threads, and the operator's
 * resident memory. Run with {@code -Dit.test=RealApiThroughputBenchmark}; {@code -Dbench.apps=N} (default 500);
 * {@code -Dbench.env="NAME=value;NAME=value"} adds or replaces settings of the chart's container to try others.
 */
@RealApiTier
class RealApiThroughputBenchmark {

    private static final int APPS = Integer.getInteger("bench.apps", 500);
    private static final int BASELINE_THREADS = 4;

    private static final String APP = """
            apiVersion: homeostat.dev/v1alpha1
            kind: StreamApp
            metadata:
              name: bench-%04d
            spec:
              image: ghcr.io/homeostat/trade-signals:0.1.0
              replicas: 1
              minReplicas: 1
              maxReplicas: 4
              kafka:
                bootstrapServers: kafka:9092
                inputTopics: [quotes]
                consumerGroup: bench-%04d
              scaling:
                mode: Fixed
            """;

    @Test
    void operatorVersusPlainServerSideApply() throws Exception {
        InstalledOperator chart = InstalledOperator.get();
        String apps = chart.watchedNamespace();
        try (KubernetesClient admin = Cluster.admin()) {
            List<StreamApp> created = createApps(admin, apps);
            String baselineNamespace = Cluster.createNamespace(admin, Cluster.uniqueName("homeostat-bench-plain"));
            double plainSeconds = plainServerSideApply(admin, baselineNamespace, created);

            SharedIndexInformer<Deployment> deployments = admin.apps().deployments().inNamespace(apps).inform();
            long start = System.nanoTime();
            try (OperatorProcess operator = OperatorProcess.start(chart, "homeostat-bench", overrides())) {
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !deployments.getStore().list().isEmpty());
                double firstSeconds = seconds(start);
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> deployments.getStore().list().size() >= APPS);
                double allSeconds = seconds(start);
                long[] rss = operator.rssAndPeakKiB();
                Thread.sleep(10_000); // status writes and informer caches settle
                long[] settled = operator.rssAndPeakKiB();
                deployments.close();

                double reconcileSeconds = allSeconds - firstSeconds;
                Map<String, String> env = new java.util.TreeMap<>(chart.env());
                env.putAll(overrides());
                System.out.printf(Locale.ROOT, "%d StreamApps on %s; operator environment (chart + overrides): %s%n",
                        APPS, admin.getConfiguration().getMasterUrl(), env);
                System.out.printf(Locale.ROOT, "plain Fabric8 SSA, %d threads: %d Deployments in %.2f s = %.0f/s%n",
                        BASELINE_THREADS, APPS, plainSeconds, APPS / plainSeconds);
                System.out.printf(Locale.ROOT, "operator from process start: all %d Deployments after %.2f s = %.0f/s"
                        + " (%.2fx plain)%n", APPS, allSeconds, APPS / allSeconds, plainSeconds / allSeconds);
                System.out.printf(Locale.ROOT, "operator from its first Deployment (%.2f s after start) to the last:"
                        + " %.2f s = %.0f/s (%.2fx plain)%n", firstSeconds, reconcileSeconds,
                        (APPS - 1) / reconcileSeconds, plainSeconds * (APPS - 1) / APPS / reconcileSeconds);
                System.out.printf(Locale.ROOT, "operator RSS when all existed: %d MiB (peak %d MiB); 10 s later: %d MiB"
                        + " (peak %d MiB)%n", rss[0] / 1024, rss[1] / 1024, settled[0] / 1024, settled[1] / 1024);
            } finally {
                admin.namespaces().withName(baselineNamespace).delete();
            }
        }
    }

    private static Map<String, String> overrides() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String pair : System.getProperty("bench.env", "").split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return env;
    }

    private static List<StreamApp> createApps(KubernetesClient admin, String namespace) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<StreamApp>> futures = new ArrayList<>();
            for (int i = 0; i < APPS; i++) {
                String yaml = APP.formatted(i, i);
                futures.add(pool.submit(() -> admin.resources(StreamApp.class).inNamespace(namespace)
                        .resource(Serialization.unmarshal(yaml, StreamApp.class)).create()));
            }
            List<StreamApp> apps = new ArrayList<>();
            for (Future<StreamApp> f : futures) {
                apps.add(f.get());
            }
            return apps;
        }
    }

    /** The operator's own desired Deployments, applied by a plain client: what the operator's writes cost at best. */
    private static double plainServerSideApply(KubernetesClient admin, String namespace, List<StreamApp> apps)
            throws Exception {
        List<Deployment> desired = apps.stream().map(DeploymentModel::forStreamApp).peek(d -> {
            d.getMetadata().setNamespace(namespace);
            d.getMetadata().setOwnerReferences(null); // owners live in another namespace
        }).toList();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(BASELINE_THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Deployment d : desired) {
                futures.add(pool.submit(() -> admin.resource(d).fieldManager("bench").forceConflicts().serverSideApply()));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return seconds(start);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
