package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Service-level objective of an HTTP service: latency and/or utilization targets. */
@ValidationRule(value = MicroServiceSlo.AT_LEAST_ONE_TARGET,
        message = "set p95LatencyMillis, targetCpuUtilizationPercent or both")
public class MicroServiceSlo {

    /** At least one target must be given, or there is nothing to scale towards. */
    public static final String AT_LEAST_ONE_TARGET = "has(self.p95LatencyMillis) || has(self.targetCpuUtilizationPercent)";

    @JsonPropertyDescription("Target 95th percentile request latency in milliseconds.")
    @Min(value = 0, inclusive = false)
    private Double p95LatencyMillis;

    @JsonPropertyDescription("Target average CPU utilization of the pods, in percent of their CPU request.")
    @Min(1)
    @Max(100)
    private Integer targetCpuUtilizationPercent;

    public Double getP95LatencyMillis() {
        return p95LatencyMillis;
    }

    public void setP95LatencyMillis(Double p95LatencyMillis) {
        this.p95LatencyMillis = p95LatencyMillis;
    }

    public Integer getTargetCpuUtilizationPercent() {
        return targetCpuUtilizationPercent;
    }

    public void setTargetCpuUtilizationPercent(Integer targetCpuUtilizationPercent) {
        this.targetCpuUtilizationPercent = targetCpuUtilizationPercent;
    }
}
