package dev.homeostat.operator.telemetry;

import dev.homeostat.ml.telemetry.Sample;
import dev.homeostat.operator.HomeostatConfig;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The operator's {@link TelemetryCollector}: runs every {@link TelemetrySource} that applies to an app, each under
 * a deadline, and merges their signals into one {@link TelemetryReading}. Where two sources measure the same signal
 * the first in {@link #PREFERENCE} wins (pods for what the app counts itself, Kafka for lag and arrivals). A source
 * that fails, throws or misses its deadline is reported in its {@link SourceHealth} with the reason and a count of
 * consecutive failed rounds; it never fails the stage and never blocks the caller.
 */
@ApplicationScoped
public class CompositeTelemetryCollector implements TelemetryCollector {

    /** Order in which sources are trusted for a signal both measure. */
    static final List<String> PREFERENCE = List.of("pods", "kafka", "prometheus");

    private static final Logger LOG = Logger.getLogger(CompositeTelemetryCollector.class);

    private final List<TelemetrySource> sources;
    private final Duration sourceTimeout;
    private final Map<String, Map<String, Integer>> failures = new ConcurrentHashMap<>();

    @Inject
    public CompositeTelemetryCollector(@All List<TelemetrySource> sources, HomeostatConfig config) {
        this(sources, config.telemetry().sourceTimeout());
    }

    /** For tests and benchmarks that assemble their own sources. */
    public CompositeTelemetryCollector(List<TelemetrySource> sources, Duration sourceTimeout) {
        var ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparingInt(CompositeTelemetryCollector::rank));
        this.sources = List.copyOf(ordered);
        this.sourceTimeout = sourceTimeout;
    }

    private static int rank(TelemetrySource source) {
        int index = PREFERENCE.indexOf(source.name());
        return index < 0 ? PREFERENCE.size() : index;
    }

    @Override
    public CompletionStage<TelemetryReading> collect(ScrapeTarget target, Instant now) {
        var applicable = sources.stream().filter(s -> s.appliesTo(target)).toList();
        List<CompletableFuture<SourceResult>> results = applicable.stream().map(s -> guarded(s, target, now)).toList();
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> merge(target, now, applicable, results.stream().map(CompletableFuture::join).toList()));
    }

    /** The source's stage, with its deadline and exceptions turned into a failed result. */
    private CompletableFuture<SourceResult> guarded(TelemetrySource source, ScrapeTarget target, Instant now) {
        CompletableFuture<SourceResult> stage;
        try {
            stage = source.collect(target, now).toCompletableFuture().copy();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.orTimeout(sourceTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> SourceResult.failed(describe(e)));
    }

    private String describe(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return "no answer within " + sourceTimeout.toMillis() + " ms";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private TelemetryReading merge(ScrapeTarget target, Instant now, List<TelemetrySource> applicable,
                                   List<SourceResult> results) {
        Signals merged = Signals.NONE;
        var health = new ArrayList<SourceHealth>();
        var counts = failures.computeIfAbsent(target.key(), k -> new ConcurrentHashMap<>());
        for (int i = 0; i < applicable.size(); i++) {
            String name = applicable.get(i).name();
            SourceResult result = results.get(i);
            merged = merged.orElse(result.signals());
            int failed = result.ok() ? 0 : counts.merge(name, 1, Integer::sum);
            if (result.ok()) {
                counts.remove(name);
            } else {
                LOG.debugf("telemetry source %s for %s: %s (%d in a row)", name, target.key(), result.reason(), failed);
            }
            health.add(new SourceHealth(name, result.ok(), result.reason(), failed));
        }
        Sample sample = Sample.at(now.toEpochMilli())
                .arrivalRate(merged.arrivalRate())
                .processedRate(merged.processedRate())
                .lagRecords(merged.lagRecords())
                .lagSeconds(merged.lagSeconds())
                .cpu(merged.cpuCores())
                .memory(merged.heapUsedBytes())
                .busyFraction(merged.busyFraction())
                .errors(merged.errorsRate())
                .readyReplicas(merged.readyPods())
                .build();
        int partitions = Double.isNaN(merged.partitions()) ? 0 : (int) merged.partitions();
        long restarts = Double.isNaN(merged.restarts()) ? 0 : (long) merged.restarts();
        return new TelemetryReading(sample, partitions, merged.maxPartitionLagRecords(), merged.heapUsedBytes(),
                merged.heapMaxBytes(), restarts, health, merged.recordsOutRate(), merged.processingSeconds());
    }

    @Override
    public void forget(ScrapeTarget target) {
        failures.remove(target.key());
        for (TelemetrySource source : sources) {
            try {
                source.forget(target);
            } catch (RuntimeException e) {
                LOG.warnf(e, "telemetry source %s could not forget %s", source.name(), target.key());
            }
        }
    }
}
