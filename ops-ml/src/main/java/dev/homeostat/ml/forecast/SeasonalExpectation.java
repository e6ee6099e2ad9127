package dev.homeostat.ml.forecast;

import java.time.Duration;
import java.util.List;

/**
 * The seasonal expectation {@code S(t)} of {@link SeasonalForecaster}: the shortest season as an absolute
 * profile plus, for each longer season, a profile of deviations from it, each switched on once it has seen a
 * whole season.
 */
final class SeasonalExpectation {

    final SeasonalProfile[] profiles;
    private String method;

    SeasonalExpectation(List<Duration> seasons, long stepMillis) {
        this.profiles = new SeasonalProfile[seasons.size()];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = new SeasonalProfile(seasons.get(i).toMillis(), stepMillis);
        }
    }

    /** Whether a seasonal profile currently contributes to the expectation. */
    boolean active() {
        return profiles.length > 0 && profiles[0].active;
    }

    /** The expectation at {@code t}: the active profiles, else {@code level}. */
    double at(long t, double level) {
        if (!active()) {
            return level;
        }
        double v = profiles[0].at(t);
        if (Double.isNaN(v)) {
            return level;
        }
        for (int i = 1; i < profiles.length; i++) {
            if (profiles[i].active) {
                double d = profiles[i].at(t);
                if (!Double.isNaN(d)) {
                    v += d;
                }
            }
        }
        return v;
    }

    /**
     * Teaches every profile {@code value} at {@code t} (weighted by {@code millis}), each the part the others do
     * not explain; true when a profile became active, which changes what the expectation means.
     */
    boolean learn(long t, double value, long millis) {
        if (profiles.length == 0) {
            return false;
        }
        double deviations = 0;
        for (int i = 1; i < profiles.length; i++) {
            deviations += activeValue(i, t);
        }
        profiles[0].learn(t, value - deviations, millis);
        if (!profiles[0].active) {
            return activateIfMature(0, t);
        }
        double base = profiles[0].at(t);
        if (Double.isNaN(base)) {
            return false;
        }
        boolean activated = false;
        for (int i = 1; i < profiles.length; i++) {
            double others = deviations - activeValue(i, t);
            profiles[i].learn(t, value - base - others, millis);
            if (!profiles[i].active) {
                activated |= activateIfMature(i, t);
            }
        }
        return activated;
    }

    private double activeValue(int i, long t) {
        if (!profiles[i].active) {
            return 0;
        }
        double d = profiles[i].at(t);
        return Double.isNaN(d) ? 0 : d;
    }

    private boolean activateIfMature(int i, long t) {
        if (profiles[i].mature(t)) {
            profiles[i].active = true;
            method = null;
            return true;
        }
        return false;
    }

    /** The profile times inside {@code (from, to)}, where the expectation may peak, into {@code buf}; -1 when full. */
    int knotsBetween(long from, long to, long[] buf, int n) {
        for (SeasonalProfile p : profiles) {
            if (!p.active) {
                continue;
            }
            long first = from - Math.floorMod(from, p.binMillis) + p.binMillis;
            for (long t = first; t < to; t += p.binMillis) {
                if (n == buf.length) {
                    return -1;
                }
                buf[n++] = t;
            }
        }
        return n;
    }

    /** "level+residual" or e.g. "seasonal(1d,7d)+residual": the seasons in use. */
    String method() {
        if (method == null) {
            method = describe();
        }
        return method;
    }

    private String describe() {
        if (!active()) {
            return "level+residual";
        }
        StringBuilder b = new StringBuilder("seasonal(");
        for (SeasonalProfile profile : profiles) {
            if (profile.active) {
                b.append(b.length() > "seasonal(".length() ? "," : "").append(shortDuration(profile.seasonMillis));
            }
        }
        return b.append(")+residual").toString();
    }

    /** "1d", "7d", "12h", "30m" or "45s" (the largest whole unit). */
    static String shortDuration(long millis) {
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (millis % units[i] == 0) {
                return millis / units[i] + names[i];
            }
        }
        return millis + "ms";
    }
}
