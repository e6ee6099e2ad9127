package dev.homeostat.operator.telemetry;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * One place telemetry comes from (pods, Kafka, a Prometheus server), KEDA-scaler style: a new source is a new class.
 * The {@link CompositeTelemetryCollector} runs every source that {@link #appliesTo applies}, bounds it with a
 * deadline and keeps its health record.
 */
public interface TelemetrySource {

    /** Short name used in {@link SourceHealth#source()} and metrics tags, e.g. {@code pods}. */
    String name();

    /** Whether this source has anything to say about {@code target} (e.g. Kafka only for consumer groups). */
    boolean appliesTo(ScrapeTarget target);

    /**
     * Measures what this source can for {@code target} at {@code now}. Must not block the caller; a failure is a
     * {@link SourceResult#failed} result (exceptions are turned into one by the collector as well).
     */
    CompletionStage<SourceResult> collect(ScrapeTarget target, Instant now);

    /** Drops per-app state (baselines, shared clients) for an app that is gone. */
    void forget(ScrapeTarget target);
}
