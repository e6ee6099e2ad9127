package dev.homeostat.ml.policy;

import dev.homeostat.ml.telemetry.Sample;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises lag that more replicas cannot drain: it grew over the last {@code collapseSamples} samples while
 * busy replicas processed far below their learned capacity (a slow dependency, a poison record), or while it
 * sat on one partition (a hot key), which only one consumer can read.
 */
final class StuckLagDetector {

    private final ScalingPolicy.Options options;

    StuckLagDetector(ScalingPolicy.Options options) {
        this.options = options;
    }

    /** Why scaling will not help on {@code in}, given the trusted per-replica capacity {@code mu} (NaN if none). */
    Optional<String> whyScalingWillNotHelp(PolicyInput in, double mu) {
        List<Sample> recent = in.recent();
        int k = options.collapseSamples();
        if (recent.size() < k + 1) {
            return Optional.empty();
        }
        List<Sample> window = recent.subList(recent.size() - k - 1, recent.size());
        for (int i = 1; i < window.size(); i++) {
            double before = window.get(i - 1).lagRecords();
            double after = window.get(i).lagRecords();
            if (!(Sample.measured(before) && Sample.measured(after) && after > before)) {
                return Optional.empty();
            }
        }
        Sample latest = window.get(window.size() - 1);
        double lag = latest.lagRecords();
        if (in.partitions() >= 2 && in.maxPartitionLagRecords() >= options.hotPartitionShare() * lag && lag > 0) {
            return Optional.of(String.format(Locale.ROOT,
                    "lag grew for %d samples to %.0f records and %.0f%% of it sits on one partition, which only one "
                            + "consumer can read", k, lag, 100 * in.maxPartitionLagRecords() / lag));
        }
        if (Double.isNaN(mu)) {
            return Optional.empty();
        }
        double worst = 0;
        for (int i = 1; i < window.size(); i++) {
            Sample s = window.get(i);
            if (!(Sample.measured(s.processedRate()) && Sample.measured(s.readyReplicas()) && s.readyReplicas() >= 1)) {
                return Optional.empty();
            }
            boolean busy = !Sample.measured(s.busyFraction()) || s.busyFraction() >= 0.5;
            double perReplica = s.processedRate() / s.readyReplicas();
            if (!busy || perReplica >= options.collapseRatio() * mu) {
                return Optional.empty();
            }
            worst = Math.max(worst, perReplica);
        }
        return Optional.of(String.format(Locale.ROOT,
                "lag grew for %d samples to %.0f records while busy replicas processed at most %.1f/s each, under %.0f%% "
                        + "of their learned %.1f/s (a slow dependency or a stuck record, not a lack of replicas)",
                k, lag, worst, 100 * options.collapseRatio(), mu));
    }
}
