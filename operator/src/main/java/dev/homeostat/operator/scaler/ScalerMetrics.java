package dev.homeostat.operator.scaler;

import dev.homeostat.ml.telemetry.Sample;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.telemetry.SourceHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The operator's per-app metrics (names and meaning in docs/telemetry.md), tagged {@code app_namespace},
 * {@code app} and {@code kind}. Gauges read the latest evaluation; an app's meters go when the app goes.
 */
final class ScalerMetrics {

    private final MeterRegistry registry;
    private final Map<String, AppMeters> apps = new ConcurrentHashMap<>();

    ScalerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Publishes one evaluation of {@code app}. */
    void record(Workload app, Evaluation e, double sloSeconds) {
        AppMeters meters = apps.computeIfAbsent(key(app), k -> new AppMeters(app));
        meters.update(e, sloSeconds);
        e.decision().ifPresent(d -> meters.counter("homeostat.decisions", "term", d.reason().term().name()).increment());
        e.reading().ifPresent(r -> r.health().stream().filter(h -> !h.ok()).map(SourceHealth::source)
                .forEach(source -> meters.counter("homeostat.telemetry.failures", "source", source).increment()));
        if (e.reading().isEmpty()) {
            meters.counter("homeostat.telemetry.failures", "source", "collector").increment();
        }
    }

    /** Counts an applied change of spec.replicas. */
    void applied(Workload app, boolean up) {
        AppMeters meters = apps.computeIfAbsent(key(app), k -> new AppMeters(app));
        meters.counter("homeostat.scaling.actions", "direction", up ? "up" : "down").increment();
    }

    /** Removes the meters of an app that is gone. */
    void forget(String key) {
        AppMeters meters = apps.remove(key);
        if (meters != null) {
            meters.meters.forEach(registry::remove);
        }
    }

    private static String key(Workload app) {
        return app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
    }

    /** The meters of one app and the values its gauges read. */
    private final class AppMeters {
        private final Tags tags;
        private final List<Meter> meters = new ArrayList<>();
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();
        private final Map<String, Double> anomaly = new ConcurrentHashMap<>();
        private volatile Evaluation latest;
        private volatile double slo = Double.NaN;

        AppMeters(Workload app) {
            this.tags = Tags.of("app_namespace", app.getMetadata().getNamespace(), "app", app.getMetadata().getName(),
                    "kind", app.getKind());
            gauge("homeostat.desired.replicas", e -> e.to());
            gauge("homeostat.ready.replicas", e -> sample(e, Sample::readyReplicas));
            gauge("homeostat.arrival.rate", e -> sample(e, Sample::arrivalRate));
            gauge("homeostat.processed.rate", e -> sample(e, Sample::processedRate));
            gauge("homeostat.lag.records", e -> sample(e, Sample::lagRecords));
            gauge("homeostat.lag.seconds", e -> sample(e, Sample::lagSeconds));
            meters.add(Gauge.builder("homeostat.slo.lag.seconds", this, m -> m.slo).tags(tags).register(registry));
            gauge("homeostat.forecast.arrival.rate", e -> e.forecast().map(f -> f.point()).orElse(Double.NaN));
            gauge("homeostat.forecast.replicas", e -> e.decision()
                    .map(d -> d.reason().figures().forecastReplicas()).orElse(Double.NaN));
            gauge("homeostat.capacity.per.replica", e -> e.capacity().perReplicaRate());
            gauge("homeostat.time.to.oom.seconds", Evaluation::timeToOomSeconds);
            gauge("homeostat.model.ready", e -> e.forecasterReady() && e.capacity().known() ? 1 : 0);
            for (String signal : AnomalyWatch.SIGNAL_NAMES) {
                meters.add(Gauge.builder("homeostat.anomaly.score", anomaly, m -> m.getOrDefault(signal, Double.NaN))
                        .tags(tags.and("signal", signal)).register(registry));
            }
        }

        void update(Evaluation e, double sloSeconds) {
            latest = e;
            slo = sloSeconds;
            anomaly.putAll(e.anomalyScores());
        }

        private void gauge(String name, ToDoubleFunction<Evaluation> value) {
            meters.add(Gauge.builder(name, this, m -> m.latest == null ? Double.NaN : value.applyAsDouble(m.latest))
                    .tags(tags).register(registry));
        }

        private static double sample(Evaluation e, ToDoubleFunction<Sample> field) {
            return e.reading().map(r -> field.applyAsDouble(r.sample())).orElse(Double.NaN);
        }

        Counter counter(String name, String tag, String value) {
            return counters.computeIfAbsent(name + "/" + value, k -> {
                Counter c = Counter.builder(name).tags(tags.and(tag, value)).register(registry);
                meters.add(c);
                return c;
            });
        }
    }
}
