package dev.homeostat.kafka.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that starts (or reuses) the JVM's {@link EmbeddedKafkaBroker#shared() shared broker}
 * and hands its address to the application as {@code kafka.bootstrap.servers}.
 *
 * <p>Init argument {@code topics}: a comma-separated list {@code name:partitions[:compact]} created before
 * the application starts, e.g. {@code quotes:3,signal-state:3:compact}. Fields of type
 * {@link EmbeddedKafkaBroker} annotated with {@link InjectKafkaBroker} receive the broker.
 */
public final class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument naming the topics to create before the application starts. */
    public static final String TOPICS_ARG = "topics";

    private String topics = "";
    private EmbeddedKafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.getOrDefault(TOPICS_ARG, "");
    }

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafkaBroker.shared();
        TopicSpec.parseList(topics).forEach(spec -> spec.createOn(broker));
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, EmbeddedKafkaBroker.class));
    }

    @Override
    public void stop() {
        // The shared broker outlives a single test class: later test classes reuse it, a shutdown hook stops it.
    }
}
