package dev.homeostat.operator.local;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.operator.api.StreamApp;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/** The faults local mode can inject, each reported in one line (shown live and in the summary). */
final class FaultInjector {

    /** The apps' heap-growth fault switch (apps/app-metrics HeapGrowthFault, docs/apps.md). */
    static final String HEAP_GROWTH_ENV = "HOMEOSTAT_FAULT_HEAP_GROWTH";
    /** Malformed records per consuming app. */
    static final int POISON_RECORDS = 50;
    private static final Logger LOG = Logger.getLogger(FaultInjector.class);

    private final EmbeddedKafkaBroker broker;
    private final LocalRuntime runtime;
    private final List<HasMetadata> manifests;
    private final Consumer<String> report;
    private final KubernetesClient client;

    FaultInjector(EmbeddedKafkaBroker broker, LocalRuntime runtime, List<HasMetadata> manifests, Consumer<String> report,
                  KubernetesClient client) {
        this.broker = broker;
        this.runtime = runtime;
        this.manifests = manifests;
        this.report = report;
        this.client = client;
    }

    /** Malformed records (not JSON, truncated JSON, binary) into each stream app's first input topic. */
    void poison() {
        List<byte[]> bad = List.of("{not json".getBytes(StandardCharsets.UTF_8),
                "{\"symbol\":\"AAPL\",\"bid\":".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, 0x00, (byte) 0xfe, 0x13},
                "null".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (var producer = new KafkaProducer<byte[], byte[]>(settings)) {
            for (StreamApp app : consumers()) {
                String topic = app.getSpec().getKafka().getInputTopics().getFirst();
                for (int i = 0; i < POISON_RECORDS; i++) {
                    producer.send(new ProducerRecord<>(topic, ("poison-" + i).getBytes(StandardCharsets.UTF_8), bad.get(i % bad.size())));
                }
                producer.flush();
                report.accept("poison: " + POISON_RECORDS + " malformed records into " + topic + " (" + app.getMetadata().getName() + ")");
            }
        }
    }

    /** SIGKILL to one replica of the first stream app that has one running. */
    void killReplica() {
        for (StreamApp app : consumers()) {
            var killed = runtime.killOne(app.getMetadata().getNamespace(), app.getMetadata().getName());
            if (killed.isPresent()) {
                report.accept("kill-replica: SIGKILL to pod " + killed.get());
                return;
            }
        }
        report.accept("kill-replica: no replica was running to kill");
    }

    /** Stops the broker for {@code length}, then starts it again on the same port and data. */
    void pauseBroker(Duration length) {
        broker.stop();
        report.accept("broker-pause: broker stopped for " + length.toSeconds() + " s");
        try {
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            broker.start();
            LOG.info("broker started again after the injected pause");
        }
    }

    /**
     * Switches on the heap-growth fault of the first stream app, as a user would: {@value #HEAP_GROWTH_ENV} in its
     * spec.env, which the operator rolls out to new replicas (the runtime replaces the old processes).
     */
    void memoryLeak(String rate) {
        StreamApp first = consumers().stream().findFirst().orElse(null);
        if (first == null) {
            report.accept("memory-leak: no stream app to leak");
            return;
        }
        client.resources(StreamApp.class).inNamespace(first.getMetadata().getNamespace())
                .withName(first.getMetadata().getName()).edit(app -> {
                    var env = new java.util.ArrayList<>(app.getSpec().getEnv() == null ? List.of() : app.getSpec().getEnv());
                    env.removeIf(v -> HEAP_GROWTH_ENV.equals(v.getName()));
                    env.add(new EnvVar(HEAP_GROWTH_ENV, rate, null));
                    app.getSpec().setEnv(env);
                    return app;
                });
        report.accept("memory-leak: " + HEAP_GROWTH_ENV + "=" + rate + " (bytes/s) in spec.env of "
                + first.getMetadata().getName() + ", rolled out by the operator");
    }

    private List<StreamApp> consumers() {
        return manifests.stream().filter(LocalMode::isConsumer).map(StreamApp.class::cast).toList();
    }
}
