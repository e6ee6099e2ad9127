package dev.homeostat.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Where the app serves Prometheus metrics; the operator annotates pods so collectors find them. */
public class MetricsSpec {

    @JsonPropertyDescription("Container port serving metrics. Defaults to the MicroService port, or 8080 for a StreamApp.")
    @Min(1)
    @Max(65535)
    private Integer port;

    @JsonPropertyDescription("HTTP path of the Prometheus text endpoint. Defaults to /q/metrics (Quarkus Micrometer).")
    @Pattern("^/.*")
    private String path;

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
