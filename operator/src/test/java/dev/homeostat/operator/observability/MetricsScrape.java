package dev.homeostat.operator.observability;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scrapes of the running operator's /q/metrics, kept under target/metrics-scrape/ for the chart's dashboard check
 * (helm module, DashboardQueriesTest): the metric names a dashboard may query are the ones a running operator has.
 */
public final class MetricsScrape {

    /** Directory of the kept scrapes, relative to the operator module. */
    public static final Path DIRECTORY = Path.of("target", "metrics-scrape");

    private MetricsScrape() {
    }

    /** The current Prometheus text of {@code metrics}. */
    public static String scrape(URL metrics) throws IOException, InterruptedException {
        // HTTP/1.1: the JDK client's h2c upgrade fails on a large Vert.x response ("Frame type(101) exceeds MAX_FRAME_SIZE").
        try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(metrics.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** Keeps {@code body} as {@code name} in {@link #DIRECTORY}. */
    public static void keep(String name, String body) throws IOException {
        Files.createDirectories(DIRECTORY);
        Files.writeString(DIRECTORY.resolve(name), body);
    }
}
