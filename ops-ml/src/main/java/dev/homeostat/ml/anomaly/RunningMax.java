package dev.homeostat.ml.anomaly;

/**
 * Maximum of the last {@code capacity} values in O(1) amortised time: the maximum is remembered with
 * its age and the window is rescanned only when that maximum falls out of it.
 */
final class RunningMax {

    private final RecentValues values;
    private final int capacity;
    private double max = Double.NEGATIVE_INFINITY;
    private int age;

    RunningMax(int capacity) {
        this.values = new RecentValues(capacity);
        this.capacity = capacity;
    }

    void add(double value) {
        values.add(value);
        age++;
        if (value >= max) {
            max = value;
            age = 0;
        } else if (age >= capacity) {
            rescan();
        }
    }

    /** The maximum of the window; negative infinity when empty. */
    double max() {
        return max;
    }

    private void rescan() {
        max = Double.NEGATIVE_INFINITY;
        for (int back = 0; back < values.size(); back++) {
            if (values.recent(back) >= max) {
                max = values.recent(back);
                age = back;
            }
        }
    }
}
