package dev.homeostat.operator.telemetry;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Collects one reading per app per round from every enabled source. Never blocks the caller: sources run with
 * bounded concurrency and timeouts, and a failed or slow source completes the stage with that source marked missing.
 */
public interface TelemetryCollector {

    /** Starts one collection round for {@code target} at {@code now}. */
    CompletionStage<TelemetryReading> collect(ScrapeTarget target, Instant now);

    /** Drops per-app state (counter baselines, shared clients no app uses any more) for an app that was deleted. */
    void forget(ScrapeTarget target);
}
