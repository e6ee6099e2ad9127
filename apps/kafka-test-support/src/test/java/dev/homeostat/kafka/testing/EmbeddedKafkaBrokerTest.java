package dev.homeostat.kafka.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the embedded broker is a working Kafka: topics, produce, consume, and data kept across a restart. */
class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void producedRecordsAreConsumedInOrderPerKey() throws Exception {
        // given
        assertTrue(broker.createTopic("prices", 3));
        List<String> sent = new ArrayList<>();
        // when
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 100; i++) {
                String value = "tick-" + i;
                producer.send(new ProducerRecord<>("prices", "EURUSD", value)).get();
                sent.add(value);
            }
        }
        // then
        assertEquals(sent, consumeValues("prices", "order-group", sent.size()));
    }

    @Test
    void createTopicIsIdempotentAndAppliesTopicConfigs() throws Exception {
        // given
        assertTrue(broker.createTopic("state", 2, Map.of("cleanup.policy", "compact")));
        // when
        boolean createdAgain = broker.createTopic("state", 2, Map.of("cleanup.policy", "compact"));
        // then
        assertFalse(createdAgain);
        try (var admin = broker.admin()) {
            TopicDescription description = admin.describeTopics(List.of("state")).allTopicNames().get().get("state");
            assertEquals(2, description.partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "state");
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }

    @Test
    void restartKeepsDataAndAddress() throws Exception {
        // given
        broker.createTopic("durable", 1);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("durable", "k", "before-restart")).get();
        }
        String address = broker.bootstrapServers();
        // when
        broker.restart();
        // then
        assertTrue(broker.isRunning());
        assertEquals(address, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("durable", "k", "after-restart")).get();
        }
        assertEquals(List.of("before-restart", "after-restart"), consumeValues("durable", "durable-group", 2));
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        // given
        int port = Integer.parseInt(broker.bootstrapServers().split(":")[1]);
        // when / then: the loopback address answers
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            assertTrue(socket.isConnected());
        }
        assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
    }

    @Test
    void optionsRejectInvalidValues() {
        var partitions = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new EmbeddedKafkaBroker.Options(0, Map.of()));
        assertTrue(partitions.getMessage().contains("was 0"));
        var port = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new EmbeddedKafkaBroker.Options(1, Map.of(), 70_000));
        assertTrue(port.getMessage().contains("70000"));
    }

    @Test
    void topicSpecsParseAndRejectNonsense() {
        assertEquals(List.of(new TopicSpec("quotes", 3, false), new TopicSpec("state", 1, true), new TopicSpec("dlq", 1, false)),
                TopicSpec.parseList("quotes:3, state:1:compact,dlq"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TopicSpec.parse("quotes:x"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TopicSpec.parse("quotes:1:delete"));
        assertTrue(TopicSpec.parseList(" ").isEmpty());
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private static List<String> consumeValues(String topic, String group, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
