package dev.homeostat.ml.capacity;

/**
 * Learned processing capacity of one replica.
 *
 * @param perReplicaRate records per second one replica processes when fully busy; NaN while nothing was learned
 * @param confidence     in [0, 1]: grows with the number of usable samples and shrinks with their disagreement
 * @param samples        usable samples the estimate rests on (at most the estimator's window)
 */
public record Capacity(double perReplicaRate, double confidence, int samples) {

    /** The estimate before any usable sample. */
    public static final Capacity UNKNOWN = new Capacity(Double.NaN, 0.0, 0);

    /** Validates the ranges. */
    public Capacity {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
        if (!Double.isNaN(perReplicaRate) && !(perReplicaRate >= 0 && Double.isFinite(perReplicaRate))) {
            throw new IllegalArgumentException("perReplicaRate must be finite and >= 0 or NaN, got " + perReplicaRate);
        }
    }

    /** Whether any capacity was learned. */
    public boolean known() {
        return !Double.isNaN(perReplicaRate);
    }
}
