package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** What the user wants of a Kafka consumer-group app. */
@ValidationRule(value = ReplicaRules.MIN_LE_MAX, message = ReplicaRules.MIN_LE_MAX_MESSAGE)
@ValidationRule(value = ReplicaRules.REPLICAS_WITHIN_BOUNDS, message = ReplicaRules.REPLICAS_WITHIN_BOUNDS_MESSAGE)
public class StreamAppSpec extends WorkloadSpec {

    @JsonPropertyDescription("Kafka brokers, topics and consumer group of the app.")
    @Required
    private KafkaSpec kafka;

    @JsonPropertyDescription("How replicas are decided. Defaults to mode Fixed.")
    private StreamAppScaling scaling = new StreamAppScaling();

    @Override
    public ScalingSpec scalingSettings() {
        return scaling == null ? new StreamAppScaling() : scaling;
    }

    public KafkaSpec getKafka() {
        return kafka;
    }

    public void setKafka(KafkaSpec kafka) {
        this.kafka = kafka;
    }

    public StreamAppScaling getScaling() {
        return scaling;
    }

    public void setScaling(StreamAppScaling scaling) {
        this.scaling = scaling;
    }
}
