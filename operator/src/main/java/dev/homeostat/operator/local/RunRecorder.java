package dev.homeostat.operator.local;

import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Samples every app once a second during a local run — load and progress from the broker, replicas from the
 * runtime, desired replicas, decisions and anomalies from the custom resources, forecast and anomaly scores from
 * the operator's meters — for the live view, the web page and the summary.
 */
public final class RunRecorder {

    private static final Logger LOG = Logger.getLogger(RunRecorder.class);

    private final KubernetesClient client;
    private final LocalRuntime runtime;
    private final KafkaProgress kafka;
    private final OperatorMeters meters;
    private final Map<String, AppTrack> tracks = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "homeostat-local-recorder");
        thread.setDaemon(true);
        return thread;
    });
    private long lastSampleNanos;

    public RunRecorder(KubernetesClient client, LocalRuntime runtime, KafkaProgress kafka, OperatorMeters meters) {
        this.client = client;
        this.runtime = runtime;
        this.kafka = kafka;
        this.meters = meters;
    }

    public void start() {
        timer.scheduleAtFixedRate(this::sampleSafely, 1, 1, TimeUnit.SECONDS);
    }

    public void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The apps seen so far, in name order. */
    public List<AppTrack> tracks() {
        return tracks.values().stream().sorted(java.util.Comparator.comparing(AppTrack::key)).toList();
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.debugf(e, "sample skipped");
        }
    }

    private void sample() {
        long now = System.nanoTime();
        double seconds = lastSampleNanos == 0 ? 1.0 : (now - lastSampleNanos) / 1e9;
        lastSampleNanos = now;
        var workloads = new ArrayList<Workload>();
        workloads.addAll(client.resources(StreamApp.class).inAnyNamespace().list().getItems());
        workloads.addAll(client.resources(MicroService.class).inAnyNamespace().list().getItems());
        for (Workload workload : workloads) {
            AppTrack track = tracks.computeIfAbsent(key(workload), k -> track(workload));
            sample(workload, track, seconds);
        }
    }

    private void sample(Workload workload, AppTrack track, double seconds) {
        String ns = track.namespace;
        String name = track.name;
        var spec = workload.workloadSpec();
        var status = workload.workloadStatus();
        int desired = spec.getReplicas() != null ? spec.getReplicas()
                : status != null && status.getDesiredReplicas() != null ? status.getDesiredReplicas() : 0;
        int ready = (int) runtime.replicasOf(ns, name).stream().filter(LocalReplica::ready).count();
        double rateIn = Double.NaN;
        double processed = Double.NaN;
        double lag = Double.NaN;
        try {
            if (track.consumerGroup != null && !track.inputTopics.isEmpty()) {
                var progress = kafka.progress(track.consumerGroup, track.inputTopics);
                var window = windows.computeIfAbsent(track.key(), k -> new RateWindow());
                window.add(System.nanoTime(), progress.produced(), progress.committed());
                rateIn = window.rate(0);
                processed = window.rate(1);
                lag = progress.lag();
            } else if (!outputTopics(workload).isEmpty()) {
                // A pure producer (the market feed): its output rate is what it does.
                long produced = kafka.produced(outputTopics(workload));
                var window = windows.computeIfAbsent(track.key(), k -> new RateWindow());
                window.add(System.nanoTime(), produced, produced);
                processed = window.rate(0);
            }
        } catch (Exception e) {
            LOG.debugf("broker not answering for %s: %s", track.key(), e.getMessage());
        }
        double forecast = meters.gauge("homeostat.forecast.arrival.rate", ns, name);
        double anomaly = meters.maxGauge("homeostat.anomaly.score", ns, name);
        track.timeToOom(meters.gauge("homeostat.time.to.oom.seconds", ns, name));
        double lagSeconds = meters.gauge("homeostat.lag.seconds", ns, name);
        if (Double.isNaN(lagSeconds) && !Double.isNaN(lag)) {
            lagSeconds = lag == 0 ? 0 : lag / Math.max(1.0, Double.isNaN(processed) ? 0 : processed);
        }
        track.add(new AppPoint(System.currentTimeMillis(), rateIn, processed, lag, ready, desired, forecast, anomaly),
                seconds, lagSeconds);
        if (status != null && status.getLastDecision() != null) {
            var decision = status.getLastDecision();
            track.decision(decision.getTime(), DecisionReasons.of(decision));
        }
        if (status != null) {
            Conditions.find(status.getConditions(), ConditionTypes.ANOMALY_DETECTED).ifPresent(c ->
                    track.anomalyCondition("True".equals(c.getStatus()), c.getReason(), c.getMessage(), c.getLastTransitionTime()));
            Conditions.find(status.getConditions(), ConditionTypes.OUT_OF_MEMORY_PREDICTED).ifPresent(c ->
                    track.oomCondition("True".equals(c.getStatus()), c.getReason() + ": " + c.getMessage()));
        }
    }

    /** Topics a workload writes: spec.kafka.outputTopics, or HOMEOSTAT_OUTPUT_TOPICS in a MicroService's env. */
    static List<String> outputTopics(Workload workload) {
        if (workload instanceof StreamApp app && app.getSpec().getKafka() != null) {
            return nullSafe(app.getSpec().getKafka().getOutputTopics());
        }
        var env = workload.workloadSpec().getEnv();
        return env == null ? List.of() : env.stream()
                .filter(v -> v.getName().equals("HOMEOSTAT_OUTPUT_TOPICS") && v.getValue() != null && !v.getValue().isBlank())
                .flatMap(v -> java.util.Arrays.stream(v.getValue().split(","))).map(String::trim).toList();
    }

    private static AppTrack track(Workload workload) {
        List<String> inputs = List.of();
        String group = null;
        double slo = 0;
        if (workload instanceof StreamApp app && app.getSpec().getKafka() != null) {
            inputs = nullSafe(app.getSpec().getKafka().getInputTopics());
            group = app.getSpec().getKafka().getConsumerGroup();
            var scaling = app.getSpec().getScaling();
            if (scaling != null && scaling.getSlo() != null && scaling.getSlo().getMaxLagSeconds() != null) {
                slo = scaling.getSlo().getMaxLagSeconds();
            }
        }
        return new AppTrack(workload.getMetadata().getNamespace(), workload.getMetadata().getName(), workload.getKind(),
                inputs, group, slo);
    }

    private static String key(Workload workload) {
        return workload.getMetadata().getNamespace() + "/" + workload.getMetadata().getName();
    }

    private static List<String> nullSafe(Collection<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
