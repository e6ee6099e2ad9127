package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import java.util.ArrayList;
import java.util.List;

/** What is: the observed state of a StreamApp or MicroService. */
public class WorkloadStatus {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready, Scaling, ModelReady and Degraded, each with status, reason, message and lastTransitionTime.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Pods the app's Deployment currently has (the scale subresource's status replicas).")
    @StatusReplicas
    private Integer replicas;

    @JsonPropertyDescription("Pods of the app that are ready.")
    private Integer readyReplicas;

    @JsonPropertyDescription("Replica count the operator asks the Deployment for: spec.replicas within the bounds.")
    private Integer desiredReplicas;

    @JsonPropertyDescription("Label selector of the app's pods, in string form (for the scale subresource and HPA-like tools).")
    @LabelSelector
    private String selector;

    @JsonPropertyDescription("The last change of desiredReplicas and its reason.")
    private ScalingDecision lastDecision;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public Integer getDesiredReplicas() {
        return desiredReplicas;
    }

    public void setDesiredReplicas(Integer desiredReplicas) {
        this.desiredReplicas = desiredReplicas;
    }

    public String getSelector() {
        return selector;
    }

    public void setSelector(String selector) {
        this.selector = selector;
    }

    public ScalingDecision getLastDecision() {
        return lastDecision;
    }

    public void setLastDecision(ScalingDecision lastDecision) {
        this.lastDecision = lastDecision;
    }
}
