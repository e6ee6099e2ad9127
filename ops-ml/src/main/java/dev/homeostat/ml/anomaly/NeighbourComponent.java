package dev.homeostat.ml.anomaly;

/**
 * Contextual novelty in the spirit of KNN-CAD (Burnaev &amp; Ishimtsev 2016): the distance from the
 * current window of recent values to its nearest neighbour among the windows of the last
 * {@code history} samples. A shape seen before (a daily edge, a routine spike) stays close to some old
 * window; a new shape does not. Windows overlapping the current one are skipped, as they match trivially.
 * Memory: {@code history * (dimension + 2)} doubles; time per sample O(history * dimension / stride), much less
 * in practice thanks to a lower bound from half-window means and early abandoning.
 */
final class NeighbourComponent {

    private final double[] vectors;
    /** Per stored window, the means of its first and second half (a piecewise aggregate for pruning). */
    private final double[] halves;
    private final double[] query = new double[2];
    private final int dimension;
    private final int history;
    private final int exclusion;
    private final int stride;
    private int size;
    private int head;
    private int lastBest = -1;

    /**
     * @param history   past windows remembered
     * @param dimension values per window
     * @param exclusion newest windows skipped because they overlap the current one
     * @param stride    compare with every {@code stride}-th past window; neighbouring windows overlap almost
     *                  entirely, so skipping some halves the time and loses little
     */
    NeighbourComponent(int history, int dimension, int exclusion, int stride) {
        if (history <= exclusion || dimension < 1 || stride < 1) {
            throw new IllegalArgumentException("need history > exclusion, dimension >= 1, stride >= 1; got history=" + history
                    + ", dimension=" + dimension + ", exclusion=" + exclusion + ", stride=" + stride);
        }
        this.stride = stride;
        this.history = history;
        this.dimension = dimension;
        this.exclusion = exclusion;
        this.vectors = new double[history * dimension];
        this.halves = new double[history * 2];
    }

    /** Distance to the nearest non-overlapping past window; 0 until there is one. */
    double surprise(double[] window) {
        int candidates = size - exclusion;
        if (candidates <= 0) {
            return 0.0;
        }
        halfMeans(window, query, 0);
        // The oldest candidate sits at head when full, else at 0; the newest ones inside the exclusion zone are skipped.
        int start = size == history ? head : 0;
        // Start from the successor of the previous nearest neighbour: consecutive windows tend to match
        // consecutive windows, so the bound is tight from the first candidate and early abandoning bites.
        double best = Double.POSITIVE_INFINITY;
        int bestSlot = -1;
        int hint = lastBest < 0 ? -1 : (lastBest + 1) % history;
        if (hint >= 0 && Math.floorMod(hint - start, history) < candidates) {
            best = distance(hint * dimension, window, best);
            bestSlot = hint;
        }
        for (int c = 0; c < candidates; c += stride) {
            int slot = start + c;
            if (slot >= history) {
                slot -= history;
            }
            double sum = distance(slot * dimension, window, best);
            if (sum < best) {
                best = sum;
                bestSlot = slot;
            }
        }
        lastBest = bestSlot;
        return Math.sqrt(best);
    }

    /**
     * Squared distance of stored window {@code base / dimension}, abandoned (returning a value &gt;= bound)
     * once it reaches {@code bound}. First checks the lower bound {@code n1 (a1 - b1)^2 + n2 (a2 - b2)^2}
     * from the half means (Cauchy-Schwarz), which skips most windows at another level in one step.
     */
    private double distance(int base, double[] window, double bound) {
        int slot = base / dimension;
        int first = dimension / 2;
        double d1 = halves[2 * slot] - query[0];
        double d2 = halves[2 * slot + 1] - query[1];
        double lower = first * d1 * d1 + (dimension - first) * d2 * d2;
        if (lower >= bound) {
            return lower;
        }
        double sum = 0;
        for (int d = 0; d < dimension && sum < bound; d++) {
            double diff = vectors[base + d] - window[d];
            sum += diff * diff;
        }
        return sum;
    }

    private void halfMeans(double[] window, double[] target, int offset) {
        int first = dimension / 2;
        double a = 0;
        double b = 0;
        for (int d = 0; d < dimension; d++) {
            if (d < first) {
                a += window[d];
            } else {
                b += window[d];
            }
        }
        target[offset] = first == 0 ? 0 : a / first;
        target[offset + 1] = b / (dimension - first);
    }

    void learn(double[] window) {
        System.arraycopy(window, 0, vectors, head * dimension, dimension);
        halfMeans(window, halves, 2 * head);
        head = (head + 1) % history;
        size = Math.min(size + 1, history);
    }
}
