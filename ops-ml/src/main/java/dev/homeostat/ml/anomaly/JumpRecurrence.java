package dev.homeostat.ml.anomaly;

/**
 * Tells whether a jump has been seen often before: it remembers the {@code count} largest rises and the {@code count}
 * largest falls of the whole history, and calls a jump recurrent when {@code count} earlier jumps of the same sign were
 * at least {@code similarity} times its size. A jump more than {@code 1 / similarity} times the {@code count}-th
 * largest earlier one of its sign is never recurrent, so a new, much bigger jump is judged as before. Memory:
 * {@code 2 * count} doubles.
 */
final class JumpRecurrence {

    private final double similarity;
    /** The largest rises so far, in descending order; the first {@code rises} entries are filled. */
    private final double[] largestRises;
    /** The largest falls (as positive sizes), in descending order. */
    private final double[] largestFalls;
    private int rises;
    private int falls;

    /**
     * @param count      earlier jumps of a similar size that make a jump recurrent
     * @param similarity part of a jump's size an earlier jump of the same sign must reach to count, in (0, 1]
     */
    JumpRecurrence(int count, double similarity) {
        if (count < 1 || !(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("need count >= 1 and similarity in (0, 1]; got count=" + count
                    + ", similarity=" + similarity);
        }
        this.similarity = similarity;
        this.largestRises = new double[count];
        this.largestFalls = new double[count];
    }

    /** True when at least {@code count} earlier jumps of the same sign reached {@code similarity} times this one. */
    boolean recurrent(double jump) {
        if (jump == 0 || !Double.isFinite(jump)) {
            return false;
        }
        double[] largest = jump > 0 ? largestRises : largestFalls;
        int filled = jump > 0 ? rises : falls;
        return filled == largest.length && largest[largest.length - 1] >= similarity * Math.abs(jump);
    }

    /** Remembers a jump (zero jumps are ignored). */
    void learn(double jump) {
        if (jump > 0) {
            rises = insert(largestRises, rises, jump);
        } else if (jump < 0) {
            falls = insert(largestFalls, falls, -jump);
        }
    }

    /** Inserts {@code size} into the descending array if it is among the largest; returns the new fill. */
    private static int insert(double[] largest, int filled, double size) {
        if (filled == largest.length && size <= largest[filled - 1]) {
            return filled;
        }
        int slot = filled == largest.length ? filled - 1 : filled;
        while (slot > 0 && largest[slot - 1] < size) {
            largest[slot] = largest[slot - 1];
            slot--;
        }
        largest[slot] = size;
        return Math.min(filled + 1, largest.length);
    }

}
