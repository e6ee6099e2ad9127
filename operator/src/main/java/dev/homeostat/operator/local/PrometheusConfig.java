package dev.homeostat.operator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * When a {@code prometheus} binary is on the PATH, writes a scrape config for the operator's /q/metrics, so the
 * chart's Grafana dashboards' queries (the homeostat_* series) can be run against a local Prometheus.
 */
final class PrometheusConfig {

    private PrometheusConfig() {
    }

    /** The config file written, or empty when no prometheus binary is on the PATH. */
    static Optional<Path> writeIfAvailable(Path directory, int operatorPort) {
        if (!onPath("prometheus")) {
            return Optional.empty();
        }
        Path file = directory.resolve("prometheus.yml");
        try {
            Files.writeString(file, render(operatorPort));
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String render(int operatorPort) {
        return """
                # Written by Homeostat local mode: scrapes the operator's own metrics (homeostat_* series).
                global:
                  scrape_interval: 5s
                scrape_configs:
                  - job_name: homeostat-operator
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(operatorPort);
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }
}
