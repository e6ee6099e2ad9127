package dev.homeostat.operator.telemetry.pods;

import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.telemetry.ScrapeTarget;
import dev.homeostat.operator.telemetry.Signals;
import dev.homeostat.operator.telemetry.SourceResult;
import dev.homeostat.operator.telemetry.TelemetrySource;
import dev.homeostat.operator.telemetry.Ticker;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Scrapes the Prometheus endpoint of each ready pod of an app and turns what the pods count into the app's rates
 * and gauges (see {@link PodSignals} for the arithmetic). Pods come from {@link PodDirectory}'s informer; the
 * port and path come from the spec, and a pod's {@code prometheus.io/port} / {@code prometheus.io/path}
 * annotations override them.
 */
@ApplicationScoped
public class PodTelemetrySource implements TelemetrySource {

    public static final String NAME = "pods";
    static final String PORT_ANNOTATION = "prometheus.io/port";
    static final String PATH_ANNOTATION = "prometheus.io/path";

    private final PodDirectory directory;
    private final MetricsScraper scraper;
    private final Map<String, PodSignals> apps = new ConcurrentHashMap<>();

    @Inject
    public PodTelemetrySource(KubernetesClient client, HomeostatConfig config, Ticker ticker) {
        this(new PodDirectory(client), new MetricsScraper(config.telemetry().scrapeTimeout(),
                config.telemetry().maxConcurrentScrapes(), config.telemetry().maxBodyBytes(), ticker));
    }

    /** For tests and benchmarks that bring their own directory and scraper. */
    public PodTelemetrySource(PodDirectory directory, MetricsScraper scraper) {
        this.directory = directory;
        this.scraper = scraper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(ScrapeTarget target) {
        return !target.podSelector().isEmpty();
    }

    @Override
    public CompletionStage<SourceResult> collect(ScrapeTarget target, Instant now) {
        // now (the round's wall-clock time) is not used for rates: each scrape carries when it was read.
        return directory.ready(target.namespace()).thenCompose(synced -> scrapeAll(target));
    }

    private CompletableFuture<SourceResult> scrapeAll(ScrapeTarget target) {
        List<Pod> pods = directory.pods(target.namespace(), target.podSelector());
        double restarts = pods.stream().mapToLong(PodTelemetrySource::restarts).sum();
        List<Pod> ready = pods.stream().filter(PodTelemetrySource::ready).toList();
        if (ready.isEmpty()) {
            apps.computeIfAbsent(target.key(), k -> new PodSignals()).retainPods(List.of());
            return CompletableFuture.completedFuture(SourceResult.partial(
                    Signals.builder().readyPods(0).restarts(restarts).build(),
                    "no ready pod with an IP among " + pods.size() + " pods matching " + selector(target)));
        }
        var scrapes = new LinkedHashMap<String, CompletableFuture<MetricsScraper.PodScrape>>();
        for (Pod pod : ready) {
            CompletableFuture<MetricsScraper.PodScrape> scrape;
            try {
                scrape = scraper.scrape(uri(target, pod));
            } catch (IllegalArgumentException e) {
                scrape = CompletableFuture.completedFuture(MetricsScraper.PodScrape.failed("bad address: " + e.getMessage()));
            }
            scrapes.put(pod.getMetadata().getUid(), scrape);
        }
        return CompletableFuture.allOf(scrapes.values().toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            var results = new LinkedHashMap<String, MetricsScraper.PodScrape>();
            var names = new LinkedHashMap<String, String>();
            for (Pod pod : ready) {
                results.put(pod.getMetadata().getUid(), scrapes.get(pod.getMetadata().getUid()).join());
                names.put(pod.getMetadata().getUid(), pod.getMetadata().getName());
            }
            PodSignals state = apps.computeIfAbsent(target.key(), k -> new PodSignals());
            synchronized (state) {
                return state.round(results, names, restarts);
            }
        });
    }

    private static String selector(ScrapeTarget target) {
        return target.podSelector().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .sorted().collect(Collectors.joining(","));
    }

    /** Ready condition true, an IP assigned, not being deleted. */
    static boolean ready(Pod pod) {
        var status = pod.getStatus();
        if (status == null || status.getPodIP() == null || status.getPodIP().isBlank()
                || pod.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        return Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static long restarts(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .map(ContainerStatus::getRestartCount).filter(java.util.Objects::nonNull)
                .mapToLong(Integer::longValue).sum();
    }

    /** {@code http://<podIP>:<port><path>}, the annotations winning over the spec. */
    static URI uri(ScrapeTarget target, Pod pod) {
        Map<String, String> annotations = Optional.ofNullable(pod.getMetadata().getAnnotations()).orElse(Map.of());
        int port = target.metricsPort();
        String annotatedPort = annotations.get(PORT_ANNOTATION);
        if (annotatedPort != null && annotatedPort.matches("\\d{1,5}")) {
            int candidate = Integer.parseInt(annotatedPort);
            port = candidate >= 1 && candidate <= 65535 ? candidate : port;
        }
        String path = annotations.getOrDefault(PATH_ANNOTATION, target.metricsPath());
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        String ip = pod.getStatus().getPodIP();
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        return URI.create("http://" + host + ":" + port + path);
    }

    @Override
    public void forget(ScrapeTarget target) {
        apps.remove(target.key());
    }

    /** Stops the informer. */
    @PreDestroy
    void close() {
        directory.close();
    }

}
