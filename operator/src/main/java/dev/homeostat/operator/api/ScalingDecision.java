package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The last change of the desired replica count and why it happened. */
public class ScalingDecision {

    @JsonPropertyDescription("What decided: Initial, Spec (kubectl scale or apply), Bounds, Reactive or Predictive.")
    private DecisionSource source;

    @JsonPropertyDescription("Desired replicas before the decision (absent for the first one).")
    private Integer from;

    @JsonPropertyDescription("Desired replicas after the decision.")
    private Integer to;

    @JsonPropertyDescription("When the decision was taken (RFC 3339).")
    private String time;

    @JsonPropertyDescription("Why, in words: the input that changed, the forecast, capacity, lag or bound that applied.")
    private String explanation;

    public ScalingDecision() {
    }

    public ScalingDecision(DecisionSource source, Integer from, Integer to, String time, String explanation) {
        this.source = source;
        this.from = from;
        this.to = to;
        this.time = time;
        this.explanation = explanation;
    }

    public DecisionSource getSource() {
        return source;
    }

    public void setSource(DecisionSource source) {
        this.source = source;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }

    public Integer getTo() {
        return to;
    }

    public void setTo(Integer to) {
        this.to = to;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }
}
