package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** What the user wants of an HTTP service. */
@ValidationRule(value = ReplicaRules.MIN_LE_MAX, message = ReplicaRules.MIN_LE_MAX_MESSAGE)
@ValidationRule(value = ReplicaRules.REPLICAS_WITHIN_BOUNDS, message = ReplicaRules.REPLICAS_WITHIN_BOUNDS_MESSAGE)
public class MicroServiceSpec extends WorkloadSpec {

    @JsonPropertyDescription("Container port the service listens on; the Service exposes the same port.")
    @Required
    @Min(1)
    @Max(65535)
    private Integer port;

    @JsonPropertyDescription("How replicas are decided. Defaults to mode Fixed.")
    private MicroServiceScaling scaling = new MicroServiceScaling();

    @Override
    public ScalingSpec scalingSettings() {
        return scaling == null ? new MicroServiceScaling() : scaling;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public MicroServiceScaling getScaling() {
        return scaling;
    }

    public void setScaling(MicroServiceScaling scaling) {
        this.scaling = scaling;
    }
}
