package dev.homeostat.ml.policy;

import dev.homeostat.ml.telemetry.Sample;

import java.time.Duration;
import java.time.Instant;

/**
 * The guardrails {@link ScalingPolicy} applies to what the demand terms ask for, in order: at most one consumer
 * per partition and, optionally, even division of partitions; a scale-up step limit; scale-down only when the
 * lag is under half the SLO, when the stabilization window and the dead band allow it, not too soon after the
 * last change, and by a bounded step; finally the min/max bounds. The reason names the last one that changed it.
 * A reactive fallback keeps what it asked for over at least one horizon ({@link #scaleDownWindow}).
 */
final class Guardrails {

    private static final String PARTITION_CAP = "at most one consumer per partition";
    private static final String EVEN_PARTITIONS = "even division of partitions";
    private static final String UP_STEP = "scale-up step limit";
    private static final String DOWN_STEP = "scale-down step limit";
    private static final String STABILIZATION = "scale-down stabilization window";
    private static final String DRAINING = "lag above half the SLO is still draining";
    private static final String TOO_SOON = "too soon after the last change";
    /**
     * A scale-down needs the fractional need to sit this share of the current count below the next
     * lower count, so a need hovering around a whole number does not flap the group (each change is a
     * rebalance); relative, like the HPA's tolerance, so small groups are not padded by a whole replica.
     */
    static final double DOWN_DEAD_BAND = 0.03;
    private static final String DEAD_BAND = "need within the scale-down dead band";

    private final ScalingPolicy.Options options;

    Guardrails(ScalingPolicy.Options options) {
        this.options = options;
    }

    /** The decision for {@code recommended} replicas on {@code in} (latest sample {@code s}), guarded. */
    Decision apply(PolicyInput in, Sample s, Term term, String detail, int recommended, double need, Figures f) {
        int current = in.currentReplicas();
        int r = recommended;
        Term why = term;
        String whyDetail = detail;
        int p = in.partitions();
        if (p > 0 && r > p) {
            r = p;
            why = Term.GUARDRAIL;
            whyDetail = PARTITION_CAP;
        } else if (p > 0 && options.evenPartitions() && r > 0) {
            int even = evenCount(r, p);
            if (even != r) {
                r = even;
                why = Term.GUARDRAIL;
                whyDetail = EVEN_PARTITIONS;
            }
        }
        f = DecisionFigures.withRecommended(f, r);
        if (r > current) {
            int limit = (int) Math.max(Math.ceil(current * options.upFactor()), current + options.upMinPods());
            if (r > limit) {
                r = limit;
                why = Term.GUARDRAIL;
                whyDetail = UP_STEP;
            }
        } else if (r < current) {
            double timeLag = Sample.measured(s.lagSeconds()) ? s.lagSeconds() : 0;
            if (timeLag > in.sloSeconds() / 2) {
                return hold(in, f, DRAINING);
            }
            int windowMax = r;
            long windowStart = in.now().toEpochMilli() - scaleDownWindow(term).toMillis();
            Instant lastChange = null;
            for (PastDecision d : in.recentDecisions()) {
                if (d.at().toEpochMilli() > windowStart) {
                    windowMax = Math.max(windowMax, d.recommended());
                }
                if (d.changed()) {
                    lastChange = d.at();
                }
            }
            if (windowMax >= current) {
                return hold(in, f, STABILIZATION);
            }
            if (need > current - 1 - DOWN_DEAD_BAND * current) {
                return hold(in, f, DEAD_BAND);
            }
            if (lastChange != null
                    && in.now().toEpochMilli() - lastChange.toEpochMilli() < options.minChangeInterval().toMillis()) {
                return hold(in, f, TOO_SOON);
            }
            if (windowMax > r) {
                r = windowMax;
                why = Term.GUARDRAIL;
                whyDetail = STABILIZATION;
            }
            int floor = current - Math.max(1, (int) Math.floor(current * options.maxDownFraction()));
            if (r < floor) {
                r = floor;
                why = Term.GUARDRAIL;
                whyDetail = DOWN_STEP;
            }
        }
        int bounded = in.bounds().clamp(r);
        if (bounded != r) {
            return Decision.of(bounded, new Reason(Term.BOUND, bounded > r ? "min" : "max", f, false));
        }
        return Decision.of(r, new Reason(why, whyDetail, f, false));
    }

    /**
     * The stabilization window for a decision set by {@code term}: the options' window, but at least one horizon
     * when a predictive policy has fallen back to the reactive rule. That rule does not look ahead, so a window
     * sized for the forecast (which already covers the horizon ahead) would let it scale down on one quiet
     * sample; reactive mode's default window is the horizon for the same reason.
     */
    Duration scaleDownWindow(Term term) {
        Duration window = options.scaleDownWindow();
        if (term == Term.REACTIVE_FALLBACK && options.horizon().compareTo(window) > 0) {
            return options.horizon();
        }
        return window;
    }

    /** Keeps the current count (within the bounds), saying which guardrail held it. */
    static Decision hold(PolicyInput in, Figures f, String detail) {
        return Decision.of(in.bounds().clamp(in.currentReplicas()), new Reason(Term.HOLD, detail, f, false));
    }

    /** The smallest count with the same largest partitions-per-consumer as {@code replicas}, rounded up. */
    static int evenCount(int replicas, int partitions) {
        if (replicas >= partitions) {
            return partitions;
        }
        int perConsumer = partitions / replicas;
        // replicas consumers hold at most ceil(P/replicas) partitions each; the group drains as fast as
        // P/ceil(P/r) consumers would, so round up to the count that makes ceil(P/r) drop to floor(P/r).
        return (int) Math.ceil((double) partitions / perConsumer);
    }
}
