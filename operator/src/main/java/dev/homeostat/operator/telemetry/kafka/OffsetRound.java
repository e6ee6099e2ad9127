package dev.homeostat.operator.telemetry.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets one round saw for one consumer group, each kind with when the broker's answer arrived on a monotonic
 * clock ({@link dev.homeostat.operator.telemetry.Ticker}): the committed offsets and the end offsets are two calls,
 * read at two moments, and a rate divides by the time between two reads of the same kind.
 *
 * @param committedNanos when the committed offsets were read
 * @param endNanos       when the end offsets were read
 * @param end            partitions' end offsets (log end, the next offset to be written)
 * @param committed      the group's committed offsets (partitions without a commit are absent)
 * @param start          partitions' earliest offsets (where an uncommitted group starts reading)
 */
record OffsetRound(long committedNanos, long endNanos, Map<TopicPartition, Long> end,
                   Map<TopicPartition, Long> committed, Map<TopicPartition, Long> start) {
}
