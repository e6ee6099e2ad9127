package dev.homeostat.ml.maintenance;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Predicts the time to out-of-memory of a JVM app from its heap-used trend against the heap limit.
 *
 * <p>Raw heap use is a sawtooth: it climbs with allocation and drops at each collection, so its slope says
 * nothing. What grows before an OOM is the live set, which shows in the lows right after a GC. The predictor
 * therefore keeps, per time bucket ({@link Options#bucketMillis()}), the lowest heap-used fraction seen (used ÷
 * limit, so a change in the replica count, which scales a sum of heaps and of limits alike, is not growth), over a
 * sliding {@link Options#windowMillis()}. It fits those lows with the Theil–Sen estimator (the median of all
 * pairwise slopes; Sen 1968, robust to up to ~29 % outliers such as a bucket without a GC) and extrapolates the
 * fitted line to 1.0. It reports a trend only when
 * <ul>
 *   <li>at least {@link Options#minBuckets()} buckets hold a low,</li>
 *   <li>the fitted growth over the window is at least {@link Options#minGrowthFraction()} of the limit (a sawtooth
 *       whose lows wander by a percent is not a leak), and</li>
 *   <li>the confidence — sign agreement of the pairwise slopes, {@code (positive − negative) / pairs}, times the
 *       evidence term {@code 1 − e^(−buckets / minBuckets)} — reaches {@link Options#minConfidence()}.</li>
 * </ul>
 * Memory is one double pair per bucket. Deterministic; not thread-safe.
 */
public final class OomPredictor {

    /**
     * Options of the predictor.
     *
     * @param windowMillis      how far back lows are kept, at least two buckets; default 30 min
     * @param bucketMillis      width of the bucket whose minimum stands for an after-GC low, &gt; 0; default 1 min
     * @param minBuckets        buckets needed before a fit, at least 3; default 8
     * @param minGrowthFraction growth over the window, as a fraction of the limit, below which there is no trend,
     *                          in [0, 1); default 0.02
     * @param minConfidence     confidence below which there is no trend, in [0, 1]; default 0.5
     */
    public record Options(long windowMillis, long bucketMillis, int minBuckets, double minGrowthFraction,
                          double minConfidence) {

        /** Validates every field, naming the offending value. */
        public Options {
            if (bucketMillis <= 0) {
                throw new IllegalArgumentException("bucketMillis must be > 0, got " + bucketMillis);
            }
            if (windowMillis < 2 * bucketMillis) {
                throw new IllegalArgumentException("windowMillis must be at least two buckets (" + 2 * bucketMillis
                        + "), got " + windowMillis);
            }
            if (minBuckets < 3) {
                throw new IllegalArgumentException("minBuckets must be >= 3, got " + minBuckets);
            }
            if (!(minGrowthFraction >= 0 && minGrowthFraction < 1)) {
                throw new IllegalArgumentException("minGrowthFraction must be in [0, 1), got " + minGrowthFraction);
            }
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("minConfidence must be in [0, 1], got " + minConfidence);
            }
        }

        /** 30-minute window of 1-minute lows, 8 lows to fit, 2 % growth and confidence 0.5 to call a trend. */
        public static Options defaults() {
            return new Options(30 * 60_000L, 60_000L, 8, 0.02, 0.5);
        }
    }

    /** The lowest fraction seen in one bucket, and when. */
    private record Low(long bucket, long epochMillis, double fraction) {
    }

    private final Options options;
    private final Deque<Low> lows = new ArrayDeque<>();
    private double lastLimit = Double.NaN;

    public OomPredictor(Options options) {
        this.options = options;
    }

    /** A predictor with {@link Options#defaults()}. */
    public OomPredictor() {
        this(Options.defaults());
    }

    /**
     * Takes one heap reading. Readings with an unknown (NaN) or non-positive value or limit are ignored, as are
     * readings older than the newest bucket (out of order).
     */
    public void observe(long epochMillis, double heapUsedBytes, double heapLimitBytes) {
        if (!(heapUsedBytes >= 0) || !(heapLimitBytes > 0) || !Double.isFinite(heapUsedBytes)
                || !Double.isFinite(heapLimitBytes)) {
            return;
        }
        lastLimit = heapLimitBytes;
        double fraction = heapUsedBytes / heapLimitBytes;
        long bucket = Math.floorDiv(epochMillis, options.bucketMillis());
        Low newest = lows.peekLast();
        if (newest != null && bucket < newest.bucket()) {
            return;
        }
        if (newest != null && bucket == newest.bucket()) {
            if (fraction < newest.fraction()) {
                lows.removeLast();
                lows.addLast(new Low(bucket, epochMillis, fraction));
            }
        } else {
            lows.addLast(new Low(bucket, epochMillis, fraction));
        }
        long oldest = epochMillis - options.windowMillis();
        while (!lows.isEmpty() && lows.peekFirst().epochMillis() < oldest) {
            lows.removeFirst();
        }
    }

    /** The conclusion at {@code nowMillis} from the lows held. */
    public OomPrediction predict(long nowMillis) {
        // The newest bucket may still be filling (its minimum not yet an after-GC low): fit only complete ones.
        Low[] points = lows.stream().filter(l -> l.bucket() < Math.floorDiv(nowMillis, options.bucketMillis()))
                .toArray(Low[]::new);
        int n = points.length;
        if (n < options.minBuckets()) {
            return new OomPrediction(OomPrediction.State.INSUFFICIENT_DATA, Double.NaN, Double.NaN, Double.NaN, 0,
                    "only " + n + " after-GC lows in the window, " + options.minBuckets() + " needed");
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        int positive = 0;
        int negative = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double slope = (points[j].fraction() - points[i].fraction())
                        / ((points[j].epochMillis() - points[i].epochMillis()) / 1000.0);
                slopes[k++] = slope;
                positive += slope > 0 ? 1 : 0;
                negative += slope < 0 ? 1 : 0;
            }
        }
        double slope = median(slopes);
        double[] intercepts = new double[n];
        for (int i = 0; i < n; i++) {
            intercepts[i] = points[i].fraction() - slope * (points[i].epochMillis() / 1000.0);
        }
        double intercept = median(intercepts);
        double level = Math.max(0, intercept + slope * (nowMillis / 1000.0));
        double agreement = Math.max(0, (positive - negative) / (double) slopes.length);
        double confidence = Math.min(1, agreement * (1 - Math.exp(-(double) n / options.minBuckets())));
        double spanSeconds = (points[n - 1].epochMillis() - points[0].epochMillis()) / 1000.0;
        double growth = slope * spanSeconds;
        double bytesPerSecond = slope * lastLimit;
        String figures = String.format(Locale.ROOT, "after-GC heap at %.1f%% of the limit, %s %.3g%% of the limit over "
                        + "%.0f s (%.3g bytes/s), confidence %.2f from %d lows",
                100 * level, growth >= 0 ? "grew" : "fell", 100 * Math.abs(growth), spanSeconds, bytesPerSecond,
                confidence, n);
        if (slope <= 0 || growth < options.minGrowthFraction()) {
            return new OomPrediction(OomPrediction.State.NO_TREND, Double.NaN, bytesPerSecond, level, confidence,
                    "no growing trend: " + figures);
        }
        if (confidence < options.minConfidence()) {
            return new OomPrediction(OomPrediction.State.NO_TREND, Double.NaN, bytesPerSecond, level, confidence,
                    "growth too irregular to call: " + figures);
        }
        double seconds = Math.max(0, (1 - level) / slope);
        return new OomPrediction(OomPrediction.State.GROWING, seconds, bytesPerSecond, level, confidence,
                String.format(Locale.ROOT, "out of memory in about %.0f s at this trend: %s", seconds, figures));
    }

    /** After-GC lows held (for tests and state size). */
    public int lows() {
        return lows.size();
    }

    /** The middle value, or the mean of the two middle ones (Commons Math; works on a copy). */
    private static double median(double[] values) {
        return new Median().evaluate(values);
    }
}
