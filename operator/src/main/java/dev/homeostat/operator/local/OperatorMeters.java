package dev.homeostat.operator.local;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the operator's own per-app meters (docs/telemetry.md) from its Micrometer registry, so the live view shows
 * exactly what Prometheus would scrape from {@code /q/metrics}.
 */
public final class OperatorMeters {

    private final MeterRegistry registry;

    public OperatorMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A gauge of one app (e.g. homeostat.forecast.arrival.rate), NaN when the operator has not registered it. */
    public double gauge(String name, String namespace, String app) {
        Gauge gauge = registry.find(name).tag("app_namespace", namespace).tag("app", app).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    /** The highest value of a gauge over one tag's values (e.g. anomaly score over signals); NaN when absent. */
    public double maxGauge(String name, String namespace, String app) {
        return registry.find(name).tag("app_namespace", namespace).tag("app", app).gauges().stream()
                .mapToDouble(Gauge::value).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    /** Counter totals of one app by the values of {@code tag} (e.g. decisions by term). */
    public Map<String, Long> countersBy(String name, String tag, String namespace, String app) {
        var result = new TreeMap<String, Long>();
        for (Counter counter : registry.find(name).tag("app_namespace", namespace).tag("app", app).counters()) {
            String value = counter.getId().getTag(tag);
            result.merge(value == null ? "-" : value, Math.round(counter.count()), Long::sum);
        }
        return result;
    }
}
