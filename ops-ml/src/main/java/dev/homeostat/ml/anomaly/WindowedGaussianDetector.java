package dev.homeostat.ml.anomaly;

/**
 * Baseline: the two-sided Gaussian tail of a sample against the mean and standard deviation of the
 * last {@code window} samples, refreshed every {@code step} samples (the "windowed Gaussian" of the NAB
 * scoreboard, reimplemented). Memory is one ring buffer of {@code window} doubles.
 */
public final class WindowedGaussianDetector implements StreamingDetector {

    /**
     * Settings of the baseline.
     *
     * @param window samples that form the reference distribution
     * @param step   samples between refreshes of mean and standard deviation
     */
    public record Options(int window, int step) {
        /** NAB's settings: 6400 samples, refreshed every 100. */
        public Options() {
            this(6400, 100);
        }

        public Options {
            if (window < 2 || step < 1) {
                throw new IllegalArgumentException("need window >= 2 and step >= 1; got window=" + window + ", step=" + step);
            }
        }
    }

    private final Options options;
    private final double[] ring;
    private int count;
    private int head;
    private int sinceRefresh;
    private double mean;
    private double std;

    private WindowedGaussianDetector(Options options) {
        this.options = options;
        this.ring = new double[options.window()];
    }

    /** A fresh detector for one series; it trains nothing up front and learns as it scores. */
    public static WindowedGaussianDetector create(Options options) {
        return new WindowedGaussianDetector(options);
    }

    @Override
    public double score(long timestampMillis, double value) {
        double score = 0.0;
        if (count >= 2 && std > 0) {
            double z = Math.abs(value - mean) / std;
            score = 1.0 - 2.0 * Gaussian.upperTail(z);
        } else if (count >= 2 && value != mean) {
            score = 1.0;
        }
        ring[head] = value;
        head = (head + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
        if (++sinceRefresh >= options.step() || count <= options.step()) {
            refresh();
            sinceRefresh = 0;
        }
        return Math.clamp(score, 0.0, 1.0);
    }

    private void refresh() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += ring[i];
        }
        mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = ring[i] - mean;
            squares += d * d;
        }
        std = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
    }
}
