package dev.homeostat.ml.anomaly;

import org.apache.commons.math3.special.Gamma;

/**
 * Scores a rate of rare events, such as records an app failed and dead-lettered per second, by how unlikely the
 * round's count is under the app's own background rate.
 *
 * <p>Failed records are rare and arrive as counts, so the statistical detectors built for load curves do not fit
 * them: a series that sits at zero has no spread to compare a jump with, and their warm-up (hundreds of samples)
 * would hide the first poison message for an hour. Instead each sample's count {@code k} (rate × seconds since the
 * previous sample, at least 1 when the rate is above 0) is compared with a Poisson background of mean
 * {@code μ = λ × seconds}, and the score is {@code 1 − P(X ≥ k | μ)}: the probability that the background alone
 * would have given fewer failures. The background rate {@code λ} is an exponentially weighted mean of the observed
 * rates ({@link Options#halfLifeMillis()}), never below {@link Options#floorPerSecond()}, so an app that always
 * fails a few records learns that as normal while an app that fails none is flagged at its first few failures.
 * A count of 0 scores 0. Needs no warm-up; deterministic; constant memory; not thread-safe.
 */
public final class FailureBurstDetector implements StreamingDetector {

    /**
     * Options of the detector.
     *
     * @param halfLifeMillis half-life of the background rate's exponential weighting, &gt; 0; default 1 h
     * @param floorPerSecond the lowest background rate assumed, &gt; 0; default one failure per hour
     */
    public record Options(long halfLifeMillis, double floorPerSecond) {

        /** Validates both fields, naming the offending value. */
        public Options {
            if (halfLifeMillis <= 0) {
                throw new IllegalArgumentException("halfLifeMillis must be > 0, got " + halfLifeMillis);
            }
            if (!(floorPerSecond > 0 && Double.isFinite(floorPerSecond))) {
                throw new IllegalArgumentException("floorPerSecond must be finite and > 0, got " + floorPerSecond);
            }
        }

        /** A one-hour half-life and a floor of one failure per hour. */
        public static Options defaults() {
            return new Options(3_600_000L, 1.0 / 3600);
        }
    }

    private final Options options;
    private double background;
    private long previousMillis = Long.MIN_VALUE;
    private long lastCount;

    public FailureBurstDetector(Options options) {
        this.options = options;
        this.background = options.floorPerSecond();
    }

    /** Scores {@code ratePerSecond} (events/s since the previous sample), then learns it into the background. */
    @Override
    public double score(long timestampMillis, double ratePerSecond) {
        if (!(ratePerSecond >= 0 && Double.isFinite(ratePerSecond))) {
            throw new IllegalArgumentException("rate must be finite and >= 0, got " + ratePerSecond);
        }
        if (previousMillis == Long.MIN_VALUE || timestampMillis <= previousMillis) {
            // No interval to turn the rate into a count: learn nothing, flag nothing.
            previousMillis = Math.max(previousMillis, timestampMillis);
            lastCount = 0;
            return 0.0;
        }
        double seconds = (timestampMillis - previousMillis) / 1000.0;
        previousMillis = timestampMillis;
        long count = ratePerSecond > 0 ? Math.max(1, Math.round(ratePerSecond * seconds)) : 0;
        lastCount = count;
        double score = count == 0 ? 0.0 : 1.0 - upperTail(count, background * seconds);
        double weight = 1.0 - Math.pow(0.5, seconds * 1000.0 / options.halfLifeMillis());
        background = Math.max(options.floorPerSecond(), background + weight * (ratePerSecond - background));
        return score;
    }

    /** The events counted in the latest scored sample. */
    public long lastCount() {
        return lastCount;
    }

    /** The background rate (events/s) the next sample is compared with. */
    public double backgroundPerSecond() {
        return background;
    }

    /**
     * {@code P(X ≥ k)} for a Poisson variable of mean {@code mean}: the regularized lower incomplete gamma
     * {@code P(k, mean)}, which stays accurate in the far tail where a complement {@code 1 − CDF} would round to 0.
     */
    static double upperTail(long k, double mean) {
        return k <= 0 ? 1.0 : Gamma.regularizedGammaP(k, mean);
    }
}
