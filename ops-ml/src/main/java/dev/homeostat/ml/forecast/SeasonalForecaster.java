package dev.homeostat.ml.forecast;

import dev.homeostat.ml.state.ModelState;
import dev.homeostat.ml.state.StateCodec;
import dev.homeostat.ml.telemetry.TimeSeries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental forecaster for load series with daily/weekly seasonality, robust to irregular
 * sampling and gaps.
 *
 * <p><b>Method.</b> The expectation {@code S(t)} is an additive seasonal profile: the shortest
 * season as an absolute profile (e.g. the typical day) plus, for each longer season, a profile of
 * deviations from it (e.g. how a Saturday differs from the typical day), each a
 * {@link SeasonalProfile} learnt over time bins and used only once it has seen a whole season. Until
 * then {@code S} is a smoothed level. What the profiles learn is clipped to a few mean absolute
 * deviations from {@code S}, so a one-off incident does not distort the following days. The forecast for horizon {@code h} is
 * {@code S(t+h) + b1(h)·r + b2(h)·r̄}, where {@code r} is the latest deviation from {@code S} and
 * {@code r̄} its exponential average; {@code b1, b2} are fitted per horizon on the forecaster's own
 * past forecasts ({@link ResidualRegression}), starting from the last-value forecast. This blends
 * "what this time of day/week usually looks like" with "how far off usual we are now", in the
 * spirit of Holt–Winters (Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and Practice</i>,
 * ch. 8) with a direct multi-horizon residual model instead of hand-set smoothing constants.
 *
 * <p><b>Band.</b> Every step, a forecast is issued for each of a few anchor horizons (1, 2, 4, …
 * steps up to {@link Options#horizon()}) and later compared with the actual value. The band is the
 * empirical quantiles of the last 256 such errors, scaled by the level, interpolated between
 * anchors and widened by √(h/H) beyond the longest one. The quantile level itself adapts to the
 * band's own hits and misses ({@link ErrorWindow}, adaptive conformal inference), so the realised
 * coverage stays near the nominal one when the error distribution drifts. Until 20 errors exist at every anchor the
 * forecaster is not ready: the point is the fallback and the band a normal approximation from
 * recent step-to-step changes.
 *
 * <p><b>Cost.</b> O(anchors) per observation and per forecast (well below a microsecond each on
 * one core); {@link #peak} evaluates at most {@value PeakSearch#POINTS} points. <b>Memory</b> is fixed by the options:
 * about 16 bytes per profile knot (≈ 288 knots per season), 4 KiB per anchor for errors and 56
 * bytes per pending forecast — ≈ 45 KiB with the defaults.
 *
 * <p><b>Classes.</b> {@link SeasonalExpectation} learns the profiles, {@link BandCalibration} the residual
 * model and the band per anchor horizon, {@link PeakSearch} finds the peak over a window and
 * {@link SeasonalForecasterCodec} persists the state; this class holds the smoothed scalars and sequences them.
 *
 * <p>Deterministic; not thread-safe.
 */
public final class SeasonalForecaster implements Forecaster {

    /** Codec of the persisted state; kind {@code "forecast.seasonal"}. */
    public static final StateCodec<SeasonalForecaster> CODEC = new SeasonalForecasterCodec();

    /** Smoothing time constants, in sampling steps. */
    static final double LEVEL_STEPS = 12;
    static final double RESIDUAL_STEPS = 12;
    static final double SCALE_STEPS = 500;
    static final double DIFF_STEPS = 100;

    /** Deviations from the seasonal expectation beyond this many mean absolute deviations are clipped for learning. */
    static final double CLIP_DEVIATIONS = 4;

    /** Share of the long-run mean magnitude added to the error scale so values near zero do not explode it. */
    static final double SCALE_FLOOR = 0.1;

    /**
     * Options of the forecaster.
     *
     * @param step       nominal sampling interval: one forecast per anchor is issued per step and
     *                   gaps longer than a step add no evidence; 1 ms to 1 day (default 15 s)
     * @param horizon    longest horizon the band is calibrated for, typically the time a scale-up
     *                   takes to become effective; 1 to 10,000 steps (default 10 min)
     * @param seasons    season lengths to learn when history allows, at most 3, each at least 4 steps
     *                   and at most 400 days (default 1 day and 7 days); empty for none
     * @param minHistory observed span needed before the forecaster can be ready, 0 to 400 days (default 30 min)
     * @param coverage   nominal coverage of the band, in [0.5, 0.99] (default 0.9)
     * @param nonNegative whether the series cannot go below zero (rates); clamps point and band (default true)
     */
    public record Options(Duration step, Duration horizon, List<Duration> seasons, Duration minHistory,
                          double coverage, boolean nonNegative) {

        private static final Duration MAX_SEASON = Duration.ofDays(400);

        /** Validates every field, naming the offending value; stores the seasons sorted ascending. */
        public Options {
            if (step == null || step.toMillis() < 1 || step.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("step must be in [1 ms, 1 day], got " + step);
            }
            if (horizon == null || horizon.compareTo(step) < 0 || horizon.toMillis() / step.toMillis() > 10_000) {
                throw new IllegalArgumentException("horizon must be in [step, 10000 steps] with step=" + step
                        + ", got " + horizon);
            }
            if (seasons == null || seasons.size() > 3) {
                throw new IllegalArgumentException("seasons must hold at most 3 lengths, got " + seasons);
            }
            List<Duration> sorted = new ArrayList<>(seasons);
            sorted.sort(null);
            for (int i = 0; i < sorted.size(); i++) {
                Duration s = sorted.get(i);
                if (s == null || s.toMillis() < 4 * step.toMillis() || s.compareTo(MAX_SEASON) > 0) {
                    throw new IllegalArgumentException("each season must be in [4 steps, 400 days] with step="
                            + step + ", got " + s);
                }
                if (i > 0 && s.equals(sorted.get(i - 1))) {
                    throw new IllegalArgumentException("seasons must be distinct, got " + seasons);
                }
            }
            seasons = List.copyOf(sorted);
            if (minHistory == null || minHistory.isNegative() || minHistory.compareTo(MAX_SEASON) > 0) {
                throw new IllegalArgumentException("minHistory must be in [0, 400 days], got " + minHistory);
            }
            if (!(coverage >= 0.5 && coverage <= 0.99)) {
                throw new IllegalArgumentException("coverage must be in [0.5, 0.99], got " + coverage);
            }
        }

        /** Defaults for telemetry scraped every 15 s: 10 min horizon, daily and weekly seasons, 90 % band. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(15), Duration.ofMinutes(10),
                    List.of(Duration.ofDays(1), Duration.ofDays(7)), Duration.ofMinutes(30), 0.9, true);
        }

        /**
         * Defaults (daily and weekly seasons, 30 min minimum history, 90 % band, non-negative) for
         * another sampling step and horizon. Use it when the step exceeds the default 10-minute horizon,
         * which {@link #withStep} alone would reject.
         */
        public static Options of(Duration step, Duration horizon) {
            return defaults().toBuilder().step(step).horizon(horizon).build();
        }

        /** A builder starting from {@link #defaults()}. */
        public static Builder builder() {
            return defaults().toBuilder();
        }

        /** A builder starting from these options. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** A copy with another step. */
        public Options withStep(Duration value) {
            return toBuilder().step(value).build();
        }

        /** A copy with another horizon. */
        public Options withHorizon(Duration value) {
            return toBuilder().horizon(value).build();
        }

        /** A copy with other seasons. */
        public Options withSeasons(Duration... value) {
            return toBuilder().seasons(List.of(value)).build();
        }

        /** A copy with another minimum history. */
        public Options withMinHistory(Duration value) {
            return toBuilder().minHistory(value).build();
        }

        /** A copy with another band coverage. */
        public Options withCoverage(double value) {
            return toBuilder().coverage(value).build();
        }

        /** A copy that does or does not clamp at zero. */
        public Options withNonNegative(boolean value) {
            return toBuilder().nonNegative(value).build();
        }

        /** Builds {@link Options} by name; {@link #build()} validates. */
        public static final class Builder {
            private Duration step;
            private Duration horizon;
            private List<Duration> seasons;
            private Duration minHistory;
            private double coverage;
            private boolean nonNegative;

            private Builder(Options from) {
                step = from.step();
                horizon = from.horizon();
                seasons = from.seasons();
                minHistory = from.minHistory();
                coverage = from.coverage();
                nonNegative = from.nonNegative();
            }

            /** Sets {@link Options#step()}. */
            public Builder step(Duration value) {
                step = value;
                return this;
            }

            /** Sets {@link Options#horizon()}. */
            public Builder horizon(Duration value) {
                horizon = value;
                return this;
            }

            /** Sets {@link Options#seasons()}. */
            public Builder seasons(List<Duration> value) {
                seasons = value;
                return this;
            }

            /** Sets {@link Options#minHistory()}. */
            public Builder minHistory(Duration value) {
                minHistory = value;
                return this;
            }

            /** Sets {@link Options#coverage()}. */
            public Builder coverage(double value) {
                coverage = value;
                return this;
            }

            /** Sets {@link Options#nonNegative()}. */
            public Builder nonNegative(boolean value) {
                nonNegative = value;
                return this;
            }

            /** The options, validated. */
            public Options build() {
                return new Options(step, horizon, seasons, minHistory, coverage, nonNegative);
            }
        }
    }

    final Options options;
    final long stepMillis;
    final SeasonalExpectation expectation;
    final BandCalibration band;
    private final double zBand;

    long firstMillis = Long.MIN_VALUE;
    long lastMillis = Long.MIN_VALUE;
    long lastIssueBucket = Long.MIN_VALUE;
    long observations;
    long ignored;
    double lastValue;
    double level;
    double residual;
    double smoothedResidual;
    double meanMagnitude;
    double diffSquare;
    double meanAbsDeviation;

    SeasonalForecaster(Options options) {
        this.options = options;
        this.stepMillis = options.step().toMillis();
        this.expectation = new SeasonalExpectation(options.seasons(), stepMillis);
        this.band = new BandCalibration(stepMillis, options.horizon().toMillis(), options.coverage(),
                options.nonNegative());
        this.zBand = NormalQuantile.of(0.5 + options.coverage() / 2);
    }

    /** A forecaster that has seen nothing yet. */
    public static SeasonalForecaster create(Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return new SeasonalForecaster(options);
    }

    /** A forecaster fed every point of {@code series} in order. */
    public static SeasonalForecaster fit(TimeSeries series, Options options) {
        SeasonalForecaster f = create(options);
        for (int i = 0; i < series.size(); i++) {
            f.observe(series.timeAt(i), series.valueAt(i));
        }
        return f;
    }

    /** Restores a forecaster from {@link #toBytes()}; {@link IllegalArgumentException} on corrupt input. */
    public static SeasonalForecaster fromBytes(byte[] bytes) {
        return ModelState.decode(bytes, CODEC);
    }

    /** The options this forecaster was created with. */
    public Options options() {
        return options;
    }

    @Override
    public boolean observe(long epochMillis, double value) {
        if (!Double.isFinite(value) || (observations > 0 && epochMillis <= lastMillis)) {
            ignored++;
            return false;
        }
        long dt = observations == 0 ? stepMillis : epochMillis - lastMillis;
        band.resolve(epochMillis, value);

        if (observations == 0) {
            firstMillis = epochMillis;
            level = value;
            meanMagnitude = Math.abs(value);
        } else {
            level += smoothing(dt, LEVEL_STEPS) * (value - level);
            meanMagnitude += smoothing(dt, SCALE_STEPS) * (Math.abs(value) - meanMagnitude);
            double perStep = (value - lastValue) / Math.sqrt(Math.max(1.0, (double) dt / stepMillis));
            diffSquare += smoothing(dt, DIFF_STEPS) * (perStep * perStep - diffSquare);
        }
        if (expectation.learn(epochMillis, robust(epochMillis, value, dt), Math.min(dt, stepMillis))) {
            // The expectation changed meaning: the residual model and the measured errors of the old one no
            // longer apply, so they restart (the forecaster is briefly not ready).
            band.reset();
        }
        // The deviation from the updated expectation, so the prior b1 = 1 forecasts exactly the last value.
        double r = value - seasonal(epochMillis);
        smoothedResidual = observations == 0 ? r : smoothedResidual + smoothing(dt, RESIDUAL_STEPS) * (r - smoothedResidual);
        residual = r;

        lastMillis = epochMillis;
        lastValue = value;
        observations++;
        long bucket = Math.floorDiv(epochMillis, stepMillis);
        if (bucket != lastIssueBucket) {
            lastIssueBucket = bucket;
            band.issue(epochMillis, this::seasonal, this::scale, residual, smoothedResidual, lastValue);
        }
        return true;
    }

    @Override
    public Forecast forecastAt(long targetEpochMillis) {
        if (observations == 0) {
            return new Forecast(targetEpochMillis, 0, Double.NaN, Double.NaN, Double.NaN, options.coverage(),
                    expectation.method(), false, false, Double.NaN);
        }
        long h = Math.max(0, targetEpochMillis - lastMillis);
        double s = seasonal(targetEpochMillis);
        double point = band.point(s, h, residual, smoothedResidual);
        double lower;
        double upper;
        double[] measured = band.empiricalBand(h, point, scale(s));
        if (measured != null) {
            lower = measured[0];
            upper = measured[1];
        } else if (observations >= 2) {
            double sd = Math.sqrt(diffSquare * Math.max(1.0, (double) h / stepMillis));
            lower = point - zBand * sd;
            upper = point + zBand * sd;
        } else {
            // One observation says nothing about spread: a deliberately wide placeholder.
            lower = point - Math.abs(point);
            upper = point + Math.abs(point);
        }
        if (options.nonNegative()) {
            point = Math.max(0, point);
            lower = Math.max(0, lower);
        }
        lower = Math.min(lower, point);
        upper = Math.max(upper, point);
        double rel = band.relativeError(h);
        return new Forecast(targetEpochMillis, h, point, lower, upper, options.coverage(), expectation.method(),
                seasonalActive(), ready(), rel);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The point forecast is piecewise linear in time between profile knots and anchor horizons,
     * so its maximum lies on one of them or on a window end: those are the times evaluated. When
     * more than {@value PeakSearch#POINTS} such times fall in the window, {@value PeakSearch#POINTS} evenly
     * spaced ones are used instead ({@link PeakSearch}).
     */
    @Override
    public Forecast peak(long fromEpochMillis, long toEpochMillis) {
        if (toEpochMillis < fromEpochMillis) {
            throw new IllegalArgumentException("peak window ends before it starts: from=" + fromEpochMillis
                    + " to=" + toEpochMillis);
        }
        return PeakSearch.peak(this::forecastAt,
                PeakSearch.times(fromEpochMillis, toEpochMillis, lastMillis, band.anchors, expectation));
    }

    @Override
    public long lastObservedMillis() {
        return lastMillis;
    }

    @Override
    public long observations() {
        return observations;
    }

    /** Observations ignored (non-finite, or not newer than the last one). */
    public long ignoredCount() {
        return ignored;
    }

    @Override
    public boolean ready() {
        if (observations == 0 || lastMillis - firstMillis < options.minHistory().toMillis()) {
            return false;
        }
        return band.calibrated();
    }

    @Override
    public byte[] toBytes() {
        return ModelState.encode(this, CODEC);
    }

    /** Whether a seasonal profile currently contributes to the expectation. */
    public boolean seasonalActive() {
        return expectation.active();
    }

    /** The expectation S(t): active seasonal profiles, else the smoothed level. */
    double seasonal(long t) {
        return expectation.at(t, level);
    }

    /**
     * The value the seasonal profiles learn from: once a season is in use, a deviation from the
     * expectation larger than {@value #CLIP_DEVIATIONS} mean absolute deviations is cut to that size,
     * so an incident or a one-off event does not stamp itself on the next days' profile. The level
     * and the residual still see the raw value, so short-term forecasts follow it.
     */
    private double robust(long t, double value, long dt) {
        if (!seasonalActive()) {
            return value;
        }
        double expected = seasonal(t);
        double deviation = value - expected;
        double limit = CLIP_DEVIATIONS * meanAbsDeviation;
        double clipped = meanAbsDeviation > 0 ? Math.clamp(deviation, -limit, limit) : deviation;
        meanAbsDeviation += smoothing(dt, SCALE_STEPS) * (Math.abs(deviation) - meanAbsDeviation);
        return expected + clipped;
    }

    private double scale(double expected) {
        return Math.abs(expected) + SCALE_FLOOR * meanMagnitude + Double.MIN_NORMAL;
    }

    private double smoothing(long dt, double steps) {
        // StrictMath: bit-identical on every JVM, so persisted state and results reproduce across machines.
        return 1 - StrictMath.exp(-dt / (steps * stepMillis));
    }
}
