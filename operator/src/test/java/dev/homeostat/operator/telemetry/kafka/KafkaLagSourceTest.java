package dev.homeostat.operator.telemetry.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.operator.telemetry.KafkaTarget;
import dev.homeostat.operator.telemetry.ManualTicker;
import dev.homeostat.operator.telemetry.ScrapeTarget;
import dev.homeostat.operator.telemetry.SourceResult;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consumer lag, arrival rate and lag in seconds from a real in-JVM KRaft broker. */
class KafkaLagSourceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static EmbeddedKafkaBroker broker;

    private final AdminClientPool pool = new AdminClientPool(Duration.ofSeconds(5));
    private final ManualTicker ticker = new ManualTicker();
    private final KafkaLagSource source = new KafkaLagSource(pool, Duration.ofSeconds(5), ticker);

    @BeforeAll
    static void broker() {
        broker = EmbeddedKafkaBroker.shared();
    }

    @AfterEach
    void close() {
        source.close();
    }

    private static ScrapeTarget app(String name, String bootstrap, String group, List<String> topics) {
        return new ScrapeTarget("kafka-test", name, "StreamApp", Map.of("app", name), 8080, "/q/metrics",
                Optional.of(new KafkaTarget(bootstrap, group, topics, Map.of())));
    }

    private SourceResult collect(ScrapeTarget target, Instant now) throws Exception {
        return source.collect(target, now).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Sends {@code perPartition} records to each of the topic's partitions. */
    private static void produce(String topic, int partitions, int perPartition) {
        var props = new HashMap<String, Object>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        try (var producer = new KafkaProducer<String, String>(props)) {
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(new ProducerRecord<>(topic, p, "k", "v" + i));
                }
            }
            producer.flush();
        }
    }

    /** Commits {@code offsets} (partition → next offset to read) for the group, as a consumer would. */
    private static void commit(String group, String topic, Map<Integer, Long> offsets) throws Exception {
        var commits = new HashMap<TopicPartition, OffsetAndMetadata>();
        offsets.forEach((p, o) -> commits.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
        try (Admin admin = broker.admin()) {
            admin.alterConsumerGroupOffsets(group, commits).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void lagArrivalRateAndLagSecondsAcrossTwoRounds() throws Exception {
        // given a 3-partition topic with 100 records per partition and a group that committed 100, 60 and nothing
        String topic = "quotes-" + UUID.randomUUID();
        broker.createTopic(topic, 3);
        produce(topic, 3, 100);
        commit("signals", topic, Map.of(0, 100L, 1, 60L));
        ScrapeTarget app = app("signals", broker.bootstrapServers(), "signals", List.of(topic));

        // when collected once
        SourceResult first = collect(app, T0);

        // then lag counts the uncommitted partition from its start: 0 + 40 + 100; no arrival rate yet
        assertTrue(first.ok(), first.reason());
        assertEquals(140.0, first.signals().lagRecords());
        assertEquals(100.0, first.signals().maxPartitionLagRecords());
        assertEquals(3.0, first.signals().partitions());
        assertTrue(Double.isNaN(first.signals().arrivalRate()), "one round has no rate");
        assertTrue(Double.isNaN(first.signals().lagSeconds()), "lag seconds need the arrival rate");

        // when 50 more records arrive per partition, the group commits 20 more on partition 1, 10 s later
        produce(topic, 3, 50);
        commit("signals", topic, Map.of(0, 100L, 1, 80L));
        ticker.advance(Duration.ofSeconds(10));
        SourceResult second = collect(app, T0.plusSeconds(10));

        // then arrivals are 150 / 10 s, lag 50 + 70 + 150, lag seconds = lag / arrival rate, consumed 20 / 10 s
        assertEquals(15.0, second.signals().arrivalRate(), 1e-9);
        assertEquals(270.0, second.signals().lagRecords());
        assertEquals(270.0 / 15.0, second.signals().lagSeconds(), 1e-9);
        assertEquals(2.0, second.signals().processedRate(), 1e-9);
    }

    @Test
    void aRoundThatRanLateIsDividedByTheTimeBetweenTheReadsNotTheInterval() throws Exception {
        // given a 2-partition topic read once in a round the scaler loop stamps T0
        String topic = "payments-" + UUID.randomUUID();
        broker.createTopic(topic, 2);
        produce(topic, 2, 10);
        commit("scoring", topic, Map.of(0, 10L, 1, 10L));
        ScrapeTarget app = app("scoring", broker.bootstrapServers(), "scoring", List.of(topic));
        collect(app, T0);

        // when 300 records arrive and 60 are committed, and the next round is stamped one 15 s interval later but
        // the broker's answers came 30 s after the first ones (a busy machine, a slow Admin call)
        produce(topic, 2, 150);
        commit("scoring", topic, Map.of(0, 40L, 1, 40L));
        ticker.advance(Duration.ofSeconds(30));
        SourceResult second = collect(app, T0.plusSeconds(15));

        // then the rates are over the 30 s between the reads: 10 arrivals/s (not 20) and 2 commits/s (not 4)
        assertTrue(second.ok(), second.reason());
        assertEquals(10.0, second.signals().arrivalRate(), 1e-9);
        assertEquals(2.0, second.signals().processedRate(), 1e-9);
    }

    @Test
    void topicsComeFromTheCommitsWhenTheSpecNamesNone() throws Exception {
        String topic = "fills-" + UUID.randomUUID();
        broker.createTopic(topic, 2);
        produce(topic, 2, 10);
        commit("books", topic, Map.of(0, 10L, 1, 4L));

        SourceResult result = collect(app("books", broker.bootstrapServers(), "books", List.of()), T0);

        assertTrue(result.ok(), result.reason());
        assertEquals(6.0, result.signals().lagRecords());
        assertEquals(2.0, result.signals().partitions());
    }

    @Test
    void aMissingTopicIsAFailureWithAReason() throws Exception {
        SourceResult result = collect(app("ghost", broker.bootstrapServers(), "ghost", List.of("no-such-topic")), T0);

        assertFalse(result.ok());
        assertTrue(result.reason().contains("UnknownTopicOrPartitionException"), result.reason());
        assertTrue(Double.isNaN(result.signals().lagRecords()));
    }

    @Test
    void anUnreachableBrokerIsAFailureWithinTheTimeout() throws Exception {
        // given a bootstrap address where nothing listens
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        var quick = new KafkaLagSource(new AdminClientPool(Duration.ofMillis(500)), Duration.ofMillis(500), ticker);
        try {
            // when collected
            SourceResult result = quick.collect(app("lost", "127.0.0.1:" + closedPort, "lost", List.of("t")), T0)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);

            // then it fails with the group, the address and the cause
            assertFalse(result.ok());
            assertTrue(result.reason().startsWith("group lost at 127.0.0.1:" + closedPort + ": "), result.reason());
        } finally {
            quick.close();
        }
    }

    @Test
    void oneAdminClientPerClusterSharedAndClosedWithItsLastApp() throws Exception {
        // given two apps on the same cluster and one with other client settings
        String topic = "shared-" + UUID.randomUUID();
        broker.createTopic(topic, 1);
        produce(topic, 1, 1);
        commit("g1", topic, Map.of(0, 1L));
        commit("g2", topic, Map.of(0, 1L));
        var first = app("one", broker.bootstrapServers(), "g1", List.of(topic));
        var second = app("two", broker.bootstrapServers(), "g2", List.of(topic));
        var third = new ScrapeTarget("kafka-test", "three", "StreamApp", Map.of("app", "three"), 8080, "/q/metrics",
                Optional.of(new KafkaTarget(broker.bootstrapServers(), "g1", List.of(topic), Map.of("client.rack", "r1"))));

        // when all three are collected
        collect(first, T0);
        collect(second, T0);
        collect(third, T0);

        // then two clients are open; forgetting apps closes a client only when its last app goes
        assertEquals(2, pool.openClients());
        source.forget(first);
        assertEquals(2, pool.openClients());
        source.forget(second);
        assertEquals(1, pool.openClients());
        source.forget(third);
        assertEquals(0, pool.openClients());
    }
}
