package dev.homeostat.apps.fraud.app;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.InjectKafkaBroker;
import dev.homeostat.kafka.testing.TopicSpec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Like {@code KafkaBrokerTestResource}, but one broker for the whole JVM even across Quarkus restarts.
 *
 * <p>Quarkus loads test resources in a new class loader each time a test profile restarts the app, so
 * a static "shared" broker would start a second, empty broker for the second half of a restart test.
 * The first start publishes the broker's address in a system property that later class loaders reuse.
 * Fields annotated {@link InjectKafkaBroker} get the broker object only in the class loader that
 * started it (the first Quarkus test); elsewhere they stay {@code null}.
 */
public final class JvmWideKafkaResource implements QuarkusTestResourceLifecycleManager {

    /** System property holding {@code host:port} of the JVM's test broker. */
    public static final String BOOTSTRAP_PROPERTY = "homeostat.test.kafka.bootstrap-servers";

    private static EmbeddedKafkaBroker started;
    private String topics = "";

    /** Address of the JVM's test broker (after a resource started). */
    public static String bootstrapServers() {
        return System.getProperty(BOOTSTRAP_PROPERTY);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.getOrDefault("topics", "");
    }

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(BOOTSTRAP_PROPERTY) == null) {
                started = EmbeddedKafkaBroker.shared();
                System.setProperty(BOOTSTRAP_PROPERTY, started.bootstrapServers());
            }
        }
        String bootstrap = bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (TopicSpec spec : TopicSpec.parseList(topics)) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                if (spec.compacted()) {
                    topic.configs(Map.of("cleanup.policy", "compact"));
                }
                try {
                    admin.createTopics(java.util.List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + spec.name(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void inject(TestInjector testInjector) {
        if (started != null) {
            testInjector.injectIntoFields(started,
                    new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, EmbeddedKafkaBroker.class));
        }
    }

    @Override
    public void stop() {
        // The broker outlives every test class; the support module's shutdown hook stops it.
    }
}
