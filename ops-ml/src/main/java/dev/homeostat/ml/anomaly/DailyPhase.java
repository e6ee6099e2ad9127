package dev.homeostat.ml.anomaly;

import java.util.Arrays;

/**
 * Raw surprise of a value against what the same time of day brought on earlier days (the ensemble's
 * {@link EnsembleDetector.Channel#SEASON}). The day is cut into at most {@code maxBuckets} phase buckets (the sampling
 * step, read from the median of the first 16 gaps between timestamps, or coarser); each bucket keeps an exponentially
 * weighted level of its daily means, and the surprise is the distance of the value from its bucket's level. It says
 * nothing (NaN) until the bucket has one earlier day, nor on series sampled less than four times a day. It also tracks
 * how much of the series the daily profile explains: the exponentially weighted size of the residuals against that
 * of the deviations from the series' centre; {@link #seasonal()} holds only while that ratio is at most
 * {@code strength}, so a series without a daily cycle keeps the channel shut. Memory: {@code maxBuckets} levels,
 * counts and days and a few numbers.
 */
final class DailyPhase {

    private static final long DAY = 86_400_000L;
    private static final int STEP_GAPS = 16;
    private static final int MIN_BUCKETS = 4;

    private final int maxBuckets;
    private final double weight;
    private final double strength;
    private final double rate;
    private final long[] gaps = new long[STEP_GAPS];
    private int gapCount;
    private long lastTime = Long.MIN_VALUE;
    private long width;
    private double[] levels;
    private byte[] days;
    /** The day of each bucket's last folded mean: only a mean from an earlier day than the sample's counts. */
    private int[] lastDay;
    /** The bucket and day whose samples are being averaged, and their sum and count. */
    private int openBucket = -1;
    private long openDay;
    private double openSum;
    private int openCount;
    private double residualSize = Double.NaN;
    private double deviationSize = Double.NaN;

    /**
     * @param maxBuckets most phase buckets per day (at least 4)
     * @param weight     weight of a new day's mean in a bucket's level, in (0, 1]
     * @param strength   largest ratio of residual size to deviation size at which the series counts as daily
     * @param rate       weight of a new sample in the residual and deviation sizes, in (0, 1]
     */
    DailyPhase(int maxBuckets, double weight, double strength, double rate) {
        if (maxBuckets < MIN_BUCKETS || !(weight > 0 && weight <= 1) || !(strength > 0) || !(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("need maxBuckets >= " + MIN_BUCKETS + ", weight and rate in (0, 1], strength > 0; got maxBuckets="
                    + maxBuckets + ", weight=" + weight + ", strength=" + strength + ", rate=" + rate);
        }
        this.maxBuckets = maxBuckets;
        this.weight = weight;
        this.strength = strength;
        this.rate = rate;
    }

    /** |value − its bucket's level| before {@code value} is learned; NaN while that bucket has no earlier day. */
    double surprise(long time, double value) {
        if (levels == null) {
            return Double.NaN;
        }
        int bucket = bucket(time);
        long day = Math.floorDiv(time, DAY);
        if (bucket != openBucket || day != openDay) {
            close();
        }
        // Timestamps may step back (samples scraped out of order): a bucket left and re-entered the same day has no
        // earlier day yet.
        return days[bucket] == 0 || lastDay[bucket] >= day ? Double.NaN : Math.abs(value - levels[bucket]);
    }

    /** Whether the daily profile explains the series well enough for its residuals to count. */
    boolean seasonal() {
        return residualSize <= strength * deviationSize;
    }

    /**
     * Learns a sample.
     *
     * @param surprise what {@link #surprise} returned for it
     * @param centre   the series' current centre (NaN while unknown): the deviation the residual is compared with
     */
    void learn(long time, double value, double surprise, double centre) {
        if (!Double.isNaN(surprise) && !Double.isNaN(centre)) {
            double deviation = Math.abs(value - centre);
            residualSize = Double.isNaN(residualSize) ? surprise : residualSize + rate * (surprise - residualSize);
            deviationSize = Double.isNaN(deviationSize) ? deviation : deviationSize + rate * (deviation - deviationSize);
        }
        if (levels == null) {
            learnStep(time);
            return;
        }
        int bucket = bucket(time);
        long day = Math.floorDiv(time, DAY);
        if (bucket != openBucket || day != openDay) {
            close();
            openBucket = bucket;
            openDay = day;
        }
        openSum += value;
        openCount++;
    }

    /** Buckets per day once the step is known, else 0. */
    int buckets() {
        return levels == null ? 0 : levels.length;
    }

    private int bucket(long time) {
        return (int) Math.min(levels.length - 1, Math.floorMod(time, DAY) / width);
    }

    /** Folds the open bucket's day mean into its level. */
    private void close() {
        if (openCount > 0) {
            double mean = openSum / openCount;
            levels[openBucket] = days[openBucket] == 0 ? mean : levels[openBucket] + weight * (mean - levels[openBucket]);
            days[openBucket] = (byte) Math.min(Byte.MAX_VALUE, days[openBucket] + 1);
            lastDay[openBucket] = (int) Math.max(lastDay[openBucket], openDay);
        }
        openBucket = -1;
        openSum = 0;
        openCount = 0;
    }

    /** Reads the sampling step from the first gaps and fixes the buckets; starts over if the step is a day or more. */
    private void learnStep(long time) {
        if (lastTime != Long.MIN_VALUE && time > lastTime) {
            gaps[gapCount++] = time - lastTime;
        }
        lastTime = time;
        if (gapCount < STEP_GAPS) {
            return;
        }
        gapCount = 0;
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        long count = Math.min(maxBuckets, DAY / sorted[STEP_GAPS / 2]);
        if (count < MIN_BUCKETS) {
            return;
        }
        levels = new double[(int) count];
        days = new byte[(int) count];
        lastDay = new int[(int) count];
        width = DAY / count;
    }
}
