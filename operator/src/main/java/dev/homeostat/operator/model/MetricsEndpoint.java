package dev.homeostat.operator.model;

import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.Workload;

/**
 * Where a workload's pods serve Prometheus metrics.
 *
 * @param port container port
 * @param path HTTP path
 */
public record MetricsEndpoint(int port, String path) {

    /** Quarkus serves Micrometer's Prometheus registry here. */
    public static final String DEFAULT_PATH = "/q/metrics";
    /** Quarkus' default HTTP port, used for StreamApps that set none. */
    public static final int DEFAULT_PORT = 8080;

    /** The endpoint from spec.metrics, defaulting to the service port (MicroService) or 8080 and /q/metrics. */
    public static MetricsEndpoint of(Workload workload) {
        var metrics = workload.workloadSpec().getMetrics();
        int fallbackPort = workload instanceof MicroService service && service.getSpec().getPort() != null
                ? service.getSpec().getPort() : DEFAULT_PORT;
        int port = metrics != null && metrics.getPort() != null ? metrics.getPort() : fallbackPort;
        String path = metrics != null && metrics.getPath() != null ? metrics.getPath() : DEFAULT_PATH;
        return new MetricsEndpoint(port, path);
    }
}
