package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Scaling settings of a MicroService. */
@ValidationRule(value = ReplicaRules.SLO_UNLESS_FIXED, message = ReplicaRules.SLO_UNLESS_FIXED_MESSAGE)
public class MicroServiceScaling extends ScalingSpec {

    @JsonPropertyDescription("The objective the scaler keeps; required unless mode is Fixed.")
    private MicroServiceSlo slo;

    public MicroServiceSlo getSlo() {
        return slo;
    }

    public void setSlo(MicroServiceSlo slo) {
        this.slo = slo;
    }
}
