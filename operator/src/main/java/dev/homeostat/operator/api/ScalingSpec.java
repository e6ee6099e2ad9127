package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Scaling settings both kinds share; each kind adds its own SLO. */
public abstract class ScalingSpec {

    @JsonPropertyDescription("Fixed: replicas follow spec.replicas only. Reactive: a rule scales towards the SLO."
            + " Predictive: a trained forecast model scales ahead of load, with the reactive rule as fallback.")
    @Default("Fixed")
    private ScalingMode mode = ScalingMode.Fixed;

    @JsonPropertyDescription("When true the scaler computes and records decisions in status.lastDecision but does not apply them.")
    @Default("false")
    private Boolean shadow = Boolean.FALSE;

    @JsonPropertyDescription("Seconds a scale-down recommendation must persist before it is applied, to avoid flapping.")
    @Default("300")
    @Min(0)
    @Max(3600)
    private Integer stabilizationWindowSeconds = 300;

    public ScalingMode getMode() {
        return mode;
    }

    public void setMode(ScalingMode mode) {
        this.mode = mode;
    }

    public Boolean getShadow() {
        return shadow;
    }

    public void setShadow(Boolean shadow) {
        this.shadow = shadow;
    }

    public Integer getStabilizationWindowSeconds() {
        return stabilizationWindowSeconds;
    }

    public void setStabilizationWindowSeconds(Integer stabilizationWindowSeconds) {
        this.stabilizationWindowSeconds = stabilizationWindowSeconds;
    }

    /** The mode, Fixed when unset (the API server defaults it, a hand-built object may not). */
    public ScalingMode effectiveMode() {
        return mode == null ? ScalingMode.Fixed : mode;
    }

    /** Whether decisions are only recorded, not applied. */
    public boolean shadowOnly() {
        return Boolean.TRUE.equals(shadow);
    }
}
