package dev.homeostat.apps.portfolio.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The input partitions ({@code topic-partition}) this replica owns now. A record of a partition not
 * owned (polled before a revocation, still in the pipeline) is skipped: its shard belongs to the new
 * owner, which reads it again from the committed offset.
 */
@ApplicationScoped
public class PartitionOwnership {

    private final Set<String> owned = ConcurrentHashMap.newKeySet();

    /** Whether this replica owns {@code topic}'s {@code partition}. */
    public boolean owns(String topic, int partition) {
        return owned.contains(name(topic, partition));
    }

    /** The input partitions owned now, e.g. {@code fills-2}. */
    public Set<String> owned() {
        return Set.copyOf(owned);
    }

    void take(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> owned.add(name(p.topic(), p.partition())));
    }

    void release(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> owned.remove(name(p.topic(), p.partition())));
    }

    /** The input partition's name as shards and books use it: {@code topic-partition}. */
    static String name(String topic, int partition) {
        return topic + "-" + partition;
    }
}
