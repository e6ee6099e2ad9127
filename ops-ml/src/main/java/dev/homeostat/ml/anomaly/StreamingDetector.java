package dev.homeostat.ml.anomaly;

/**
 * An online anomaly detector for one univariate series: each call scores the new sample against the
 * past only (the sample itself is learned after it is scored), in bounded time and memory.
 * Instances are stateful and not thread-safe; use one per series.
 */
public interface StreamingDetector {

    /**
     * Scores the next sample and then learns from it.
     *
     * @param timestampMillis sample time in epoch milliseconds (may repeat or step back; detectors must not fail on it)
     * @param value           the observation, finite
     * @return anomaly score in [0, 1], higher is more anomalous
     */
    double score(long timestampMillis, double value);
}
