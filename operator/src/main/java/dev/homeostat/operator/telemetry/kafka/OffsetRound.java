package dev.homeostat.operator.telemetry.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets one round saw for one consumer group.
 *
 * @param epochMillis when
 * @param end         partitions' end offsets (log end, the next offset to be written)
 * @param committed   the group's committed offsets (partitions without a commit are absent)
 * @param start       partitions' earliest offsets (where an uncommitted group starts reading)
 */
record OffsetRound(long epochMillis, Map<TopicPartition, Long> end, Map<TopicPartition, Long> committed,
                   Map<TopicPartition, Long> start) {
}
