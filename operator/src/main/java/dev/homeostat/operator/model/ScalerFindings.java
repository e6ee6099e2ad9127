package dev.homeostat.operator.model;

import dev.homeostat.operator.api.ScalingDecision;
import java.util.Optional;

/**
 * What the scaler loop says about one app, in the words the status shows (the status model stays free of
 * scaler types).
 *
 * @param running    whether the scaler loop runs in this operator
 * @param lastChange the latest decision that changed (or in shadow mode would have changed) the replicas
 * @param latest     the latest evaluation, empty until the loop evaluated the app
 */
public record ScalerFindings(boolean running, Optional<ScalingDecision> lastChange, Optional<Latest> latest) {

    /** No scaler in this operator. */
    public static final ScalerFindings NONE = new ScalerFindings(false, Optional.empty(), Optional.empty());

    /**
     * The latest evaluation.
     *
     * @param term           the winning term or guardrail, PascalCase (e.g. LagDrain, Hold)
     * @param message        the policy's explanation; empty in Fixed mode
     * @param missing        why telemetry is missing or incomplete; empty when complete
     * @param modelReady     whether the forecaster and the capacity estimate are trusted
     * @param modelQuality   the models' measured quality (or training progress) in words
     * @param anomalyReason  PoisonRecords, ScalingWillNotHelp or SignalAnomaly when an anomaly is flagged, else empty
     * @param anomalyMessage what is anomalous: the signal, its score and since when, or why scaling will not help
     * @param oomMessage     a time-to-out-of-memory warning, empty when none is due
     */
    public record Latest(String term, String message, String missing, boolean modelReady, String modelQuality,
                         String anomalyReason, String anomalyMessage, String oomMessage) {
    }
}
