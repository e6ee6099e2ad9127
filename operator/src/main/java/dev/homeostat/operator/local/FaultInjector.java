package dev.homeostat.operator.local;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.operator.api.StreamApp;
import io.fabric8.kubernetes.api.model.HasMetadata;
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

    /** Malformed records per consuming app. */
    static final int POISON_RECORDS = 50;
    private static final Logger LOG = Logger.getLogger(FaultInjector.class);

    private final EmbeddedKafkaBroker broker;
    private final LocalRuntime runtime;
    private final List<HasMetadata> manifests;
    private final Consumer<String> report;

    FaultInjector(EmbeddedKafkaBroker broker, LocalRuntime runtime, List<HasMetadata> manifests, Consumer<String> report) {
        this.broker = broker;
        this.runtime = runtime;
        this.manifests = manifests;
        this.report = report;
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

    private List<StreamApp> consumers() {
        return manifests.stream().filter(LocalMode::isConsumer).map(StreamApp.class::cast).toList();
    }
}
