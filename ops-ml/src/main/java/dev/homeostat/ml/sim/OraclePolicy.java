package dev.homeostat.ml.sim;

/**
 * Perfect foresight: every second it requests {@code ceil(max λ over [t, t + readyDelay] ÷ (μ·u))},
 * so replicas requested now are ready exactly when the load they are for arrives. It reads the load
 * curve itself (not the noisy arrivals) through a sliding-window maximum, O(1) amortised per second.
 */
final class OraclePolicy implements AutoscalePolicy {

    private final double perReplica;
    private final int window;
    private final LoadProfile.Cursor ahead;
    private final int[] dequeSecond;
    private final double[] dequeRate;
    private int head;
    private int size;
    private int nextSecond;

    OraclePolicy(LoadProfile profile, double capacity, double utilization, int readyDelaySeconds) {
        if (!(utilization > 0 && utilization <= 1)) {
            throw new IllegalArgumentException("utilization must be in (0, 1], got " + utilization);
        }
        this.perReplica = capacity * utilization;
        this.window = readyDelaySeconds;
        this.ahead = profile.cursor();
        this.dequeSecond = new int[readyDelaySeconds + 2];
        this.dequeRate = new double[readyDelaySeconds + 2];
    }

    @Override
    public int periodSeconds() {
        return 1;
    }

    @Override
    public int desiredReplicas(PolicyView view) {
        int t = view.second();
        while (nextSecond <= t + window) {
            push(nextSecond, ahead.rateAt(nextSecond));
            nextSecond++;
        }
        while (size > 0 && dequeSecond[head] < t) {
            head = (head + 1) % dequeSecond.length;
            size--;
        }
        return (int) Math.ceil(dequeRate[head] / perReplica - 1e-9);
    }

    /** Monotone deque: rates behind a larger newer rate can never be the maximum again. */
    private void push(int second, double rate) {
        while (size > 0 && dequeRate[(head + size - 1) % dequeRate.length] <= rate) {
            size--;
        }
        int slot = (head + size) % dequeRate.length;
        dequeSecond[slot] = second;
        dequeRate[slot] = rate;
        size++;
    }
}
