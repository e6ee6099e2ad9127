package dev.homeostat.ml.forecast;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The residual regression's closed form equals Commons Math's least squares on the same problem: each row
 * weighted by its forgetting factor, plus the prior as two pseudo-rows pulling towards b1 = 1, b2 = 0.
 */
class ResidualRegressionTest {

    @Test
    void startsAtThePriorLastValue() {
        ResidualRegression r = new ResidualRegression();
        assertEquals(1.0, r.b1);
        assertEquals(0.0, r.b2);
    }

    @Test
    void equalsWeightedRidgeLeastSquares() {
        Random random = new Random(12);
        int rows = 800;
        double[][] x = new double[rows][2];
        double[] e = new double[rows];
        ResidualRegression r = new ResidualRegression();
        double smoothed = 0;
        for (int i = 0; i < rows; i++) {
            double now = random.nextGaussian();
            smoothed = 0.8 * smoothed + 0.2 * now;
            x[i][0] = now;
            x[i][1] = smoothed;
            e[i] = 0.6 * now + 0.3 * smoothed + 0.2 * random.nextGaussian();
            r.add(x[i][0], x[i][1], e[i]);
        }
        double[] expected = ridgeLeastSquares(x, e);
        assertEquals(expected[0], r.b1, 1e-9);
        assertEquals(expected[1], r.b2, 1e-9);
        // The data's own coefficients, shrunk slightly towards the prior.
        assertEquals(0.6, r.b1, 0.1);
        assertEquals(0.3, r.b2, 0.2);
    }

    @Test
    void identicalInputsStillHaveTheRidgeSolution() {
        // r̄ = r: least squares alone has no unique answer; the prior's pseudo-rows make one.
        double[][] x = new double[60][2];
        double[] e = new double[60];
        ResidualRegression r = new ResidualRegression();
        for (int i = 0; i < x.length; i++) {
            double v = Math.sin(i);
            x[i][0] = v;
            x[i][1] = v;
            e[i] = 0.5 * v;
            r.add(v, v, e[i]);
        }
        double[] expected = ridgeLeastSquares(x, e);
        assertEquals(expected[0], r.b1, 1e-9);
        assertEquals(expected[1], r.b2, 1e-9);
    }

    @Test
    void aSmoothedResidualThatIsAlwaysZeroFitsOneCoefficient() {
        double[][] x = new double[50][1];
        double[] e = new double[50];
        ResidualRegression r = new ResidualRegression();
        for (int i = 0; i < x.length; i++) {
            double v = Math.sin(i);
            x[i][0] = v;
            e[i] = 0.5 * v;
            r.add(v, 0, e[i]);
        }
        double[] expected = ridgeLeastSquares(x, e);
        assertEquals(expected[0], r.b1, 1e-9);
        assertEquals(0.0, r.b2);
    }

    @Test
    void coefficientsAreBoundedAndResetReturnsToThePrior() {
        ResidualRegression r = new ResidualRegression();
        for (int i = 0; i < 100; i++) {
            double v = Math.cos(i);
            r.add(v, 0.5 * v + Math.sin(3 * i), 9 * v);
        }
        assertEquals(2.0, r.b1);
        r.reset();
        assertEquals(1.0, r.b1);
        assertEquals(0.0, r.b2);
    }

    /**
     * Commons Math's OLS on rows weighted by e^(-age / MEMORY)-style forgetting ((1 - 1/MEMORY)^age), plus one
     * pseudo-row per coefficient worth PRIOR_WEIGHT × its mean squared input, pulling b1 to 1 and b2 to 0.
     */
    private static double[] ridgeLeastSquares(double[][] x, double[] e) {
        int rows = x.length;
        int k = x[0].length;
        double keep = 1 - 1 / ResidualRegression.MEMORY;
        double n = 0;
        double[] squares = new double[k];
        double[][] design = new double[rows + k][k];
        double[] target = new double[rows + k];
        for (int i = 0; i < rows; i++) {
            double w = Math.pow(keep, rows - 1 - i);
            n += w;
            for (int j = 0; j < k; j++) {
                squares[j] += w * x[i][j] * x[i][j];
                design[i][j] = Math.sqrt(w) * x[i][j];
            }
            target[i] = Math.sqrt(w) * e[i];
        }
        for (int j = 0; j < k; j++) {
            double d = ResidualRegression.PRIOR_WEIGHT * squares[j] / n;
            design[rows + j][j] = Math.sqrt(d);
            target[rows + j] = j == 0 ? Math.sqrt(d) : 0;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(target, design);
        return ols.estimateRegressionParameters();
    }
}
