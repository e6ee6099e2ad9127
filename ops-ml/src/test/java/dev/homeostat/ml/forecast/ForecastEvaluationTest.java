package dev.homeostat.ml.forecast;

import dev.homeostat.ml.telemetry.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rolling-origin evaluation scores baselines correctly on a series whose answer is known. */
class ForecastEvaluationTest {

    private static final long HOUR = 3_600_000;

    @Test
    void aPerfectlyWeeklySeriesIsForecastExactlyBySeasonalNaiveAndScoredOnCommonOrigins() {
        // given three weeks of hourly data repeating every week (each day different)
        int n = 21 * 24;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * HOUR;
            v[i] = 100 + 10 * (i % 24) + 30 * ((i / 24) % 7);
        }
        TimeSeries series = new TimeSeries(t, v);
        SeasonalForecaster.Options options = new SeasonalForecaster.Options(Duration.ofHours(1), Duration.ofHours(3),
                List.of(Duration.ofDays(1), Duration.ofDays(7)), Duration.ZERO, 0.9, true);

        // when
        ForecastEvaluation.Row[] rows = ForecastEvaluation.evaluate(series, options, 1, 3);

        // then weekly naive is exact, daily naive is not, and origins start once a week back exists
        for (ForecastEvaluation.Row row : rows) {
            assertEquals(0.0, row.scores().get(ForecastEvaluation.SNAIVE_WEEK).mase(), 1e-12);
            assertEquals(0.0, row.scores().get(ForecastEvaluation.SNAIVE_WEEK).smape(), 1e-12);
            assertTrue(row.scores().get(ForecastEvaluation.SNAIVE_DAY).mase() > 0.5);
            assertEquals(n - 7 * 24, row.points());
        }
        assertEquals(Duration.ofHours(1), ForecastEvaluation.inferStep(series));
    }
}
