package dev.homeostat.apps.portfolio.app;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Waits on what the broker says about a consumer group, the ground truth of "processed". */
final class KafkaAssertions {

    private KafkaAssertions() {
    }

    /** Waits until {@code group} has committed the end offset of every partition of {@code topic}. */
    static void awaitCommittedToEnd(String group, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                JvmWideKafkaResource.bootstrapServers()))) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> lag(admin, group, topic) == 0);
        }
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> end = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            lag += end.get(partition) - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }
}
