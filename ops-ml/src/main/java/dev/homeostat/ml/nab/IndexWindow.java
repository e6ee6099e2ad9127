package dev.homeostat.ml.nab;

/**
 * An anomaly window as row indices of one data file, both ends inclusive.
 *
 * @param start first row inside the window
 * @param end   last row inside the window
 */
public record IndexWindow(int start, int end) {

    public IndexWindow {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("window needs 0 <= start <= end; got [" + start + ", " + end + "]");
        }
    }

    /** Number of rows in the window. */
    public int width() {
        return end - start + 1;
    }

    /** Whether a row lies inside the window. */
    public boolean contains(int row) {
        return row >= start && row <= end;
    }
}
