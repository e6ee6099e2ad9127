package dev.homeostat.ml.forecast;

import dev.homeostat.ml.state.ModelState;
import dev.homeostat.ml.state.StateCodec;
import dev.homeostat.ml.telemetry.TimeSeries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * one core); {@link #peak} evaluates at most 64 points. <b>Memory</b> is fixed by the options:
 * about 16 bytes per profile knot (≈ 288 knots per season), 4 KiB per anchor for errors and 56
 * bytes per pending forecast — ≈ 45 KiB with the defaults.
 *
 * <p>Deterministic; not thread-safe.
 */
public final class SeasonalForecaster implements Forecaster {

    /** Codec of the persisted state; kind {@code "forecast.seasonal"}. */
    public static final StateCodec<SeasonalForecaster> CODEC = new SeasonalForecasterCodec();

    /** Errors needed at every anchor before the forecaster reports itself ready. */
    static final int MIN_ERRORS = 20;

    /** Smoothing time constants, in sampling steps. */
    static final double LEVEL_STEPS = 12;
    static final double RESIDUAL_STEPS = 12;
    static final double SCALE_STEPS = 500;
    static final double DIFF_STEPS = 100;

    /** Deviations from the seasonal expectation beyond this many mean absolute deviations are clipped for learning. */
    static final double CLIP_DEVIATIONS = 4;

    /** Share of the long-run mean magnitude added to the error scale so values near zero do not explode it. */
    static final double SCALE_FLOOR = 0.1;

    /** Points evaluated by {@link #peak} at most. */
    static final int PEAK_POINTS = 64;

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
            Options d = defaults();
            return new Options(step, horizon, d.seasons(), d.minHistory(), d.coverage(), d.nonNegative());
        }

        public Options withStep(Duration value) {
            return new Options(value, horizon, seasons, minHistory, coverage, nonNegative);
        }

        public Options withHorizon(Duration value) {
            return new Options(step, value, seasons, minHistory, coverage, nonNegative);
        }

        public Options withSeasons(Duration... value) {
            return new Options(step, horizon, List.of(value), minHistory, coverage, nonNegative);
        }

        public Options withMinHistory(Duration value) {
            return new Options(step, horizon, seasons, value, coverage, nonNegative);
        }

        public Options withCoverage(double value) {
            return new Options(step, horizon, seasons, minHistory, value, nonNegative);
        }

        public Options withNonNegative(boolean value) {
            return new Options(step, horizon, seasons, minHistory, coverage, value);
        }
    }

    final Options options;
    final long stepMillis;
    final long[] anchors;
    final SeasonalProfile[] profiles;
    final ResidualRegression[] regressions;
    final ErrorWindow[] errors;
    final PendingForecasts[] pending;
    private final double zBand;
    private String method;

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
        this.anchors = anchors(stepMillis, options.horizon().toMillis());
        this.profiles = new SeasonalProfile[options.seasons().size()];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = new SeasonalProfile(options.seasons().get(i).toMillis(), stepMillis);
        }
        this.regressions = new ResidualRegression[anchors.length];
        this.errors = new ErrorWindow[anchors.length];
        this.pending = new PendingForecasts[anchors.length];
        for (int k = 0; k < anchors.length; k++) {
            regressions[k] = new ResidualRegression();
            errors[k] = new ErrorWindow(1 - options.coverage());
            pending[k] = new PendingForecasts((int) (anchors[k] / stepMillis) + 2);
        }
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

    /** Anchor horizons: 1, 2, 4, … steps below the horizon, then the horizon itself. */
    static long[] anchors(long step, long horizon) {
        List<Long> out = new ArrayList<>();
        for (long h = step; h < horizon; h *= 2) {
            out.add(h);
        }
        out.add(horizon);
        return out.stream().mapToLong(Long::longValue).toArray();
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
        resolvePending(epochMillis, value);

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
        learnProfiles(epochMillis, robust(epochMillis, value, dt), Math.min(dt, stepMillis));
        // The deviation from the updated expectation, so the prior b1 = 1 forecasts exactly the last value.
        double r = value - seasonal(epochMillis);
        smoothedResidual = observations == 0 ? r : smoothedResidual + smoothing(dt, RESIDUAL_STEPS) * (r - smoothedResidual);
        residual = r;

        lastMillis = epochMillis;
        lastValue = value;
        observations++;
        issueForecasts(epochMillis);
        return true;
    }

    @Override
    public Forecast forecastAt(long targetEpochMillis) {
        if (observations == 0) {
            return new Forecast(targetEpochMillis, 0, Double.NaN, Double.NaN, Double.NaN, options.coverage(),
                    method(), false, false, Double.NaN);
        }
        long h = Math.max(0, targetEpochMillis - lastMillis);
        double s = seasonal(targetEpochMillis);
        double point = pointAt(s, h);
        double lower;
        double upper;
        int lo = anchorBelow(h);
        int hi = Math.min(lo + 1, anchors.length - 1);
        if (empirical(lo) && empirical(hi)) {
            double w = weight(h, lo, hi);
            double tail = lerp(errors[lo].miss, errors[hi].miss, w) / 2;
            double widen = h > anchors[anchors.length - 1] ? Math.sqrt((double) h / anchors[anchors.length - 1]) : 1;
            double scale = scale(s) * widen;
            lower = point + scale * lerp(errors[lo].quantile(tail), errors[hi].quantile(tail), w);
            upper = point + scale * lerp(errors[lo].quantile(1 - tail), errors[hi].quantile(1 - tail), w);
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
        double rel = lerp(errors[lo].relativeError(MIN_ERRORS), errors[hi].relativeError(MIN_ERRORS), weight(h, lo, hi));
        return new Forecast(targetEpochMillis, h, point, lower, upper, options.coverage(), method(),
                seasonalActive(), ready(), rel);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The point forecast is piecewise linear in time between profile knots and anchor horizons,
     * so its maximum lies on one of them or on a window end: those are the times evaluated. When
     * more than {@value #PEAK_POINTS} such times fall in the window, {@value #PEAK_POINTS} evenly
     * spaced ones are used instead.
     */
    @Override
    public Forecast peak(long fromEpochMillis, long toEpochMillis) {
        if (toEpochMillis < fromEpochMillis) {
            throw new IllegalArgumentException("peak window ends before it starts: from=" + fromEpochMillis
                    + " to=" + toEpochMillis);
        }
        long[] times = peakTimes(fromEpochMillis, toEpochMillis);
        Forecast best = null;
        double maxLower = Double.NEGATIVE_INFINITY;
        double maxUpper = Double.NEGATIVE_INFINITY;
        for (long t : times) {
            Forecast f = forecastAt(t);
            if (!f.known()) {
                return f;
            }
            if (best == null || f.point() > best.point()) {
                best = f;
            }
            maxLower = Math.max(maxLower, f.lower());
            maxUpper = Math.max(maxUpper, f.upper());
        }
        return new Forecast(best.epochMillis(), best.horizonMillis(), best.point(), Math.min(maxLower, best.point()),
                Math.max(maxUpper, best.point()), best.coverage(), best.method(), best.seasonal(), best.ready(),
                best.relativeError());
    }

    /** Window ends, anchor horizons and active profile knots inside the window, sorted. */
    private long[] peakTimes(long from, long to) {
        long[] buf = new long[PEAK_POINTS];
        int n = 0;
        buf[n++] = from;
        buf[n++] = to;
        for (long a : anchors) {
            long t = lastMillis + a;
            if (t > from && t < to) {
                buf[n++] = t;
            }
        }
        for (SeasonalProfile p : profiles) {
            if (!p.active) {
                continue;
            }
            long first = from - Math.floorMod(from, p.binMillis) + p.binMillis;
            for (long t = first; t < to; t += p.binMillis) {
                if (n == PEAK_POINTS) {
                    return evenlySpaced(from, to);
                }
                buf[n++] = t;
            }
        }
        long[] times = Arrays.copyOf(buf, n);
        Arrays.sort(times);
        return times;
    }

    private static long[] evenlySpaced(long from, long to) {
        long[] times = new long[PEAK_POINTS];
        for (int i = 0; i < PEAK_POINTS; i++) {
            times[i] = from + (long) ((double) (to - from) * i / (PEAK_POINTS - 1));
        }
        return times;
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
        for (ErrorWindow w : errors) {
            if (w.count < MIN_ERRORS) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] toBytes() {
        return ModelState.encode(this, CODEC);
    }

    /** Whether a seasonal profile currently contributes to the expectation. */
    public boolean seasonalActive() {
        return profiles.length > 0 && profiles[0].active;
    }

    private String method() {
        if (method == null) {
            method = describeMethod();
        }
        return method;
    }

    private String describeMethod() {
        if (!seasonalActive()) {
            return "level+residual";
        }
        StringBuilder b = new StringBuilder("seasonal(");
        for (int i = 0; i < profiles.length; i++) {
            if (profiles[i].active) {
                b.append(b.length() > "seasonal(".length() ? "," : "").append(shortDuration(profiles[i].seasonMillis));
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

    /** The expectation S(t): active seasonal profiles, else the smoothed level. */
    double seasonal(long t) {
        if (!seasonalActive()) {
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

    private double pointAt(double s, long h) {
        int lo = anchorBelow(h);
        int hi = Math.min(lo + 1, anchors.length - 1);
        double w = weight(h, lo, hi);
        double b1 = lerp(regressions[lo].b1, regressions[hi].b1, w);
        double b2 = lerp(regressions[lo].b2, regressions[hi].b2, w);
        return s + b1 * residual + b2 * smoothedResidual;
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

    private void learnProfiles(long t, double value, long millis) {
        if (profiles.length == 0) {
            return;
        }
        double deviations = 0;
        for (int i = 1; i < profiles.length; i++) {
            deviations += activeValue(i, t);
        }
        profiles[0].learn(t, value - deviations, millis);
        if (!profiles[0].active) {
            activateIfMature(0, t);
            return;
        }
        double base = profiles[0].at(t);
        if (Double.isNaN(base)) {
            return;
        }
        for (int i = 1; i < profiles.length; i++) {
            double others = deviations - activeValue(i, t);
            profiles[i].learn(t, value - base - others, millis);
            if (!profiles[i].active) {
                activateIfMature(i, t);
            }
        }
    }

    private double activeValue(int i, long t) {
        if (!profiles[i].active) {
            return 0;
        }
        double d = profiles[i].at(t);
        return Double.isNaN(d) ? 0 : d;
    }

    /**
     * Switches a mature profile on. The expectation changes meaning, so the residual model and the
     * measured errors of the old one no longer apply: they restart (the forecaster is briefly not ready).
     */
    private void activateIfMature(int i, long t) {
        if (profiles[i].mature(t)) {
            profiles[i].active = true;
            method = null;
            for (int k = 0; k < anchors.length; k++) {
                regressions[k].reset();
                errors[k].reset();
                pending[k].clear();
            }
        }
    }

    /** Whether the band at anchor {@code k} comes from measured errors. */
    /** Largest scaled error a band learns from: an error a thousand times the series' scale is a regime change. */
    private static final double MAX_SCALED_ERROR = 1e3;

    private boolean empirical(int k) {
        return errors[k].count >= MIN_ERRORS;
    }

    private void resolvePending(long t, double y) {
        long tolerance = stepMillis / 2;
        for (int k = 0; k < anchors.length; k++) {
            PendingForecasts p = pending[k];
            while (p.size > 0) {
                int i = p.first();
                if (p.target[i] < t - tolerance) {
                    p.pop(); // its target fell in a gap: nothing to compare with
                } else if (p.target[i] <= t + tolerance) {
                    regressions[k].add(p.residual[i], p.smoothedResidual[i], y - p.seasonal[i]);
                    double err = y - p.point[i];
                    if (!Double.isNaN(p.lower[i])) {
                        errors[k].adapt(y < p.lower[i] || y > p.upper[i]);
                    }
                    // A series that sat at zero has a scale near Double.MIN_NORMAL: its first burst would give an
                    // infinite scaled error and a NaN band, so scaled errors are bounded and non-finite ones skipped.
                    double scaled = err / p.scale[i];
                    if (Double.isFinite(scaled)) {
                        errors[k].add(Math.clamp(scaled, -MAX_SCALED_ERROR, MAX_SCALED_ERROR), Math.abs(err),
                                Math.abs(y - p.lastValue[i]));
                    }
                    p.pop();
                } else {
                    break;
                }
            }
        }
    }

    private void issueForecasts(long t) {
        long bucket = Math.floorDiv(t, stepMillis);
        if (bucket == lastIssueBucket) {
            return;
        }
        lastIssueBucket = bucket;
        for (int k = 0; k < anchors.length; k++) {
            long target = t + anchors[k];
            double s = seasonal(target);
            ResidualRegression reg = regressions[k];
            double point = s + reg.b1 * residual + reg.b2 * smoothedResidual;
            double scale = scale(s);
            double lower = Double.NaN;
            double upper = Double.NaN;
            if (empirical(k)) {
                double tail = errors[k].miss / 2;
                lower = point + scale * errors[k].quantile(tail);
                upper = point + scale * errors[k].quantile(1 - tail);
            }
            if (options.nonNegative()) {
                point = Math.max(0, point);
                if (empirical(k)) {
                    lower = Math.max(0, lower);
                }
            }
            if (empirical(k)) {
                lower = Math.min(lower, point);
                upper = Math.max(upper, point);
            }
            pending[k].push(target, s, residual, smoothedResidual, point, lastValue, scale, lower, upper);
        }
    }

    private double scale(double expected) {
        return Math.abs(expected) + SCALE_FLOOR * meanMagnitude + Double.MIN_NORMAL;
    }

    private double smoothing(long dt, double steps) {
        // StrictMath: bit-identical on every JVM, so persisted state and results reproduce across machines.
        return 1 - StrictMath.exp(-dt / (steps * stepMillis));
    }

    /** Index of the largest anchor not above {@code h} (0 when h is below the first). */
    private int anchorBelow(long h) {
        int k = 0;
        while (k + 1 < anchors.length && anchors[k + 1] <= h) {
            k++;
        }
        return k;
    }

    private double weight(long h, int lo, int hi) {
        if (lo == hi || h <= anchors[lo]) {
            return 0;
        }
        return Math.min(1.0, (double) (h - anchors[lo]) / (anchors[hi] - anchors[lo]));
    }

    private static double lerp(double a, double b, double w) {
        if (w == 0) {
            return a;
        }
        return a + w * (b - a);
    }
}
