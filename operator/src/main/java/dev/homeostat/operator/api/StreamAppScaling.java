package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Scaling settings of a StreamApp. */
@ValidationRule(value = ReplicaRules.SLO_UNLESS_FIXED, message = ReplicaRules.SLO_UNLESS_FIXED_MESSAGE)
public class StreamAppScaling extends ScalingSpec {

    @JsonPropertyDescription("The objective the scaler keeps; required unless mode is Fixed.")
    private StreamAppSlo slo;

    public StreamAppSlo getSlo() {
        return slo;
    }

    public void setSlo(StreamAppSlo slo) {
        this.slo = slo;
    }
}
