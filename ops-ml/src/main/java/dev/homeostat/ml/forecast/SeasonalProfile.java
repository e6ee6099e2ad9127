package dev.homeostat.ml.forecast;

import dev.homeostat.ml.state.StateReader;
import dev.homeostat.ml.state.StateWriter;

/**
 * A cyclic profile over one season (e.g. a day) as a linear spline with knots every
 * {@link #binMillis}, learnt from irregular observations.
 *
 * <p>Each observation updates the two knots around its phase in proportion to its spline weight
 * and to the time it stands for (at most one sampling step, so a gap adds no evidence). A knot's
 * value is the running mean of its targets for its first {@code 1/g} cycles of exposure and an
 * exponentially weighted mean with weight {@code g} per cycle afterwards, so the profile forgets
 * old cycles at a known rate. A knot never seen has no value (NaN), never zero.
 */
final class SeasonalProfile {

    /** Cycles after which a knot stops averaging and starts forgetting (1/g). */
    static final double MEMORY_CYCLES = 5.0;

    /** Share of knots that must have seen half a cycle before the profile may be used. */
    private static final double MATURE_SHARE = 0.9;

    final long seasonMillis;
    final long binMillis;
    final double[] value;
    final double[] exposure;
    boolean active;
    long learningSince = Long.MIN_VALUE;

    SeasonalProfile(long seasonMillis, long stepMillis) {
        this.seasonMillis = seasonMillis;
        this.binMillis = binWidth(seasonMillis, stepMillis);
        int bins = (int) ((seasonMillis + binMillis - 1) / binMillis);
        this.value = new double[bins];
        this.exposure = new double[bins];
    }

    /**
     * Knot spacing: about 288 knots per season (5 minutes for a day), never finer than the sampling
     * step and a whole number of steps so step-aligned data sits exactly on knots.
     */
    static long binWidth(long seasonMillis, long stepMillis) {
        long steps = Math.max(1, Math.round(seasonMillis / 288.0 / stepMillis));
        return steps * stepMillis;
    }

    /** Profile value at {@code epochMillis}; NaN when neither neighbouring knot was seen. */
    double at(long epochMillis) {
        double pos = (double) Math.floorMod(epochMillis, seasonMillis) / binMillis;
        int k = Math.min((int) pos, value.length - 1);
        int k1 = (k + 1) % value.length;
        double f = Math.min(1.0, pos - k);
        double w0 = exposure[k] > 0 ? 1 - f : 0;
        double w1 = exposure[k1] > 0 ? f : 0;
        double w = w0 + w1;
        if (w <= 0) {
            // The knot we sit on exactly may be unseen while the far one is seen with weight 0.
            return exposure[k] > 0 ? value[k] : (exposure[k1] > 0 ? value[k1] : Double.NaN);
        }
        return (w0 * value[k] + w1 * value[k1]) / w;
    }

    /** Learns {@code target} at {@code epochMillis}, standing for {@code millis} of observed time. */
    void learn(long epochMillis, double target, long millis) {
        if (learningSince == Long.MIN_VALUE) {
            learningSince = epochMillis;
        }
        double pos = (double) Math.floorMod(epochMillis, seasonMillis) / binMillis;
        int k = Math.min((int) pos, value.length - 1);
        int k1 = (k + 1) % value.length;
        double f = Math.min(1.0, pos - k);
        double cycles = (double) millis / binMillis;
        update(k, target, (1 - f) * cycles);
        update(k1, target, f * cycles);
    }

    /** Whether the profile has seen a whole season and most knots half a cycle. */
    boolean mature(long nowMillis) {
        if (learningSince == Long.MIN_VALUE || nowMillis - learningSince < seasonMillis) {
            return false;
        }
        int seen = 0;
        for (double e : exposure) {
            if (e >= 0.5) {
                seen++;
            }
        }
        return seen >= MATURE_SHARE * value.length;
    }

    private void update(int knot, double target, double x) {
        if (x <= 0) {
            return;
        }
        exposure[knot] += x;
        double rate = x / Math.min(exposure[knot], MEMORY_CYCLES);
        value[knot] += Math.min(1.0, rate) * (target - value[knot]);
    }

    void write(StateWriter out) {
        out.writeLong(seasonMillis).writeLong(binMillis).writeBoolean(active).writeLong(learningSince);
        out.writeDoubles(value).writeDoubles(exposure);
    }

    void read(StateReader in) {
        in.check(in.readLong() == seasonMillis, "season length differs from options");
        in.check(in.readLong() == binMillis, "profile knot spacing differs from options");
        active = in.readBoolean();
        learningSince = in.readLong();
        double[] v = in.readDoubles(value.length);
        double[] e = in.readDoubles(exposure.length);
        in.check(v.length == value.length && e.length == exposure.length, "profile of " + v.length + " knots");
        for (int i = 0; i < v.length; i++) {
            in.check(Double.isFinite(v[i]) && Double.isFinite(e[i]) && e[i] >= 0, "profile knot " + i);
        }
        System.arraycopy(v, 0, value, 0, v.length);
        System.arraycopy(e, 0, exposure, 0, e.length);
    }
}
