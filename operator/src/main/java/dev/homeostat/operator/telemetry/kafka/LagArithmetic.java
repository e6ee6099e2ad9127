package dev.homeostat.operator.telemetry.kafka;

import dev.homeostat.operator.telemetry.Signals;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag and rates from two consecutive {@link OffsetRound}s of one group, pure arithmetic.
 *
 * <ul>
 *   <li>lag of a partition = end − committed; a partition the group never committed counts from its earliest
 *       offset (where a group with {@code auto.offset.reset=earliest} starts); negative values (a commit racing
 *       the end-offset read) count as 0;</li>
 *   <li>arrival rate = Σ growth of end offsets ÷ seconds between the two reads of the end offsets (not between
 *       the rounds that asked: an Admin call answers late under load), over partitions seen in both rounds whose end
 *       did not go backwards (a recreated topic); unknown on the first round;</li>
 *   <li>consumed rate = Σ growth of committed offsets ÷ seconds between the two reads of the commits, likewise —
 *       a fallback for the processed rate when
 *       the pods cannot be scraped (commits are batched, so it is coarser than the pods' own counters);</li>
 *   <li>lag in seconds = lag ÷ arrival rate: how many seconds of arrivals the backlog holds, the age of the oldest
 *       unconsumed record when arrivals are steady. 0 when there is no lag; unknown when the arrival rate is
 *       unknown or 0 with a backlog (the backlog then has no age we can tell from offsets alone).</li>
 * </ul>
 */
final class LagArithmetic {

    private LagArithmetic() {
    }

    static Signals signals(OffsetRound previous, OffsetRound current) {
        double lag = 0;
        double maxLag = 0;
        for (var partition : current.end().entrySet()) {
            TopicPartition tp = partition.getKey();
            long end = partition.getValue();
            Long committed = current.committed().get(tp);
            long from = committed != null ? committed : current.start().getOrDefault(tp, end);
            long partitionLag = Math.max(0, end - from);
            lag += partitionLag;
            maxLag = Math.max(maxLag, partitionLag);
        }
        double arrival = Double.NaN;
        double consumed = Double.NaN;
        if (previous != null && current.endNanos() - previous.endNanos() > 0) {
            arrival = growth(previous.end(), current.end()) / ((current.endNanos() - previous.endNanos()) / 1e9);
        }
        if (previous != null && current.committedNanos() - previous.committedNanos() > 0) {
            consumed = growth(previous.committed(), current.committed())
                    / ((current.committedNanos() - previous.committedNanos()) / 1e9);
        }
        double lagSeconds;
        if (lag == 0) {
            lagSeconds = 0;
        } else if (arrival > 0) {
            lagSeconds = lag / arrival;
        } else {
            lagSeconds = Double.NaN;
        }
        return Signals.builder()
                .partitions(current.end().size())
                .lagRecords(lag)
                .maxPartitionLagRecords(maxLag)
                .arrivalRate(arrival)
                .processedRate(consumed)
                .lagSeconds(lagSeconds)
                .build();
    }

    private static double growth(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        double total = 0;
        boolean any = false;
        for (var entry : after.entrySet()) {
            Long old = before.get(entry.getKey());
            if (old != null && entry.getValue() >= old) {
                total += entry.getValue() - old;
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }
}
