package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Probe;

/** Overrides of the health probes the operator gives the app container; an unset probe keeps the default. */
public class ProbesSpec {

    @JsonPropertyDescription("Liveness probe of the app container (same schema as a container's livenessProbe)."
            + " Defaults to HTTP GET /q/health/live on the metrics port.")
    private Probe liveness;

    @JsonPropertyDescription("Readiness probe of the app container (same schema as a container's readinessProbe)."
            + " Defaults to HTTP GET /q/health/ready on the metrics port.")
    private Probe readiness;

    public Probe getLiveness() {
        return liveness;
    }

    public void setLiveness(Probe liveness) {
        this.liveness = liveness;
    }

    public Probe getReadiness() {
        return readiness;
    }

    public void setReadiness(Probe readiness) {
        this.readiness = readiness;
    }
}
