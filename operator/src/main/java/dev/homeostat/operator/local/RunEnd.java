package dev.homeostat.operator.local;

import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

/**
 * The end of a local run: stop the load generator, let the consumers drain, then account for every record — what
 * was produced to each stream app's input, what its group committed, and what was left (lost) — and build the summary.
 */
final class RunEnd {

    private static final Logger LOG = Logger.getLogger(RunEnd.class);

    private final LocalRuntime runtime;
    private final Admin admin;
    private final List<HasMetadata> manifests;
    private final Duration drainTimeout;

    RunEnd(LocalRuntime runtime, Admin admin, List<HasMetadata> manifests, Duration drainTimeout) {
        this.runtime = runtime;
        this.admin = admin;
        this.manifests = manifests;
        this.drainTimeout = drainTimeout;
    }

    /** Stops every workload that only produces (the market feed), gracefully, so its last records are flushed. */
    void stopProducers() {
        for (HasMetadata manifest : manifests) {
            if (manifest instanceof Workload workload && !LocalMode.isConsumer(manifest)
                    && AppJars.appDirectory(workload.workloadSpec().getImage()).filter(SampleWorkloads.FEED_APP::equals).isPresent()) {
                runtime.stopDeployment(manifest.getMetadata().getNamespace(), manifest.getMetadata().getName());
            }
        }
    }

    /** Waits until no consumer group has lag, or the drain timeout passes. */
    void drain() {
        var kafka = new KafkaProgress(admin);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long lag = 0;
                for (StreamApp app : consumers()) {
                    lag += kafka.progress(app.getSpec().getKafka().getConsumerGroup(), app.getSpec().getKafka().getInputTopics()).lag();
                }
                if (lag == 0) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.debugf("drain check failed: %s", e.getMessage());
            }
        }
        LOG.warnf("consumers did not drain within %s", drainTimeout);
    }

    /** Each consumer app's final position on its input topics (after its replicas stopped and committed). */
    Map<String, KafkaProgress.Progress> count() {
        var kafka = new KafkaProgress(admin);
        var result = new LinkedHashMap<String, KafkaProgress.Progress>();
        for (StreamApp app : consumers()) {
            try {
                result.put(app.getMetadata().getNamespace() + "/" + app.getMetadata().getName(),
                        kafka.progress(app.getSpec().getKafka().getConsumerGroup(), app.getSpec().getKafka().getInputTopics()));
            } catch (Exception e) {
                LOG.warnf("cannot read the final offsets of %s: %s", app.getMetadata().getName(), e.getMessage());
            }
        }
        return result;
    }

    /** Records in the dead-letter topics (names ending in -dlq or containing dead-letter). */
    long deadLetters() {
        try {
            var names = admin.listTopics().names().get(5, TimeUnit.SECONDS).stream()
                    .filter(n -> n.endsWith("-dlq") || n.contains("dead-letter")).toList();
            return new KafkaProgress(admin).produced(names);
        } catch (Exception e) {
            LOG.warnf("cannot count dead letters: %s", e.getMessage());
            return -1;
        }
    }

    /** The summary from the recorded tracks, the operator's meters and the final accounting. */
    RunSummary summary(double seconds, String trace, double compress, List<String> injected, List<AppTrack> tracks,
            OperatorMeters meters, Map<String, KafkaProgress.Progress> accounting, long deadLetters, int started, int left) {
        var apps = new java.util.ArrayList<RunSummary.App>();
        for (AppTrack track : tracks) {
            Map<String, Long> decisions = meters.countersBy("homeostat.decisions", "term", track.namespace, track.name);
            if (decisions.isEmpty()) {
                decisions = track.decisionsFromStatus();
            }
            var progress = accounting.get(track.key());
            int maxReplicas = track.points().stream().mapToInt(AppPoint::ready).max().orElse(0);
            // Applied changes as the operator counted them; without its counter, the changes of spec.replicas seen.
            Map<String, Long> actions = meters.countersBy("homeostat.scaling.actions", "direction", track.namespace, track.name);
            int ups = actions.isEmpty() ? track.scaleUps() : actions.getOrDefault("up", 0L).intValue();
            int downs = actions.isEmpty() ? track.scaleDowns() : actions.getOrDefault("down", 0L).intValue();
            apps.add(new RunSummary.App(track.name, track.kind, decisions, ups, downs,
                    track.anomalies(), round(track.sloMissSeconds()), round(track.replicaSeconds()), maxReplicas,
                    runtime.restartsOf(track.namespace, track.name),
                    progress == null ? 0 : progress.produced(), progress == null ? 0 : progress.committed(),
                    progress == null ? 0 : progress.lag(), track.oomWarnings()));
        }
        long produced = accounting.values().stream().mapToLong(KafkaProgress.Progress::produced).sum();
        long processed = accounting.values().stream().mapToLong(KafkaProgress.Progress::committed).sum();
        long lost = accounting.values().stream().mapToLong(KafkaProgress.Progress::lag).sum();
        return new RunSummary(round(seconds), trace, compress, injected, apps, produced, processed, lost, deadLetters, started, left);
    }

    private List<StreamApp> consumers() {
        return manifests.stream().filter(LocalMode::isConsumer).map(StreamApp.class::cast).toList();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
