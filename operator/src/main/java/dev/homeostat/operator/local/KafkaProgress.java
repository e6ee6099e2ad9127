package dev.homeostat.operator.local;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Reads produced (end) and committed offsets from the local broker: what the run's record accounting rests on. */
public final class KafkaProgress {

    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;

    public KafkaProgress(Admin admin) {
        this.admin = admin;
    }

    /** Sum of the end offsets of the topics' partitions (records ever written); 0 for topics that do not exist. */
    public long produced(Collection<String> topics) throws Exception {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records of the topics the group committed, and the records still ahead of its commits (lag). */
    public Progress progress(String group, Collection<String> topics) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topics);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long done = 0;
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            long position = offset == null ? 0 : offset.offset();
            done += position;
            lag += Math.max(0, end.getValue() - position);
        }
        return new Progress(ends.values().stream().mapToLong(Long::longValue).sum(), done, lag);
    }

    private Map<TopicPartition, Long> endOffsets(Collection<String> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        var present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        var request = new HashMap<TopicPartition, OffsetSpec>();
        admin.describeTopics(present).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        var result = new HashMap<TopicPartition, Long>();
        for (var entry : admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet()) {
            ListOffsetsResult.ListOffsetsResultInfo info = entry.getValue();
            result.put(entry.getKey(), info.offset());
        }
        return result;
    }

    /**
     * A consumer group's position on its input topics.
     *
     * @param produced  records written to the topics
     * @param committed records the group committed
     * @param lag       records written but not committed
     */
    public record Progress(long produced, long committed, long lag) {
    }
}
