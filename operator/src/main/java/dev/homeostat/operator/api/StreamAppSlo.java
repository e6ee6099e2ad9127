package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Service-level objective of a stream app: how far behind the input it may fall. */
public class StreamAppSlo {

    @JsonPropertyDescription("Maximum consumer lag, in seconds of input at the current arrival rate, the app may carry.")
    @Required
    @Min(value = 0, inclusive = false)
    private Double maxLagSeconds;

    public Double getMaxLagSeconds() {
        return maxLagSeconds;
    }

    public void setMaxLagSeconds(Double maxLagSeconds) {
        this.maxLagSeconds = maxLagSeconds;
    }
}
