package dev.homeostat.ml.anomaly;

/**
 * The last {@code capacity} values kept both in arrival order (a ring) and sorted, so quantiles and
 * ranks cost O(log n) and an update O(n) array moves. Memory: two arrays of {@code capacity} doubles.
 */
final class SortedWindow {

    private final double[] ring;
    private final double[] sorted;
    private int size;
    private int head;

    SortedWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        ring = new double[capacity];
        sorted = new double[capacity];
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == ring.length;
    }

    /** Adds a value, evicting the oldest when full. */
    void add(double value) {
        if (size == ring.length) {
            // Replace the evicted value in place, moving only the values between its slot and the new one's.
            int evicted = indexOf(ring[head]);
            int insert = lowerBound(value);
            if (insert > evicted) {
                System.arraycopy(sorted, evicted + 1, sorted, evicted, insert - evicted - 1);
                sorted[insert - 1] = value;
            } else {
                System.arraycopy(sorted, insert, sorted, insert + 1, evicted - insert);
                sorted[insert] = value;
            }
            ring[head] = value;
            head = (head + 1) % ring.length;
            return;
        }
        ring[head] = value;
        head = (head + 1) % ring.length;
        int insert = lowerBound(value);
        System.arraycopy(sorted, insert, sorted, insert + 1, size - insert);
        sorted[insert] = value;
        size++;
    }

    /** Linear-interpolated quantile, {@code q} in [0, 1]; NaN when empty. */
    double quantile(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        double position = q * (size - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, size - 1);
        double fraction = position - low;
        return sorted[low] + fraction * (sorted[high] - sorted[low]);
    }

    /** The k-th largest value, k = 1 for the maximum. */
    double largest(int k) {
        return sorted[size - k];
    }

    /** Number of values &gt;= {@code value}. */
    int countAtLeast(double value) {
        return size - lowerBound(value);
    }

    /** The value added {@code back} steps ago (0 = most recent). */
    double recent(int back) {
        return ring[Math.floorMod(head - 1 - back, ring.length)];
    }

    private int lowerBound(double value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int indexOf(double value) {
        // The value is present (callers never add NaN), so its lower bound is one of its copies.
        return lowerBound(value);
    }
}
