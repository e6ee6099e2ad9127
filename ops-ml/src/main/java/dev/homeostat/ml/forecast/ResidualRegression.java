package dev.homeostat.ml.forecast;

import dev.homeostat.ml.state.StateReader;
import dev.homeostat.ml.state.StateWriter;

/**
 * For one horizon, how much of today's deviation from the seasonal expectation persists: a
 * two-coefficient least-squares fit {@code e ≈ b1·r + b2·r̄} of the later seasonal error {@code e}
 * on the current residual {@code r} and its smoothed value {@code r̄}, with exponential forgetting
 * and a ridge pull towards "the deviation persists" ({@code b1 = 1, b2 = 0}, i.e. the last value)
 * worth {@link #PRIOR_WEIGHT} observations. This is a direct multi-horizon forecast of the residual,
 * so no per-series decay constant has to be tuned.
 *
 * <p>Why not a library: Commons Math's regressions ({@code SimpleRegression}, {@code MillerUpdatingRegression},
 * {@code OLSMultipleLinearRegression}) neither forget old observations nor take a prior, and this runs for every
 * app and horizon on every step, so it keeps five running sums and solves the 2×2 normal equations in closed
 * form, allocating nothing. {@code ResidualRegressionTest} checks the result against Commons Math's least squares
 * on the same weighted rows plus the prior's pseudo-rows.
 */
final class ResidualRegression {

    /** Resolved forecasts after which an old one weighs e^-1. */
    static final double MEMORY = 500;

    /** Strength of the pull towards the last-value prior, in observations. */
    static final double PRIOR_WEIGHT = 5;

    private static final double LIMIT = 2.0;

    double s11;
    double s12;
    double s22;
    double s1e;
    double s2e;
    double n;
    double b1 = 1;
    double b2 = 0;

    void add(double r1, double r2, double e) {
        double keep = 1 - 1 / MEMORY;
        s11 = s11 * keep + r1 * r1;
        s12 = s12 * keep + r1 * r2;
        s22 = s22 * keep + r2 * r2;
        s1e = s1e * keep + r1 * e;
        s2e = s2e * keep + r2 * e;
        n = n * keep + 1;
        solve();
    }

    void reset() {
        s11 = s12 = s22 = s1e = s2e = n = 0;
        b1 = 1;
        b2 = 0;
    }

    private void solve() {
        double d1 = PRIOR_WEIGHT * s11 / n;
        double d2 = PRIOR_WEIGHT * s22 / n;
        double a11 = s11 + d1;
        double a22 = s22 + d2;
        double det = a11 * a22 - s12 * s12;
        if (a11 <= 0) {
            return;
        }
        if (!(det > 1e-9 * a11 * a22)) {
            // r̄ carries nothing r does not: fit the single coefficient.
            b1 = clamp((s1e + d1) / a11);
            b2 = 0;
            return;
        }
        double rhs1 = s1e + d1;
        double rhs2 = s2e;
        b1 = clamp((rhs1 * a22 - s12 * rhs2) / det);
        b2 = clamp((a11 * rhs2 - s12 * rhs1) / det);
    }

    private static double clamp(double b) {
        return Double.isFinite(b) ? Math.clamp(b, -LIMIT, LIMIT) : 0;
    }

    void write(StateWriter out) {
        out.writeDouble(s11).writeDouble(s12).writeDouble(s22).writeDouble(s1e).writeDouble(s2e)
                .writeDouble(n).writeDouble(b1).writeDouble(b2);
    }

    void read(StateReader in) {
        s11 = in.readDouble();
        s12 = in.readDouble();
        s22 = in.readDouble();
        s1e = in.readDouble();
        s2e = in.readDouble();
        n = in.readDouble();
        b1 = in.readDouble();
        b2 = in.readDouble();
        in.check(Double.isFinite(s11 + s12 + s22 + s1e + s2e + n + b1 + b2) && n >= 0 && s11 >= 0 && s22 >= 0,
                "residual regression sums");
    }
}
