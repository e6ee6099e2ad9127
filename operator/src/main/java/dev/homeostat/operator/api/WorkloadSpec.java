package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the spec every Homeostat workload shares: container, replicas and their bounds, metrics and
 * anomaly detection. Each kind extends it with what is its own (Kafka, HTTP port, SLOs).
 */
public abstract class WorkloadSpec {

    @JsonPropertyDescription("Container image of the app, e.g. homeostat/fraud-scoring:0.1.0-SNAPSHOT.")
    @Required
    @Size(min = 1)
    private String image;

    @JsonPropertyDescription("Environment variables of the app container (same schema as a Pod's env). Secrets and"
            + " ConfigMaps referenced here must exist; the operator reports missing ones in the Degraded condition.")
    private List<EnvVar> env = new ArrayList<>();

    @JsonPropertyDescription("CPU and memory requests and limits of the app container (same schema as a Pod's resources).")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Replica count the app runs with. This is the scale subresource: kubectl scale and the"
            + " Homeostat scaler write it. Leave it out of manifests of Reactive/Predictive apps: the operator then sets it once, to minReplicas.")
    @SpecReplicas
    @Min(0)
    private Integer replicas;

    @JsonPropertyDescription("Lowest replica count any decision may set.")
    @Default("1")
    @Min(0)
    @Max(1000)
    private Integer minReplicas = 1;

    @JsonPropertyDescription("Highest replica count any decision may set.")
    @Default("10")
    @Min(1)
    @Max(1000)
    private Integer maxReplicas = 10;

    @JsonPropertyDescription("Where the app serves Prometheus metrics.")
    private MetricsSpec metrics;

    @JsonPropertyDescription("Anomaly detection on this app's telemetry.")
    private AnomalyDetectionSpec anomalyDetection;

    @JsonPropertyDescription("Liveness and readiness probes; by default the Quarkus health endpoints on the metrics port.")
    private ProbesSpec probes;

    /** The kind-specific scaling settings, seen through their shared part. */
    public abstract ScalingSpec scalingSettings();

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public List<EnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<EnvVar> env) {
        this.env = env;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getMinReplicas() {
        return minReplicas;
    }

    public void setMinReplicas(Integer minReplicas) {
        this.minReplicas = minReplicas;
    }

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public MetricsSpec getMetrics() {
        return metrics;
    }

    public void setMetrics(MetricsSpec metrics) {
        this.metrics = metrics;
    }

    public AnomalyDetectionSpec getAnomalyDetection() {
        return anomalyDetection;
    }

    public void setAnomalyDetection(AnomalyDetectionSpec anomalyDetection) {
        this.anomalyDetection = anomalyDetection;
    }

    public ProbesSpec getProbes() {
        return probes;
    }

    public void setProbes(ProbesSpec probes) {
        this.probes = probes;
    }
}
