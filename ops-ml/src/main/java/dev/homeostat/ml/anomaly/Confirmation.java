package dev.homeostat.ml.anomaly;

/**
 * Holds a channel's tail probability back until the next sample agrees: it returns the larger of the current and the
 * previous probability, so a novelty counts only once it has lasted two samples and is reported on the second. One
 * number of memory.
 */
final class Confirmation {

    private double previous = 1.0;

    /** The larger of {@code p} and the probability given the call before (1 on the first call); remembers {@code p}. */
    double confirm(double p) {
        double confirmed = Math.max(p, previous);
        previous = p;
        return confirmed;
    }
}
