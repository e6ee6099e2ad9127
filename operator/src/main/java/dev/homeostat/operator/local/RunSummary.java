package dev.homeostat.operator.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a local run did, per app and in total: printed at the end and written as JSON with --summary-json.
 *
 * @param durationSeconds   wall time from the first sample to the end
 * @param trace             the load trace replayed
 * @param compress          its time compression
 * @param injected          the faults injected, with what each did
 * @param apps              per app
 * @param recordsProduced   records written to the stream apps' input topics
 * @param recordsProcessed  records the stream apps' consumer groups committed
 * @param recordsLost       records produced but never committed after the final drain (must be 0)
 * @param deadLetterRecords records in dead-letter topics
 * @param processesStarted  app processes started (restarts included)
 * @param processesLeft     of those, still alive after the run (must be 0)
 */
public record RunSummary(double durationSeconds, String trace, double compress, List<String> injected, List<App> apps,
        long recordsProduced, long recordsProcessed, long recordsLost, long deadLetterRecords,
        int processesStarted, int processesLeft) {

    /**
     * One app's run.
     *
     * @param decisions        decisions by reason (the operator's decision counter by term, else status.lastDecision sources)
     * @param anomalies        anomalies raised (each transition of AnomalyDetected to True), each with its signal
     * @param sloMissSeconds   seconds the app's lag exceeded its SLO
     * @param replicaSeconds   ready replicas integrated over time
     * @param restarts         container restarts (crashes and injected kills)
     * @param oomWarnings      out-of-memory warnings raised (OutOfMemoryPredicted), each with the predicted time left
     */
    public record App(String name, String kind, Map<String, Long> decisions, int scaleUps, int scaleDowns,
            List<Anomaly> anomalies, double sloMissSeconds, double replicaSeconds, int maxReplicas, int restarts,
            long recordsProduced, long recordsProcessed, long recordsLost, List<String> oomWarnings) {
    }

    /**
     * One anomaly the operator raised on an app: its AnomalyDetected condition turning True.
     *
     * @param signal  the signal that was anomalous (e.g. arrival_rate, error_rate; lag for ScalingWillNotHelp)
     * @param reason  the condition's reason (SignalAnomaly, ScalingWillNotHelp, …)
     * @param message the condition's message
     * @param time    when it turned True (the condition's lastTransitionTime)
     */
    public record Anomaly(String signal, String reason, String message, String time) {

        private static final Pattern SIGNAL = Pattern.compile("\\bsignal (\\S+) scored");

        /** From the condition: the signal its message names; lag when scaling will not help (lag grew while replicas idled). */
        public static Anomaly of(String reason, String message, String time) {
            String text = message == null ? "" : message;
            Matcher named = SIGNAL.matcher(text);
            String signal = named.find() ? named.group(1)
                    : "ScalingWillNotHelp".equals(reason) ? "lag" : "unspecified";
            return new Anomaly(signal, reason, text, time);
        }

        /** One line for the console and the web page. */
        public String describe() {
            return signal + " (" + reason + "): " + message;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the summary as JSON. */
    public void writeJson(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The summary as the console prints it. */
    public String render() {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Local run summary: %.0f s, trace %s ×%.0f%s%n", durationSeconds, trace, compress,
                injected.isEmpty() ? "" : ", injected " + String.join("; ", injected)));
        out.append(String.format(Locale.ROOT, "%-16s %-12s %4s %5s %8s %9s %7s %8s %9s %9s %5s  %s%n", "APP", "KIND", "UPS", "DOWNS",
                "MAX-REPL", "REPL-SEC", "SLO-MISS", "RESTARTS", "PRODUCED", "PROCESSED", "LOST", "DECISIONS / ANOMALIES"));
        for (App app : apps) {
            out.append(String.format(Locale.ROOT, "%-16s %-12s %4d %5d %8d %9.0f %7.0fs %8d %9d %9d %5d  %s%s%n", app.name(), app.kind(),
                    app.scaleUps(), app.scaleDowns(), app.maxReplicas(), app.replicaSeconds(), app.sloMissSeconds(),
                    app.restarts(), app.recordsProduced(), app.recordsProcessed(), app.recordsLost(), app.decisions(),
                    (app.anomalies().isEmpty() ? "" : " anomalies " + app.anomalies().stream().map(Anomaly::describe).toList())
                            + (app.oomWarnings().isEmpty() ? "" : " oom-warnings " + app.oomWarnings())));
        }
        out.append(String.format(Locale.ROOT, "records produced %d, processed %d, lost %d, dead-lettered %d; processes started %d, left running %d%n",
                recordsProduced, recordsProcessed, recordsLost, deadLetterRecords, processesStarted, processesLeft));
        return out.toString();
    }
}
