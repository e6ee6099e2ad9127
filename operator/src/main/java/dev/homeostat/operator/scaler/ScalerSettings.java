package dev.homeostat.operator.scaler;

import dev.homeostat.ml.anomaly.EnsembleDetector;
import dev.homeostat.ml.forecast.SeasonalForecaster;
import dev.homeostat.ml.maintenance.OomPredictor;
import dev.homeostat.ml.policy.Mode;
import dev.homeostat.ml.policy.ScalingPolicy;
import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.ScalingSpec;
import java.time.Duration;

/**
 * The one place that turns a workload's scaling spec and the operator's settings into {@code ops-ml} options.
 * It uses only the public factories and withers of {@link ScalingPolicy.Options} and
 * {@link SeasonalForecaster.Options}, the full constructor of {@link EnsembleDetector.Options} (and the defaults of
 * {@link OomPredictor.Options}), so the brain's internals may change without touching the operator.
 */
public final class ScalerSettings {

    private final Duration interval;
    private final Duration readyDelay;
    private final int forecastMinSamples;

    /** Settings with the given telemetry interval and app timings. */
    public ScalerSettings(Duration interval, Duration readyDelay, int forecastMinSamples) {
        this.interval = interval;
        this.readyDelay = readyDelay;
        this.forecastMinSamples = forecastMinSamples;
    }

    /** Settings from the operator's configuration. */
    public static ScalerSettings of(HomeostatConfig config) {
        return new ScalerSettings(config.telemetry().interval(), config.scaler().readyDelay(),
                config.scaler().forecastMinSamples());
    }

    /** The telemetry interval. */
    public Duration interval() {
        return interval;
    }

    /**
     * Policy options: horizon and utilisation from {@link ScalingPolicy.Options#forScaling} (ready delay, one
     * interval of evaluation period and one of telemetry delay), the spec's stabilization window (by default one
     * interval in predictive mode, whose forecast covers the horizon ahead, and the horizon in reactive mode; at
     * least one interval), one interval (predictive, as {@code forScaling} gives) or two (reactive) between a
     * change and a scale-down, and the mode.
     */
    public ScalingPolicy.Options policy(ScalingSpec scaling) {
        ScalingPolicy.Options options = ScalingPolicy.Options.forScaling(readyDelay, interval, interval);
        boolean predictive = scaling.effectiveMode() == ScalingMode.Predictive;
        Integer seconds = scaling.getStabilizationWindowSeconds();
        // The reactive rule does not look ahead, so by default it keeps what it asked for over one horizon.
        Duration byDefault = predictive ? options.scaleDownWindow() : options.horizon();
        Duration window = seconds == null ? byDefault : Duration.ofSeconds(seconds);
        if (window.compareTo(interval) < 0) {
            window = interval;
        }
        options = options.withScaleDown(window, predictive ? options.minChangeInterval() : interval.multipliedBy(2));
        return options.withMode(predictive ? Mode.PREDICTIVE : Mode.REACTIVE);
    }

    /**
     * Time-to-OOM predictor options: {@link OomPredictor.Options#defaults()} (30 min window of 1 min lows at a 15 s
     * interval) scaled to the interval, i.e. a window of 120 intervals and a bucket of 4.
     */
    public OomPredictor.Options oomPredictor() {
        OomPredictor.Options d = OomPredictor.Options.defaults();
        return new OomPredictor.Options(interval.toMillis() * 120, interval.toMillis() * 4, d.minBuckets(),
                d.minGrowthFraction(), d.minConfidence());
    }

    /**
     * Forecaster options: one step per interval, the policy's horizon, the band coverage the policy is tuned for
     * ({@link ScalingPolicy.Options#FORECAST_COVERAGE}), ready after {@code forecastMinSamples} steps.
     */
    public SeasonalForecaster.Options forecaster() {
        Duration horizon = ScalingPolicy.Options.forScaling(readyDelay, interval, interval).horizon();
        return SeasonalForecaster.Options.of(interval, horizon)
                .withCoverage(ScalingPolicy.Options.FORECAST_COVERAGE)
                .withMinHistory(interval.multipliedBy(forecastMinSamples));
    }

    /**
     * Anomaly detector options for one signal: the main detector's channels, warm-up and alarm rules, with its
     * windows sized for hundreds of apps in one operator. The NAB defaults (2000 calibration surprises, 1000 past
     * context windows) are sized for one long series; here the context windows cover
     * {@value #DETECTOR_CONTEXT_SAMPLES} samples (16 min at 15 s), the difference window as many, and each channel's
     * calibration the last {@value #DETECTOR_CALIBRATION_SAMPLES} surprises (30 min at 15 s); the normalisation window
     * follows the context history. About 28 KB per detector, measured by {@code ops-ml}'s {@code DetectorMemory}.
     */
    public EnsembleDetector.Options detector(long seed) {
        return EnsembleDetector.Options.builder(seed).differenceWindow(DETECTOR_CONTEXT_SAMPLES)
                .contextHistory(DETECTOR_CONTEXT_SAMPLES).calibrationWindow(DETECTOR_CALIBRATION_SAMPLES).build();
    }

    /** Past values the detectors' context channels search (must exceed 8 values × 6-sample blocks + stride). */
    static final int DETECTOR_CONTEXT_SAMPLES = 64;
    /** Raw surprises each detector channel calibrates against. */
    static final int DETECTOR_CALIBRATION_SAMPLES = 120;
}
