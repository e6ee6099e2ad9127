package dev.homeostat.operator.telemetry.pods;

import java.util.Map;

/**
 * One line of Prometheus text: a series name, its labels and its value.
 *
 * @param name   metric name as written (e.g. {@code homeostat_processing_seconds_sum})
 * @param labels label names to unescaped values
 * @param value  the value; may be NaN or infinite as the format allows, callers decide
 */
public record MetricSample(String name, Map<String, String> labels, double value) {

    /** Copies the labels. */
    public MetricSample {
        labels = Map.copyOf(labels);
    }

    /** The label's value, or null. */
    public String label(String key) {
        return labels.get(key);
    }
}
