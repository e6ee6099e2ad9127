package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import java.util.ArrayList;
import java.util.List;

/** The Kafka side of a StreamApp: where the brokers are, what it reads and writes, and its consumer group. */
@ValidationRule(value = KafkaSpec.ONE_BOOTSTRAP_SOURCE,
        message = "set exactly one of bootstrapServers and bootstrapServersFrom")
public class KafkaSpec {

    /** Brokers come either inline or from a ConfigMap, never both and never neither. */
    public static final String ONE_BOOTSTRAP_SOURCE = "has(self.bootstrapServers) != has(self.bootstrapServersFrom)";

    @JsonPropertyDescription("Comma-separated host:port list of Kafka brokers.")
    @Size(min = 1)
    private String bootstrapServers;

    @JsonPropertyDescription("A ConfigMap key holding the bootstrap servers, as an alternative to bootstrapServers.")
    private ConfigMapKeySelector bootstrapServersFrom;

    @JsonPropertyDescription("Topics the app consumes.")
    @Required
    @Size(min = 1)
    private List<String> inputTopics = new ArrayList<>();

    @JsonPropertyDescription("Kafka consumer group id; its lag drives Reactive and Predictive scaling.")
    @Required
    @Size(min = 1)
    private String consumerGroup;

    @JsonPropertyDescription("Topics the app produces to.")
    private List<String> outputTopics = new ArrayList<>();

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public ConfigMapKeySelector getBootstrapServersFrom() {
        return bootstrapServersFrom;
    }

    public void setBootstrapServersFrom(ConfigMapKeySelector bootstrapServersFrom) {
        this.bootstrapServersFrom = bootstrapServersFrom;
    }

    public List<String> getInputTopics() {
        return inputTopics;
    }

    public void setInputTopics(List<String> inputTopics) {
        this.inputTopics = inputTopics;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public List<String> getOutputTopics() {
        return outputTopics;
    }

    public void setOutputTopics(List<String> outputTopics) {
        this.outputTopics = outputTopics;
    }
}
