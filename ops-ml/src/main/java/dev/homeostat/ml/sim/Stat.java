package dev.homeostat.ml.sim;

/**
 * Mean and sample standard deviation of a figure over seeds.
 *
 * @param mean the mean
 * @param sd   the sample standard deviation (0 for one seed)
 */
public record Stat(double mean, double sd) {

    /** The statistics of {@code values} (NaN for none). */
    public static Stat of(double[] values) {
        if (values.length == 0) {
            return new Stat(Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Stat(mean, values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0);
    }
}
