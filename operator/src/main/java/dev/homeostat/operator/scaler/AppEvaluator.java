package dev.homeostat.operator.scaler;

import dev.homeostat.ml.policy.Bounds;
import dev.homeostat.ml.policy.Decision;
import dev.homeostat.ml.policy.PastDecision;
import dev.homeostat.ml.policy.PolicyInput;
import dev.homeostat.ml.policy.ScalingPolicy;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.ScalingSpec;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.ReplicaTarget;
import dev.homeostat.operator.telemetry.SourceHealth;
import dev.homeostat.operator.telemetry.TelemetryReading;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One evaluation of one app: feed the reading to its models, ask the {@code ops-ml} policy, and apply the one
 * rule the operator adds: on missing or incomplete telemetry the count never goes down.
 */
final class AppEvaluator {

    /** The MicroService objective when none is in seconds (the policy's lag terms need one). */
    static final double DEFAULT_SLO_SECONDS = 1.0;

    private final ScalerSettings settings;

    AppEvaluator(ScalerSettings settings) {
        this.settings = settings;
    }

    /** Evaluates {@code app} with a reading (or the failure that prevented one) taken at {@code now}. */
    Evaluation evaluate(Workload app, AppModels models, TelemetryReading reading, Throwable failure, Instant now) {
        ScalingSpec scaling = app.workloadSpec().scalingSettings();
        ScalingMode mode = scaling.effectiveMode();
        String missing = missing(reading, failure);
        if (reading != null) {
            models.observe(reading);
        }
        int current = ReplicaTarget.of(app.workloadSpec());
        Integer readyStatus = app.workloadStatus() == null ? null : app.workloadStatus().getReadyReplicas();
        int ready = Math.min(current, readyStatus == null ? 0 : readyStatus);
        Optional<Decision> decision = Optional.empty();
        int to = current;
        ScalingPolicy.Options options = settings.policy(scaling);
        if (mode != ScalingMode.Fixed) {
            var spec = app.workloadSpec();
            Bounds bounds = new Bounds(spec.getMinReplicas() == null ? 1 : spec.getMinReplicas(),
                    Math.max(1, Math.max(spec.getMinReplicas() == null ? 1 : spec.getMinReplicas(),
                            spec.getMaxReplicas() == null ? 10 : spec.getMaxReplicas())));
            int partitions = reading == null ? 0 : reading.partitions();
            double maxPartitionLag = reading == null ? Double.NaN : reading.maxPartitionLagRecords();
            PolicyInput input = models.input(now, options.horizon(), ready, current - ready, bounds, slo(app),
                    partitions, maxPartitionLag);
            Decision d = ScalingPolicy.create(options).decide(input);
            to = d.desiredReplicas();
            if (!missing.isEmpty() && to < current) {
                to = current;
            }
            decision = Optional.of(d);
            boolean applied = !scaling.shadowOnly();
            PastDecision remembered = ScalingPolicy.remember(input, d);
            models.remember(new PastDecision(remembered.at(), remembered.recommended(), current, applied ? to : current));
        }
        return new Evaluation(now, mode, scaling.shadowOnly(), Optional.ofNullable(reading), missing, decision, current,
                to, models.capacity(), models.forecast(now, options.horizon()), models.forecasterReady(),
                models.historySize(), models.anomalies().finding(), models.anomalies().scores(),
                models.timeToOomSeconds(now));
    }

    /** Why telemetry is missing or incomplete, in words; empty when every source delivered. */
    static String missing(TelemetryReading reading, Throwable failure) {
        if (failure != null) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return "telemetry collection failed: " + message;
        }
        if (reading == null) {
            return "no telemetry reading";
        }
        return reading.health().stream().filter(h -> !h.ok())
                .map(h -> h.source() + ": " + h.reason() + failures(h))
                .collect(Collectors.joining("; "));
    }

    private static String failures(SourceHealth h) {
        return h.consecutiveFailures() > 1 ? " (" + h.consecutiveFailures() + " rounds in a row)" : "";
    }

    /** The app's objective in seconds: a StreamApp's maximum lag, a MicroService's p95 latency. */
    static double slo(Workload app) {
        if (app instanceof StreamApp stream && stream.getSpec().getScaling() != null
                && stream.getSpec().getScaling().getSlo() != null
                && stream.getSpec().getScaling().getSlo().getMaxLagSeconds() != null) {
            return stream.getSpec().getScaling().getSlo().getMaxLagSeconds();
        }
        if (app instanceof MicroService service && service.getSpec().getScaling() != null
                && service.getSpec().getScaling().getSlo() != null
                && service.getSpec().getScaling().getSlo().getP95LatencyMillis() != null) {
            return service.getSpec().getScaling().getSlo().getP95LatencyMillis() / 1000.0;
        }
        return DEFAULT_SLO_SECONDS;
    }
}
