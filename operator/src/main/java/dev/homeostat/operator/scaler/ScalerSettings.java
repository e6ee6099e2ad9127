package dev.homeostat.operator.scaler;

import dev.homeostat.ml.forecast.SeasonalForecaster;
import dev.homeostat.ml.policy.Mode;
import dev.homeostat.ml.policy.ScalingPolicy;
import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.ScalingSpec;
import java.time.Duration;

/**
 * The one place that turns a workload's scaling spec and the operator's settings into {@code ops-ml} options.
 * It uses only the public factories and withers of {@link ScalingPolicy.Options} and
 * {@link SeasonalForecaster.Options}, so the brain's internals may change without touching the operator.
 */
public final class ScalerSettings {

    private final Duration interval;
    private final Duration readyDelay;
    private final Duration rebalance;
    private final int forecastMinSamples;

    /** Settings with the given telemetry interval and app timings. */
    public ScalerSettings(Duration interval, Duration readyDelay, Duration rebalance, int forecastMinSamples) {
        this.interval = interval;
        this.readyDelay = readyDelay;
        this.rebalance = rebalance;
        this.forecastMinSamples = forecastMinSamples;
    }

    /** Settings from the operator's configuration. */
    public static ScalerSettings of(HomeostatConfig config) {
        return new ScalerSettings(config.telemetry().interval(), config.scaler().readyDelay(),
                config.scaler().rebalance(), config.scaler().forecastMinSamples());
    }

    /** The telemetry interval. */
    public Duration interval() {
        return interval;
    }

    /**
     * Policy options: horizon and utilisation from {@link ScalingPolicy.Options#forScaling} (ready delay, one
     * interval of evaluation period and one of telemetry delay, the rebalance pause), the spec's stabilization
     * window (at least one interval), at least two intervals between a change and a scale-down, and the mode.
     */
    public ScalingPolicy.Options policy(ScalingSpec scaling) {
        ScalingPolicy.Options options = ScalingPolicy.Options.forScaling(readyDelay, interval, interval, rebalance);
        Integer seconds = scaling.getStabilizationWindowSeconds();
        Duration window = seconds == null ? options.scaleDownWindow() : Duration.ofSeconds(seconds);
        if (window.compareTo(interval) < 0) {
            window = interval;
        }
        options = options.withScaleDown(window, interval.multipliedBy(2));
        return options.withMode(scaling.effectiveMode() == ScalingMode.Predictive ? Mode.PREDICTIVE : Mode.REACTIVE);
    }

    /** Forecaster options: one step per interval, the policy's horizon, ready after {@code forecastMinSamples} steps. */
    public SeasonalForecaster.Options forecaster() {
        Duration horizon = ScalingPolicy.Options.forScaling(readyDelay, interval, interval, rebalance).horizon();
        return SeasonalForecaster.Options.of(interval, horizon)
                .withMinHistory(interval.multipliedBy(forecastMinSamples));
    }
}
