package dev.homeostat.ml.sim;

/**
 * The Kubernetes HPA v2 "behavior" applied to a raw recommendation, with its defaults: no scale-up
 * stabilization, a 300 s scale-down stabilization window (the largest recommendation of the window
 * wins), scale-up limited per 15 s period to {@code max(+100 %, +4 pods)}, scale-down to −100 %, then
 * the min/max bounds. A ring of recent recommendations keeps each call O(window ÷ period).
 */
final class HpaBehavior {

    /** HPA default scale-down stabilization window. */
    static final int DOWN_WINDOW_SECONDS = 300;
    /** HPA default scale-up policy: pods per period. */
    static final int UP_PODS = 4;
    /** HPA default scale-up policy: percent per period. */
    static final int UP_PERCENT = 100;

    private final int downWindowSeconds;
    private final int min;
    private final int max;
    private final int[] times;
    private final int[] values;
    private int head;
    private int size;

    HpaBehavior(int downWindowSeconds, int periodSeconds, int min, int max) {
        this.downWindowSeconds = downWindowSeconds;
        this.min = min;
        this.max = max;
        int slots = downWindowSeconds / Math.max(1, periodSeconds) + 2;
        this.times = new int[slots];
        this.values = new int[slots];
    }

    /** The replicas to set at {@code now} given the raw {@code recommendation} and the {@code current} (spec) replicas. */
    int normalise(int now, int recommendation, int current) {
        record(now, recommendation);
        int downRecommendation = recommendation;
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % times.length;
            if (times[slot] > now - downWindowSeconds) {
                downRecommendation = Math.max(downRecommendation, values[slot]);
            }
        }
        int stabilized = current;
        if (stabilized < recommendation) {
            stabilized = recommendation;
        }
        if (stabilized > downRecommendation) {
            stabilized = downRecommendation;
        }
        if (stabilized > current) {
            int upLimit = Math.max(current + UP_PODS, current * (100 + UP_PERCENT) / 100);
            stabilized = Math.min(stabilized, upLimit);
        }
        return Math.clamp(stabilized, min, max);
    }

    private void record(int now, int recommendation) {
        while (size > 0 && times[head] <= now - downWindowSeconds) {
            head = (head + 1) % times.length;
            size--;
        }
        if (size == times.length) {
            head = (head + 1) % times.length;
            size--;
        }
        int slot = (head + size) % times.length;
        times[slot] = now;
        values[slot] = recommendation;
        size++;
    }
}
