package dev.homeostat.ml.anomaly;

/** The last {@code capacity} values in arrival order (a ring buffer of fixed memory). */
final class RecentValues {

    private final double[] ring;
    private int size;
    private int head;

    RecentValues(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        ring = new double[capacity];
    }

    void add(double value) {
        ring[head] = value;
        head = (head + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    int size() {
        return size;
    }

    /** The value added {@code back} steps ago (0 = most recent); {@code back < size()}. */
    double recent(int back) {
        return ring[Math.floorMod(head - 1 - back, ring.length)];
    }
}
