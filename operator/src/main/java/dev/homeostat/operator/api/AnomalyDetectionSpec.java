package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Switch for the operator's anomaly detection on this app's telemetry. */
public class AnomalyDetectionSpec {

    @JsonPropertyDescription("Whether the operator runs anomaly detection on this app's telemetry and reports findings in conditions.")
    @Default("true")
    private Boolean enabled = Boolean.TRUE;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
