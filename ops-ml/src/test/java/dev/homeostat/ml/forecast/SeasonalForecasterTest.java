package dev.homeostat.ml.forecast;

import dev.homeostat.ml.telemetry.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seasonal forecaster learns seasonality, calibrates its band, falls back honestly and validates its options. */
class SeasonalForecasterTest {

    private static final long MINUTE = 60_000;
    private static final long DAY = 1_440 * MINUTE;

    /** Options for 5-minute data: 1 h horizon, daily and weekly seasons. */
    private static SeasonalForecaster.Options fiveMinute() {
        return new SeasonalForecaster.Options(Duration.ofMinutes(5), Duration.ofHours(1),
                List.of(Duration.ofDays(1), Duration.ofDays(7)), Duration.ofHours(1), 0.8, true);
    }

    /** A daily cycle with a weekend dip and Gaussian noise, sampled every 5 minutes. */
    static TimeSeries seasonal(int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = (int) (days * DAY / (5 * MINUTE));
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 5 * MINUTE;
            double day = (double) (t[i] % DAY) / DAY;
            boolean weekend = (t[i] / DAY) % 7 >= 5;
            v[i] = (weekend ? 600 : 1000) + 500 * Math.sin(2 * Math.PI * day) + 60 * random.nextGaussian();
        }
        return new TimeSeries(t, v);
    }

    @Test
    void learnsASeasonalSignalBetterThanTheNaiveBaselines() {
        // given three weeks of a noisy daily/weekly cycle
        TimeSeries series = seasonal(21, 7);

        // when evaluated rolling-origin at 1, 6 and 12 steps
        ForecastEvaluation.Row[] rows = ForecastEvaluation.evaluate(series, fiveMinute(), 1, 6, 12);

        // then the forecaster beats every naive baseline at every horizon
        for (ForecastEvaluation.Row row : rows) {
            double model = row.scores().get(ForecastEvaluation.MODEL).mase();
            for (String baseline : List.of(ForecastEvaluation.SNAIVE_DAY, ForecastEvaluation.SNAIVE_WEEK,
                    ForecastEvaluation.LAST_VALUE)) {
                double other = row.scores().get(baseline).mase();
                assertTrue(model < 0.9 * other, "h=" + row.horizonSteps() + ": model MASE " + model + " vs "
                        + baseline + " " + other);
            }
        }
        SeasonalForecaster fitted = SeasonalForecaster.fit(series, fiveMinute());
        assertTrue(fitted.seasonalActive());
        Forecast f = fitted.forecastAt(series.timeAt(series.size() - 1) + Duration.ofMinutes(30).toMillis());
        assertTrue(f.seasonal() && f.ready(), f.toString());
        assertEquals("seasonal(1d,7d)+residual", f.method());
        assertTrue(f.relativeError() < 1.0, "relative error " + f.relativeError());
    }

    @Test
    void bandCoverageOnNoiseIsRoughlyNominal() {
        // given a constant level with Gaussian noise and a forecaster asked for an 80 % band
        SplittableRandom random = new SplittableRandom(11);
        SeasonalForecaster f = SeasonalForecaster.create(fiveMinute().withSeasons());
        int covered = 0;
        int scored = 0;

        // when each 30-minute-ahead forecast made while ready is checked against what came
        double[] values = new double[4_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 500 + 40 * random.nextGaussian();
        }
        Forecast[] forecasts = new Forecast[values.length];
        for (int i = 0; i < values.length; i++) {
            long t = i * 5 * MINUTE;
            f.observe(t, values[i]);
            forecasts[i] = f.forecastAt(t + 30 * MINUTE);
            if (i >= 6 && forecasts[i - 6].ready()) {
                scored++;
                if (forecasts[i - 6].covers(values[i])) {
                    covered++;
                }
            }
        }

        // then about 80 % of the actual values fall in the band
        double coverage = (double) covered / scored;
        assertTrue(scored > 3_000, "scored " + scored);
        assertTrue(coverage > 0.74 && coverage < 0.86, "coverage " + coverage);
    }

    @Test
    void bandCoverageStaysNearNominalWhenTheNoiseGrows() {
        // given noise whose standard deviation grows fourfold over the series
        SplittableRandom random = new SplittableRandom(5);
        SeasonalForecaster f = SeasonalForecaster.create(fiveMinute().withSeasons());
        int n = 6_000;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 500 + (20 + 60.0 * i / n) * random.nextGaussian();
        }

        // when 30-minute-ahead bands are checked against what came
        Forecast[] forecasts = new Forecast[n];
        int covered = 0;
        int scored = 0;
        for (int i = 0; i < n; i++) {
            f.observe(i * 5 * MINUTE, values[i]);
            forecasts[i] = f.forecastAt(i * 5 * MINUTE + 30 * MINUTE);
            if (i >= 6 && forecasts[i - 6].ready()) {
                scored++;
                covered += forecasts[i - 6].covers(values[i]) ? 1 : 0;
            }
        }

        // then the 80 % band still holds about 80 % of the values
        double coverage = (double) covered / scored;
        assertTrue(coverage > 0.76 && coverage < 0.84, "coverage " + coverage);
    }

    @Test
    void littleHistoryFallsBackToTheLastValueAndSaysItIsNotReady() {
        // given a forecaster with three observations
        SeasonalForecaster f = SeasonalForecaster.create(SeasonalForecaster.Options.defaults());
        f.observe(0, 100);
        f.observe(15_000, 104);
        f.observe(30_000, 98);

        // when
        Forecast forecast = f.forecastAt(30_000 + 5 * MINUTE);

        // then
        assertFalse(forecast.ready());
        assertFalse(f.ready());
        assertFalse(forecast.seasonal());
        assertEquals("level+residual", forecast.method());
        assertEquals(98, forecast.point(), 1e-9);
        assertTrue(forecast.lower() < 98 && forecast.upper() > 98, forecast.toString());
        assertTrue(Double.isNaN(forecast.relativeError()));
        assertEquals(5 * MINUTE, forecast.horizonMillis());
    }

    @Test
    void aSeriesThatSatAtZeroThenBurstsKeepsAFiniteBand() {
        // given: an arrival rate at exactly zero (an idle topic), then bursts and zeros at uneven intervals,
        // as the operator sees at 5 s telemetry when a load generator starts
        SeasonalForecaster f = SeasonalForecaster.create(SeasonalForecaster.Options.of(Duration.ofSeconds(5),
                Duration.ofSeconds(90)).withNonNegative(true).withMinHistory(Duration.ofSeconds(25)));
        SplittableRandom random = new SplittableRandom(1);
        long t = 1_700_000_000_000L;
        double value = 0;
        for (int i = 0; i < 400; i++) {
            t += 1000L * (1 + random.nextInt(10));
            int mode = random.nextInt(10);
            value = mode == 0 ? 0 : mode == 1 ? random.nextDouble() * 60_000 : value;
            f.observe(t, value);

            // when: the policy asks for the peak over its horizon
            Forecast peak = f.peak(t, t + 90_000);

            // then: the band is ordered and finite (before the fix its upper end became NaN and peak() threw)
            assertTrue(Double.isFinite(peak.lower()) && Double.isFinite(peak.upper()),
                    "band at step " + i + ": " + peak);
        }
    }

    @Test
    void beforeAnyObservationTheForecastIsUnknown() {
        // given / when
        Forecast f = SeasonalForecaster.create(SeasonalForecaster.Options.defaults()).forecastAt(1_000);

        // then
        assertFalse(f.known());
        assertFalse(f.ready());
        assertTrue(Double.isNaN(f.upper()));
    }

    @Test
    void gapsAndLateObservationsAreIgnoredNotZeroed() {
        // given
        SeasonalForecaster f = SeasonalForecaster.create(SeasonalForecaster.Options.defaults());
        f.observe(0, 100);
        f.observe(15_000, 100);

        // when
        boolean nan = f.observe(30_000, Double.NaN);
        boolean late = f.observe(10_000, 0);
        boolean duplicate = f.observe(15_000, 0);

        // then
        assertFalse(nan || late || duplicate);
        assertEquals(2, f.observations());
        assertEquals(3, f.ignoredCount());
        assertEquals(100, f.forecastAt(60_000).point(), 1e-9);
    }

    @Test
    void peakIsTheHighestForecastOfTheWindow() {
        // given a forecaster that has learnt 9 days of the seasonal series
        TimeSeries series = prefix(seasonal(10, 3), 9 * 288 + 37);
        SeasonalForecaster f = SeasonalForecaster.fit(series, fiveMinute());
        long now = series.timeAt(series.size() - 1);

        // when asked for the peak over the next hour (the ready-delay window)
        Forecast peak = f.peak(now, now + 60 * MINUTE);

        // then no forecast inside the window is higher
        for (long t = now; t <= now + 60 * MINUTE; t += MINUTE / 2) {
            Forecast at = f.forecastAt(t);
            assertTrue(at.point() <= peak.point() + 1e-9, "point at " + t + ": " + at + " vs " + peak);
            assertTrue(at.upper() <= peak.upper() * (1 + 1e-3), "upper at " + t + ": " + at + " vs " + peak);
        }
        assertTrue(peak.lower() <= peak.point() && peak.point() <= peak.upper());
        assertThrows(IllegalArgumentException.class, () -> f.peak(now, now - 1));
    }

    @Test
    void peakOverHalfADayFindsTheDailyCrest() {
        // given the forecaster at midnight, the daily crest (mean +500) being at 06:00
        TimeSeries series = prefix(seasonal(10, 3), 9 * 288);
        SeasonalForecaster f = SeasonalForecaster.fit(series, fiveMinute());
        long midnight = series.timeAt(series.size() - 1) + 5 * MINUTE;

        // when
        Forecast peak = f.peak(midnight, midnight + 12 * 60 * MINUTE);

        // then the crest is found within two hours of 06:00, and it is about the highest forecast
        long minuteOfDay = (peak.epochMillis() % DAY) / MINUTE;
        assertTrue(Math.abs(minuteOfDay - 360) <= 120, "peak at minute " + minuteOfDay + " of the day");
        double highest = Double.NEGATIVE_INFINITY;
        for (long t = midnight; t <= midnight + 12 * 60 * MINUTE; t += MINUTE) {
            highest = Math.max(highest, f.forecastAt(t).point());
        }
        assertEquals(highest, peak.point(), 0.02 * highest);
    }

    private static TimeSeries prefix(TimeSeries s, int n) {
        return new TimeSeries(Arrays.copyOf(s.epochMillis(), n), Arrays.copyOf(s.values(), n));
    }

    @Test
    void memoryStaysFixedHoweverLongTheHistory() {
        // given / when the same options see 9 days and 21 days
        int nine = SeasonalForecaster.fit(prefix(seasonal(21, 9), 9 * 288), fiveMinute()).toBytes().length;
        int all = SeasonalForecaster.fit(seasonal(21, 9), fiveMinute()).toBytes().length;

        // then the persisted state has the same size: nothing grows with history
        assertEquals(nine, all);
        assertTrue(all < 64 * 1024, all + " bytes");
    }

    @Test
    void aGapInTelemetryWidensTheBandInsteadOfInventingData() {
        // given a forecaster that learnt 9 days, then a 6-hour outage, then 2 more hours
        TimeSeries full = seasonal(10, 21);
        SeasonalForecaster f = SeasonalForecaster.create(fiveMinute());
        long outageFrom = 9 * DAY;
        long outageTo = outageFrom + 6 * 60 * MINUTE;
        for (int i = 0; i < full.size() && full.timeAt(i) < outageTo + 2 * 60 * MINUTE; i++) {
            if (full.timeAt(i) < outageFrom || full.timeAt(i) >= outageTo) {
                f.observe(full.timeAt(i), full.valueAt(i));
            }
        }
        long last = f.lastObservedMillis();

        // when asked 10 minutes and 3 hours past the last sample
        Forecast soon = f.forecastAt(last + 10 * MINUTE);
        Forecast late = f.forecastAt(last + 3 * 60 * MINUTE);

        // then the model still knows the season and is less sure further out
        assertTrue(soon.seasonal() && soon.ready(), soon.toString());
        assertEquals(180 * MINUTE, late.horizonMillis());
        assertTrue(late.upper() - late.lower() > soon.upper() - soon.lower(), soon + " vs " + late);
        double expected = 1000 + 500 * Math.sin(2 * Math.PI * ((last + 10 * MINUTE) % DAY) / DAY);
        assertEquals(expected, soon.point(), 150);
    }

    @Test
    void aOneOffIncidentDoesNotStampItselfOnTomorrowsProfile() {
        // given 9 days of the seasonal series, the last one with a one-hour surge to five times the load at noon
        TimeSeries series = seasonal(10, 13);
        SeasonalForecaster f = SeasonalForecaster.create(fiveMinute());
        long surgeFrom = 9 * DAY + DAY / 2;
        int i = 0;
        for (; series.timeAt(i) < 9 * DAY + DAY - 5 * MINUTE; i++) {
            long t = series.timeAt(i);
            boolean surge = t >= surgeFrom && t < surgeFrom + 60 * MINUTE;
            f.observe(t, surge ? 5 * series.valueAt(i) : series.valueAt(i));
        }
        f.observe(series.timeAt(i), series.valueAt(i));

        // when asked for noon the next day
        Forecast noon = f.forecastAt(surgeFrom + DAY + 30 * MINUTE);

        // then it expects an ordinary noon (about 1,000 on a weekday), not a fifth of a surge
        assertEquals(1000, noon.point(), 150, noon.toString());
    }

    @Test
    void aLastingShiftInLoadIsLearntDespiteTheClipping() {
        // given 9 days of the seasonal series, then 12 days at twice the load
        TimeSeries series = seasonal(21, 17);
        SeasonalForecaster f = SeasonalForecaster.create(fiveMinute());
        for (int i = 0; i < series.size(); i++) {
            double factor = series.timeAt(i) >= 9 * DAY ? 2 : 1;
            f.observe(series.timeAt(i), factor * series.valueAt(i));
        }
        long last = f.lastObservedMillis();

        // when asked 6 hours ahead, where the residual no longer carries the shift
        long target = last + 6 * 60 * MINUTE;
        Forecast later = f.forecastAt(target);

        // then the profile itself has moved to the doubled load
        double day = (double) (target % DAY) / DAY;
        boolean weekend = (target / DAY) % 7 >= 5;
        double doubled = 2 * ((weekend ? 600 : 1000) + 500 * Math.sin(2 * Math.PI * day));
        assertEquals(doubled, later.point(), 0.15 * doubled, later.toString());
    }

    @Test
    void sameInputGivesTheSameState() {
        // given / when
        TimeSeries series = seasonal(3, 5);
        byte[] a = SeasonalForecaster.fit(series, fiveMinute()).toBytes();
        byte[] b = SeasonalForecaster.fit(series, fiveMinute()).toBytes();

        // then
        assertArrayEquals(a, b);
    }

    @Test
    void optionsRejectNonsenseNamingTheValue() {
        SeasonalForecaster.Options d = SeasonalForecaster.Options.defaults();
        assertMessage("PT0S", () -> d.withStep(Duration.ZERO));
        assertMessage("PT10S", () -> d.withHorizon(Duration.ofSeconds(10)));
        assertMessage("PT30S", () -> d.withSeasons(Duration.ofSeconds(30)));
        assertMessage("0.3", () -> d.withCoverage(0.3));
        assertMessage("PT-1S", () -> d.withMinHistory(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> d.withSeasons(Duration.ofDays(1), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> d.withSeasons(Duration.ofDays(1), Duration.ofDays(2),
                Duration.ofDays(3), Duration.ofDays(4)));
        assertEquals(List.of(Duration.ofDays(1), Duration.ofDays(7)),
                d.withSeasons(Duration.ofDays(7), Duration.ofDays(1)).seasons());
        assertThrows(IllegalArgumentException.class, () -> d.withStep(Duration.ofMinutes(30)));
        assertEquals(Duration.ofHours(6), SeasonalForecaster.Options.of(Duration.ofMinutes(30), Duration.ofHours(6))
                .horizon());
    }

    @Test
    void anchorsDoubleUpToTheHorizon() {
        assertArrayEquals(new long[] {15, 30, 60, 120, 240, 480, 600}, BandCalibration.anchors(15, 600));
        assertArrayEquals(new long[] {5}, BandCalibration.anchors(5, 5));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
