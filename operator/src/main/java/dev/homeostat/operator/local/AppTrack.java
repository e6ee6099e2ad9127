package dev.homeostat.operator.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Everything a local run records about one app: its time series and the counts the summary reports. */
public final class AppTrack {

    private static final int MAX_POINTS = 7200;

    final String namespace;
    final String name;
    final String kind;
    final List<String> inputTopics;
    final String consumerGroup;
    final double sloLagSeconds;
    private final ArrayDeque<AppPoint> points = new ArrayDeque<>();
    private final Map<String, Long> decisionsFromStatus = new LinkedHashMap<>();
    private final List<RunSummary.Anomaly> anomalies = new ArrayList<>();
    private int scaleUps;
    private int scaleDowns;
    private double sloMissSeconds;
    private double replicaSeconds;
    private Integer lastDesired;
    private String lastDecisionTime;
    private boolean anomalyActive;
    private final List<String> oomWarnings = new ArrayList<>();
    private boolean oomActive;
    private volatile double timeToOomSeconds = Double.NaN;

    AppTrack(String namespace, String name, String kind, List<String> inputTopics, String consumerGroup, double sloLagSeconds) {
        this.namespace = namespace;
        this.name = name;
        this.kind = kind;
        this.inputTopics = List.copyOf(inputTopics);
        this.consumerGroup = consumerGroup;
        this.sloLagSeconds = sloLagSeconds;
    }

    /** Adds a point covering {@code seconds} of the run and counts replica-seconds and SLO misses over it. */
    synchronized void add(AppPoint point, double seconds, double lagSeconds) {
        points.addLast(point);
        if (points.size() > MAX_POINTS) {
            points.removeFirst();
        }
        replicaSeconds += point.ready() * seconds;
        if (!Double.isNaN(lagSeconds) && sloLagSeconds > 0 && lagSeconds > sloLagSeconds) {
            sloMissSeconds += seconds;
        }
        // 0 means "no replica count yet" (before the first reconcile), not a scale-down target.
        if (point.desired() > 0) {
            if (lastDesired != null && point.desired() > lastDesired) {
                scaleUps++;
            } else if (lastDesired != null && point.desired() < lastDesired) {
                scaleDowns++;
            }
            lastDesired = point.desired();
        }
    }

    /** Counts a status.lastDecision the first time it is seen. */
    synchronized void decision(String time, String reason) {
        if (time != null && !Objects.equals(time, lastDecisionTime)) {
            lastDecisionTime = time;
            decisionsFromStatus.merge(reason == null ? "unspecified" : reason, 1L, Long::sum);
        }
    }

    /** Follows the AnomalyDetected condition; a transition to True is one anomaly, with its signal and reason. */
    synchronized void anomalyCondition(boolean active, String reason, String message, String since) {
        if (active && !anomalyActive) {
            anomalies.add(RunSummary.Anomaly.of(reason, message, since));
        }
        anomalyActive = active;
    }

    /** Follows the OutOfMemoryPredicted condition; a transition to True is one warning, described by its message. */
    synchronized void oomCondition(boolean active, String description) {
        if (active && !oomActive) {
            oomWarnings.add(description);
        }
        oomActive = active;
    }

    /** The operator's latest predicted time to out-of-memory (homeostat_time_to_oom_seconds), NaN without a trend. */
    void timeToOom(double seconds) {
        timeToOomSeconds = seconds;
    }

    double timeToOomSeconds() {
        return timeToOomSeconds;
    }

    synchronized List<String> oomWarnings() {
        return List.copyOf(oomWarnings);
    }

    synchronized List<AppPoint> points() {
        return List.copyOf(points);
    }

    synchronized AppPoint last() {
        return points.peekLast();
    }

    synchronized Map<String, Long> decisionsFromStatus() {
        return Map.copyOf(decisionsFromStatus);
    }

    synchronized List<RunSummary.Anomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    synchronized int scaleUps() {
        return scaleUps;
    }

    synchronized int scaleDowns() {
        return scaleDowns;
    }

    synchronized double sloMissSeconds() {
        return sloMissSeconds;
    }

    synchronized double replicaSeconds() {
        return replicaSeconds;
    }

    String key() {
        return namespace + "/" + name;
    }
}
