package dev.homeostat.ml.anomaly;

/**
 * Raw surprise of a value against the last {@code window} values: distance from their median in
 * units of their inter-quartile range (a robust z-score that outliers in the window barely move).
 */
final class RobustDeviation {

    private final SortedWindow window;
    private final int minHistory;

    RobustDeviation(int window) {
        this.window = new SortedWindow(window);
        this.minHistory = Math.min(window, 8);
    }

    /** Surprise of {@code value} before it is learned; 0 while the window is nearly empty. */
    double surprise(double value) {
        if (window.size() < minHistory) {
            return 0.0;
        }
        double median = window.quantile(0.5);
        double spread = window.quantile(0.75) - window.quantile(0.25);
        double floor = 1e-9 * Math.max(1.0, Math.abs(median));
        return Math.abs(value - median) / Math.max(spread, floor);
    }

    void learn(double value) {
        window.add(value);
    }
}
