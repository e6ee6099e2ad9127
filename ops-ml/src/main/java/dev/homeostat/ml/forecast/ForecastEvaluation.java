package dev.homeostat.ml.forecast;

import dev.homeostat.ml.telemetry.TimeSeries;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rolling-origin evaluation of a {@link SeasonalForecaster} against naive baselines on one series.
 *
 * <p>The forecaster is fed the series in order; after each point (the origin) it forecasts each
 * horizon, seeing only the past. Baselines: seasonal naive with a daily and a weekly season (the
 * value one season before the target, or several seasons if the horizon exceeds one) and the last
 * value. Every method is scored on the same origins: those where all baselines have a value. MASE
 * divides the MAE by the in-sample MAE of the one-season-back daily naive forecast over the whole
 * series (Hyndman &amp; Koehler 2006, seasonal scaling); sMAPE is {@code 200·|y−f|/(|y|+|f|)} averaged
 * (0 when both are 0), in percent. Coverage is the share of actual values inside the forecaster's band.
 */
public final class ForecastEvaluation {

    /** Names of the methods in the order they are reported. */
    public static final String MODEL = "seasonal";
    public static final String SNAIVE_DAY = "snaive-1d";
    public static final String SNAIVE_WEEK = "snaive-7d";
    public static final String LAST_VALUE = "last-value";

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long WEEK = Duration.ofDays(7).toMillis();

    /** Error of one method at one horizon. */
    public record Score(double mae, double mase, double smape) {
    }

    /**
     * Scores at one horizon.
     *
     * @param horizonSteps  horizon in sampling steps
     * @param points        origins scored
     * @param scores        per method, in {@link #MODEL}, {@link #SNAIVE_DAY}, {@link #SNAIVE_WEEK}, {@link #LAST_VALUE} order
     * @param coverage      share of actual values inside the forecaster's band, all scored origins
     * @param readyCoverage the same over origins where the forecaster said it was ready
     * @param readyShare    share of scored origins where the forecaster was ready
     */
    public record Row(int horizonSteps, int points, Map<String, Score> scores, double coverage, double readyCoverage,
                      double readyShare) {
    }

    private ForecastEvaluation() {
    }

    /** The most common spacing between consecutive timestamps: the series' sampling step. */
    public static Duration inferStep(TimeSeries series) {
        if (series.size() < 2) {
            throw new IllegalArgumentException("need at least 2 points to infer the step, got " + series.size());
        }
        long[] diffs = new long[series.size() - 1];
        for (int i = 1; i < series.size(); i++) {
            diffs[i - 1] = series.timeAt(i) - series.timeAt(i - 1);
        }
        Arrays.sort(diffs);
        return Duration.ofMillis(diffs[diffs.length / 2]);
    }

    /** Evaluates {@code options} on {@code series} at each horizon (in steps of {@code options.step()}). */
    public static Row[] evaluate(TimeSeries series, SeasonalForecaster.Options options, int... horizonSteps) {
        long step = options.step().toMillis();
        Map<Long, Integer> index = new HashMap<>(series.size() * 2);
        for (int i = 0; i < series.size(); i++) {
            index.put(series.timeAt(i), i);
        }
        double scale = seasonalScale(series, index);
        int hs = horizonSteps.length;
        Accumulator[][] acc = new Accumulator[hs][4];
        int[] covered = new int[hs];
        int[] ready = new int[hs];
        int[] readyCovered = new int[hs];
        for (Accumulator[] a : acc) {
            for (int m = 0; m < 4; m++) {
                a[m] = new Accumulator();
            }
        }
        SeasonalForecaster forecaster = SeasonalForecaster.create(options);
        for (int i = 0; i < series.size(); i++) {
            forecaster.observe(series.timeAt(i), series.valueAt(i));
            for (int k = 0; k < hs; k++) {
                long target = series.timeAt(i) + horizonSteps[k] * step;
                Integer j = index.get(target);
                Integer d = index.get(seasonBack(target, series.timeAt(i), DAY));
                Integer w = index.get(seasonBack(target, series.timeAt(i), WEEK));
                if (j == null || d == null || w == null) {
                    continue;
                }
                double y = series.valueAt(j);
                Forecast f = forecaster.forecastAt(target);
                acc[k][0].add(y, f.point());
                acc[k][1].add(y, series.valueAt(d));
                acc[k][2].add(y, series.valueAt(w));
                acc[k][3].add(y, series.valueAt(i));
                if (f.covers(y)) {
                    covered[k]++;
                }
                if (f.ready()) {
                    ready[k]++;
                    if (f.covers(y)) {
                        readyCovered[k]++;
                    }
                }
            }
        }
        Row[] rows = new Row[hs];
        String[] names = {MODEL, SNAIVE_DAY, SNAIVE_WEEK, LAST_VALUE};
        for (int k = 0; k < hs; k++) {
            Map<String, Score> scores = new LinkedHashMap<>();
            for (int m = 0; m < 4; m++) {
                scores.put(names[m], acc[k][m].score(scale));
            }
            int n = acc[k][0].n;
            rows[k] = new Row(horizonSteps[k], n, scores, ratio(covered[k], n), ratio(readyCovered[k], ready[k]),
                    ratio(ready[k], n));
        }
        return rows;
    }

    /** The latest time at least one whole season before {@code target} that is not after the origin. */
    private static long seasonBack(long target, long origin, long season) {
        long back = target - season;
        while (back > origin) {
            back -= season;
        }
        return back;
    }

    /** In-sample MAE of the one-day-back naive forecast over the whole series. */
    private static double seasonalScale(TimeSeries series, Map<Long, Integer> index) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < series.size(); i++) {
            Integer back = index.get(series.timeAt(i) - DAY);
            if (back != null) {
                sum += Math.abs(series.valueAt(i) - series.valueAt(back));
                n++;
            }
        }
        if (n == 0 || sum == 0) {
            throw new IllegalArgumentException("series too short or constant for a seasonal MASE scale: "
                    + n + " day-back pairs");
        }
        return sum / n;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** Running sums of absolute and symmetric percentage errors. */
    private static final class Accumulator {
        private double abs;
        private double smape;
        private int n;

        void add(double actual, double forecast) {
            double e = Math.abs(actual - forecast);
            abs += e;
            double denom = Math.abs(actual) + Math.abs(forecast);
            smape += denom == 0 ? 0 : 200 * e / denom;
            n++;
        }

        Score score(double scale) {
            if (n == 0) {
                return new Score(Double.NaN, Double.NaN, Double.NaN);
            }
            return new Score(abs / n, abs / n / scale, smape / n);
        }
    }
}
