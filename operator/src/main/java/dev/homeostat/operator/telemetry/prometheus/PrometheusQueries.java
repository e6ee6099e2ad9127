package dev.homeostat.operator.telemetry.prometheus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The PromQL that reads one app's signals from a Prometheus server, the same metrics and arithmetic as the pod
 * source (names per {@code docs/telemetry.md}). All signals go in one instant query, each expression tagged with a
 * {@code homeostat_signal} label through {@code label_replace}, so one app costs one HTTP request per round.
 */
final class PrometheusQueries {

    static final String SIGNAL_LABEL = "homeostat_signal";

    private PrometheusQueries() {
    }

    /** Signal name to PromQL expression, for the series {@code selector} picks. */
    static Map<String, String> expressions(String selector, String window) {
        String s = selector;
        String w = "[" + window + "]";
        var expressions = new LinkedHashMap<String, String>();
        expressions.put("processedRate", "sum(rate(homeostat_records_in_total{" + s + "}" + w + "))");
        expressions.put("recordsOutRate", "sum(rate(homeostat_records_out_total{" + s + "}" + w + "))");
        expressions.put("errorsRate", "sum(rate(homeostat_errors_total{" + s + "}" + w + "))");
        expressions.put("busyFraction", "avg(clamp(homeostat_busy_ratio{" + s + "}, 0, 1))");
        expressions.put("processingSeconds", "sum(rate(homeostat_processing_seconds_sum{" + s + "}" + w + "))"
                + " / sum(rate(homeostat_records_in_total{" + s + "}" + w + "))");
        expressions.put("heapUsedBytes", "sum(jvm_memory_used_bytes{" + s + ",area=\"heap\"})");
        // G1's young pools report max -1: only pools with a max carry the limit
        expressions.put("heapMaxBytes", "sum(jvm_memory_max_bytes{" + s + ",area=\"heap\"} >= 0)");
        expressions.put("cpuCores", "sum(process_cpu_usage{" + s + "} * system_cpu_count{" + s + "})");
        expressions.put("lagRecords", "sum(homeostat_consumer_lag{" + s + "})");
        expressions.put("maxPartitionLagRecords", "max(homeostat_consumer_lag{" + s + "})");
        return expressions;
    }

    /** One query returning every signal as a series labelled {@value #SIGNAL_LABEL}. */
    static String combined(String selector, String window) {
        return expressions(selector, window).entrySet().stream()
                .map(e -> "label_replace(" + e.getValue() + ", \"" + SIGNAL_LABEL + "\", \"" + e.getKey() + "\", \"\", \"\")")
                .collect(Collectors.joining(" or "));
    }

    /** The configured selector template with {@code {namespace}} and {@code {name}} filled in (quotes escaped). */
    static String selector(String template, String namespace, String name) {
        return template.replace("{namespace}", escape(namespace)).replace("{name}", escape(name));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
