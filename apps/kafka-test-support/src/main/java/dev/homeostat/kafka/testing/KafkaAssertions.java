package dev.homeostat.kafka.testing;

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

/** Waits on what the broker says about a consumer group, the ground truth of "processed". */
public final class KafkaAssertions {

    private KafkaAssertions() {
    }

    /** Waits until {@code group} has committed the end offset of every partition of {@code topic}; fails after {@code timeout}. */
    public static void awaitCommittedToEnd(String bootstrap, String group, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastLag = -1;
        Exception lastError = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline) {
                try {
                    lastLag = lag(admin, group, topic);
                    if (lastLag == 0) {
                        return;
                    }
                } catch (Exception e) {
                    // The broker may be restarting or the group not yet known: keep polling until the deadline.
                    lastError = e;
                }
                sleep(Duration.ofMillis(250));
            }
        }
        throw new AssertionError("group " + group + " did not commit to the end of " + topic + " within " + timeout
                + " (last lag " + lastLag + (lastError == null ? "" : ", last error " + lastError) + ")");
    }

    /** Records of {@code topic} not yet committed by {@code group}. */
    public static long lag(Admin admin, String group, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> end = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            lag += end.get(partition) - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for commits", e);
        }
    }
}
