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

    @JsonPropertyDescription("Which part of the policy won: Forecast, LagDrain, Reactive, ReactiveFallback, Bound, Guardrail, Hold, ScalingWillNotHelp or StaleTelemetry (scaler decisions only).")
    private String term;

    @JsonPropertyDescription("Whether the decision was applied to spec.replicas (false in shadow mode).")
    private Boolean applied;

    @JsonPropertyDescription("Measured arrival rate, records (or requests) per second.")
    private Double arrivalRate;

    @JsonPropertyDescription("Forecast peak arrival rate over the horizon, records per second (absent when no forecast took part).")
    private Double forecastArrivalRate;

    @JsonPropertyDescription("Upper end of the forecast band at that peak, records per second.")
    private Double forecastUpperArrivalRate;

    @JsonPropertyDescription("Learned records per second one replica processes when fully busy.")
    private Double capacityPerReplica;

    @JsonPropertyDescription("Consumer lag in records when deciding.")
    private Double lagRecords;

    @JsonPropertyDescription("Consumer lag in seconds when deciding.")
    private Double lagSeconds;

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
    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }

    public Boolean getApplied() {
        return applied;
    }

    public void setApplied(Boolean applied) {
        this.applied = applied;
    }

    public Double getArrivalRate() {
        return arrivalRate;
    }

    public void setArrivalRate(Double arrivalRate) {
        this.arrivalRate = arrivalRate;
    }

    public Double getForecastArrivalRate() {
        return forecastArrivalRate;
    }

    public void setForecastArrivalRate(Double forecastArrivalRate) {
        this.forecastArrivalRate = forecastArrivalRate;
    }

    public Double getForecastUpperArrivalRate() {
        return forecastUpperArrivalRate;
    }

    public void setForecastUpperArrivalRate(Double forecastUpperArrivalRate) {
        this.forecastUpperArrivalRate = forecastUpperArrivalRate;
    }

    public Double getCapacityPerReplica() {
        return capacityPerReplica;
    }

    public void setCapacityPerReplica(Double capacityPerReplica) {
        this.capacityPerReplica = capacityPerReplica;
    }

    public Double getLagRecords() {
        return lagRecords;
    }

    public void setLagRecords(Double lagRecords) {
        this.lagRecords = lagRecords;
    }

    public Double getLagSeconds() {
        return lagSeconds;
    }

    public void setLagSeconds(Double lagSeconds) {
        this.lagSeconds = lagSeconds;
    }
}
