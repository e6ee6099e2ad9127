package dev.homeostat.operator.local;

import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adapts the sample manifests from examples/ to one machine: every Kafka address points at the local broker, and
 * the market feed replays the chosen load trace. Everything else is applied as written.
 */
public final class SampleWorkloads {

    /** The app directory of the load generator (image homeostat/market-feed). */
    public static final String FEED_APP = "market-feed";
    /** The app directory of fraud scoring, whose own payment generator local mode drives. */
    public static final String FRAUD_APP = "fraud-scoring";

    private SampleWorkloads() {
    }

    /** The manifests with the local broker's address and the feed's trace settings. */
    public static List<HasMetadata> localise(List<HasMetadata> manifests, String bootstrapServers, Map<String, String> feedEnv) {
        var bootstrapMaps = new LinkedHashSet<String>();
        for (HasMetadata manifest : manifests) {
            if (manifest instanceof StreamApp app && app.getSpec().getKafka() != null) {
                var kafka = app.getSpec().getKafka();
                if (kafka.getBootstrapServersFrom() != null) {
                    bootstrapMaps.add(kafka.getBootstrapServersFrom().getName() + "/" + kafka.getBootstrapServersFrom().getKey());
                } else {
                    kafka.setBootstrapServers(bootstrapServers);
                }
            }
            if (manifest instanceof Workload workload && workload.workloadSpec().getEnv() != null) {
                workload.workloadSpec().getEnv().stream()
                        .filter(v -> v.getName().equals("KAFKA_BOOTSTRAP_SERVERS") && v.getValueFrom() != null
                                && v.getValueFrom().getConfigMapKeyRef() != null)
                        .forEach(v -> bootstrapMaps.add(v.getValueFrom().getConfigMapKeyRef().getName() + "/"
                                + v.getValueFrom().getConfigMapKeyRef().getKey()));
            }
        }
        for (HasMetadata manifest : manifests) {
            if (manifest instanceof ConfigMap map && map.getData() != null) {
                for (String key : List.copyOf(map.getData().keySet())) {
                    if (bootstrapMaps.contains(map.getMetadata().getName() + "/" + key)) {
                        map.getData().put(key, bootstrapServers);
                    }
                }
            }
            if (manifest instanceof Workload workload) {
                var spec = workload.workloadSpec();
                var env = new ArrayList<EnvVar>(spec.getEnv() == null ? List.of() : spec.getEnv());
                for (EnvVar variable : env) {
                    if (variable.getName().equals("KAFKA_BOOTSTRAP_SERVERS") && variable.getValueFrom() == null) {
                        variable.setValue(bootstrapServers);
                    }
                }
                if (AppJars.appDirectory(spec.getImage()).filter(FRAUD_APP::equals).isPresent()) {
                    // The payments load comes from the app's own seeded generator (PaymentLoad drives it).
                    env.removeIf(v -> v.getName().equals("FRAUD_GENERATOR_ENABLED"));
                    env.add(new EnvVarBuilder().withName("FRAUD_GENERATOR_ENABLED").withValue("true").build());
                }
                if (AppJars.appDirectory(spec.getImage()).filter(FEED_APP::equals).isPresent()) {
                    feedEnv.forEach((name, value) -> {
                        env.removeIf(v -> v.getName().equals(name));
                        env.add(new EnvVarBuilder().withName(name).withValue(value).build());
                    });
                }
                // The sample MicroServices use Kafka too; outside a StreamApp only the environment can say where it is.
                if (!(workload instanceof StreamApp) && !hasVariable(env, "KAFKA_BOOTSTRAP_SERVERS")) {
                    env.add(new EnvVarBuilder().withName("KAFKA_BOOTSTRAP_SERVERS").withValue(bootstrapServers).build());
                }
                spec.setEnv(env);
            }
        }
        return manifests;
    }

    /** Topics the StreamApps read or write, for the broker to create up front with enough partitions. */
    public static Set<String> topics(List<HasMetadata> manifests) {
        var topics = new LinkedHashSet<String>();
        for (HasMetadata manifest : manifests) {
            if (manifest instanceof StreamApp app && app.getSpec().getKafka() != null) {
                var kafka = app.getSpec().getKafka();
                if (kafka.getInputTopics() != null) {
                    topics.addAll(kafka.getInputTopics());
                }
                if (kafka.getOutputTopics() != null) {
                    topics.addAll(kafka.getOutputTopics());
                }
            }
        }
        return topics;
    }

    /** The environment that makes the market feed replay {@code trace}. */
    public static Map<String, String> feedEnvironment(LoadTrace trace, double compress, double peakRate) {
        return Map.of(
                "MARKET_FEED_PROFILE_TYPE", "trace",
                // market-feed reads traces only from its configured directory, by a name relative to it.
                "MARKET_FEED_TRACE_DIR", trace.file().toAbsolutePath().getParent().toString(),
                "MARKET_FEED_PROFILE_TRACE_FILE", trace.file().getFileName().toString(),
                "MARKET_FEED_PROFILE_SECONDS_PER_POINT", String.format(Locale.ROOT, "%.4f", trace.secondsPerPoint(compress)),
                "MARKET_FEED_PROFILE_TRACE_SCALE", String.format(Locale.ROOT, "%.6f", trace.scaleFor(peakRate)));
    }

    private static boolean hasVariable(List<EnvVar> env, String name) {
        return env.stream().anyMatch(v -> v.getName().equals(name));
    }
}
