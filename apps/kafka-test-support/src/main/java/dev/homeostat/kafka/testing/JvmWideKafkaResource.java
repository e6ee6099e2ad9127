package dev.homeostat.kafka.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Like {@link KafkaBrokerTestResource}, but one broker for the whole JVM even across Quarkus restarts.
 *
 * <p>Quarkus loads test resources in a new class loader each time a test profile restarts the app, so
 * {@link EmbeddedKafkaBroker#shared()} alone would start a second, empty broker for the second half of a
 * restart test. The first start publishes the broker's address in a system property, which every class
 * loader sees; tests reach the broker through {@link #bootstrapServers()}. A test that restarts the broker
 * itself uses {@link KafkaBrokerTestResource} instead: a broker whose classes came from a Quarkus class
 * loader that has since closed cannot load what a restart needs, and Kafka then halts the JVM.
 */
public final class JvmWideKafkaResource implements QuarkusTestResourceLifecycleManager {

    /** System property holding {@code host:port} of the JVM's test broker. */
    public static final String BOOTSTRAP_PROPERTY = "homeostat.test.kafka.bootstrap-servers";

    private String topics = "";

    /** Address of the JVM's test broker (after a resource started). */
    public static String bootstrapServers() {
        String bootstrap = System.getProperty(BOOTSTRAP_PROPERTY);
        if (bootstrap == null) {
            throw new IllegalStateException("no test broker yet: annotate the test with @QuarkusTestResource(JvmWideKafkaResource.class)");
        }
        return bootstrap;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.getOrDefault(KafkaBrokerTestResource.TOPICS_ARG, "");
    }

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(BOOTSTRAP_PROPERTY) == null) {
                System.setProperty(BOOTSTRAP_PROPERTY, EmbeddedKafkaBroker.shared().bootstrapServers());
            }
        }
        String bootstrap = bootstrapServers();
        createTopics(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    /** Creates the requested topics through the address alone: the broker object may live in another class loader. */
    private void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (TopicSpec spec : TopicSpec.parseList(topics)) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                if (spec.compacted()) {
                    topic.configs(Map.of("cleanup.policy", "compact"));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get();
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
    }

    @Override
    public void stop() {
        // The broker outlives every test class; EmbeddedKafkaBroker's shutdown hook stops it.
    }
}
