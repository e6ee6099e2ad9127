package dev.homeostat.operator.scaler;

import dev.homeostat.ml.capacity.Capacity;
import dev.homeostat.ml.policy.Decision;
import dev.homeostat.operator.model.ScalerFindings;
import java.time.Duration;
import java.util.Locale;

/** Puts one evaluation into the words the status conditions show. */
final class StatusWords {

    /** The AnomalyDetected reason when records fail (dead-lettered): a cause more replicas cannot fix. */
    static final String POISON_RECORDS = "PoisonRecords";

    private StatusWords() {
    }

    /** The status view of {@code e}. */
    static ScalerFindings.Latest latest(Evaluation e, double anomalyThreshold, Duration oomWarning, int forecastMinSamples) {
        String term = e.decision().map(ScalerLoop::termName).orElse("Fixed");
        String message = e.decision().map(d -> d.reason().message()).orElse("");
        boolean ready = e.forecasterReady() && trusted(e.capacity());
        String anomalyReason = "";
        String anomalyMessage = "";
        if (e.anomaly().filter(AnomalyWatch.Finding::failingRecords).isPresent()) {
            var f = e.anomaly().get();
            anomalyReason = POISON_RECORDS;
            anomalyMessage = String.format(Locale.ROOT, "signal %s scored %.4f (threshold %.2f) since %s: %s. "
                    + "Scaling will not help: failing records (poison messages sent to the dead-letter topic, or "
                    + "writes a downstream refuses) are not a lack of replicas, so replicas are not added for them; "
                    + "inspect the app's dead-letter topic and log", f.signal(), f.score(), AnomalyWatch.FAILURE_THRESHOLD, f.since(),
                    f.detail());
        } else if (e.scalingWillNotHelp()) {
            Decision d = e.decision().orElseThrow();
            anomalyReason = "ScalingWillNotHelp";
            anomalyMessage = d.reason().detail();
        } else if (e.anomaly().isPresent()) {
            var f = e.anomaly().get();
            anomalyReason = "SignalAnomaly";
            anomalyMessage = String.format(Locale.ROOT, "signal %s scored %.3f (threshold %.2f) since %s", f.signal(),
                    f.score(), anomalyThreshold, f.since());
        }
        String oom = "";
        double ttl = e.timeToOomSeconds();
        if (Double.isFinite(ttl) && ttl <= oomWarning.toSeconds()) {
            oom = String.format(Locale.ROOT, "at the current heap growth the heap reaches its limit in about %.0f s "
                    + "(warning from %d s): restart or raise the memory limit before then", ttl, oomWarning.toSeconds());
        }
        return new ScalerFindings.Latest(term, message, e.missing(), ready,
                quality(e, forecastMinSamples), anomalyReason, anomalyMessage, oom);
    }

    private static boolean trusted(Capacity c) {
        return c.known() && c.confidence() >= 0.3;
    }

    /** The models' measured quality, or how far their training has come. */
    private static String quality(Evaluation e, int forecastMinSamples) {
        StringBuilder out = new StringBuilder();
        var forecast = e.forecast();
        if (e.forecasterReady() && forecast.isPresent() && !Double.isNaN(forecast.get().relativeError())) {
            out.append(String.format(Locale.ROOT, "forecast (%s) error %.2f× the naive forecast's over the horizon",
                    forecast.get().method(), forecast.get().relativeError()));
        } else {
            out.append(String.format(Locale.ROOT, "forecaster training: %d of at least %d samples", e.samples(),
                    forecastMinSamples));
        }
        Capacity c = e.capacity();
        if (c.known()) {
            out.append(String.format(Locale.ROOT, "; capacity %.1f/s per replica (confidence %.2f, %d samples)",
                    c.perReplicaRate(), c.confidence(), c.samples()));
        } else {
            out.append("; capacity not learned yet (needs busy replicas)");
        }
        return out.toString();
    }
}
