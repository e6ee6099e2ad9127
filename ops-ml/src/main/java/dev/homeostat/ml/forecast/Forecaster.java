package dev.homeostat.ml.forecast;

/**
 * An incremental forecaster of one series (e.g. an app's arrival rate): fed observations in time
 * order, asked for forecasts at future times. Implementations are deterministic, use bounded memory,
 * and answer in microseconds. Not thread-safe: one owner feeds and asks.
 */
public interface Forecaster {

    /**
     * Feeds one observation. NaN values are gaps and are skipped; an observation not newer than the
     * last accepted one is ignored (reorder through {@link dev.homeostat.ml.telemetry.History} first).
     *
     * @return whether the observation was used
     */
    boolean observe(long epochMillis, double value);

    /** Forecast of the value at {@code targetEpochMillis}; not ready (and all NaN) before the first observation. */
    Forecast forecastAt(long targetEpochMillis);

    /**
     * The peak of the forecast over {@code [fromEpochMillis, toEpochMillis]}: the largest point, the
     * largest upper and the largest lower bound over the window (each maximised on its own). Scaling
     * uses it over the ready-delay window: capacity must cover the peak, not the average.
     */
    Forecast peak(long fromEpochMillis, long toEpochMillis);

    /** Time of the last accepted observation, {@link Long#MIN_VALUE} if none. */
    long lastObservedMillis();

    /** Number of accepted observations. */
    long observations();

    /** Whether forecasts are model-based with an empirical band (see {@link Forecast#ready()}). */
    boolean ready();

    /** The full state as versioned bytes (see {@link dev.homeostat.ml.state.ModelState}). */
    byte[] toBytes();
}
