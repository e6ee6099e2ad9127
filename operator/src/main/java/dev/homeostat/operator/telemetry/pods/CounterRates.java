package dev.homeostat.operator.telemetry.pods;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns one app's per-pod counter totals into per-second increases, pod by pod, the way Prometheus' {@code rate()}
 * does: a counter that went down was reset (the container restarted), so its increase since the reset is its new
 * value; a pod seen for the first time has no baseline and so no increase yet (unknown, not zero); a pod that went
 * away simply stops contributing, so the app's rate never dips because a replica's total vanished from a sum.
 * The seconds are those between the two reads of the pod, on a monotonic clock
 * ({@link dev.homeostat.operator.telemetry.Ticker}): a scrape that ran late covers more counting, and dividing by
 * the nominal interval would report that as more load.
 * Not thread-safe: the caller serialises rounds of one app.
 */
public final class CounterRates {

    private record Baseline(double value, long readNanos) {
    }

    private final Map<String, Map<String, Baseline>> byPod = new HashMap<>();

    /**
     * The increase of counter {@code counter} of pod {@code podUid} since the previous call, with the seconds between
     * the two reads ({@code readNanos}: when this value was read, on a monotonic clock); {@link Increase#UNKNOWN}
     * when there is no baseline, the value is NaN or time did not advance.
     */
    public Increase increase(String podUid, String counter, double value, long readNanos) {
        var counters = byPod.computeIfAbsent(podUid, k -> new HashMap<>());
        if (Double.isNaN(value)) {
            counters.remove(counter);
            return Increase.UNKNOWN;
        }
        Baseline previous = counters.put(counter, new Baseline(value, readNanos));
        if (previous == null || readNanos - previous.readNanos() <= 0) {
            return Increase.UNKNOWN;
        }
        double seconds = (readNanos - previous.readNanos()) / 1e9;
        double delta = value >= previous.value() ? value - previous.value() : value;
        return new Increase(delta, seconds);
    }

    /** Forgets the baselines of pods not in {@code current} (pods that went away or stopped being ready). */
    public void retainPods(Set<String> current) {
        byPod.keySet().retainAll(current);
    }

    /**
     * An increase over an interval.
     *
     * @param delta   how much the counter grew (NaN when unknown)
     * @param seconds over how long
     */
    public record Increase(double delta, double seconds) {
        /** No baseline yet. */
        public static final Increase UNKNOWN = new Increase(Double.NaN, Double.NaN);

        /** Whether the increase is known. */
        public boolean known() {
            return !Double.isNaN(delta);
        }

        /** Per-second rate. */
        public double rate() {
            return delta / seconds;
        }
    }
}
