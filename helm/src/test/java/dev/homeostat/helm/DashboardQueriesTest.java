package dev.homeostat.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL expression of every dashboard names only metrics that a running operator or a running app really
 * exposes. The names come from /q/metrics scrapes kept by two tests that run before this module in the reactor:
 * the operator's MetricsScrapeTest (after successful and failed reconciles) and trade-signals' TradeSignalsTest
 * (after records flowed through the in-JVM Kafka broker).
 */
class DashboardQueriesTest {

    private static final Path DASHBOARDS = Chart.DIR.resolve("dashboards");
    private static final List<Path> SCRAPES = List.of(
            Path.of("..", "operator", "target", "metrics-scrape", "operator.prom"),
            Path.of("..", "apps", "trade-signals", "target", "metrics-scrape", "trade-signals.prom"));

    /**
     * Operator metrics promised in CONTRACTS.md ("Operator metrics") whose implementation (the scaler loop) is not on
     * this branch yet. They are tolerated only while absent from the operator's scrape: once a name appears there,
     * this test fails until it is removed from this list, so the list can only shrink.
     */
    private static final Set<String> PENDING_OPERATOR_METRICS = Set.of("homeostat_desired_replicas",
            "homeostat_ready_replicas", "homeostat_arrival_rate", "homeostat_processed_rate", "homeostat_lag_records",
            "homeostat_lag_seconds", "homeostat_slo_lag_seconds", "homeostat_forecast_arrival_rate",
            "homeostat_forecast_replicas", "homeostat_capacity_per_replica", "homeostat_anomaly_score",
            "homeostat_decisions_total", "homeostat_scaling_actions_total", "homeostat_telemetry_failures_total",
            "homeostat_time_to_oom_seconds", "homeostat_model_ready");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyQueryNamesOnlyMetricsThatExist() throws IOException {
        Set<String> exposed = exposedMetricNames();
        var stillPending = new TreeSet<>(PENDING_OPERATOR_METRICS);
        stillPending.retainAll(exposed);
        assertEquals(Set.of(), stillPending, "exposed now: remove from PENDING_OPERATOR_METRICS");

        var unknown = new TreeMap<String, Set<String>>();
        var used = new TreeSet<String>();
        for (Map.Entry<String, List<String>> dashboard : expressions().entrySet()) {
            for (String expression : dashboard.getValue()) {
                for (String metric : PromQl.metricNames(expression)) {
                    used.add(metric);
                    if (!exposed.contains(metric) && !PENDING_OPERATOR_METRICS.contains(metric)) {
                        unknown.computeIfAbsent(dashboard.getKey() + ": " + expression, k -> new TreeSet<>()).add(metric);
                    }
                }
            }
        }
        assertEquals(Map.of(), unknown, "queries naming metrics no running operator or app exposes");
        assertTrue(used.contains("operator_sdk_controllers_execution_reconcile_failure_total")
                && used.contains("homeostat_busy_ratio"), "the check saw operator and app queries: " + used);
    }

    @Test
    void dashboardsAreWellFormedAndShippedAsSidecarConfigMaps() throws IOException {
        var uids = new HashSet<String>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertTrue(uids.add(dashboard.path("uid").asText()), "unique uid in " + file);
            assertFalse(dashboard.path("title").asText().isBlank(), "title of " + file);
            assertPanelsDoNotOverlap(file, dashboard.path("panels"));
            for (JsonNode panel : dashboard.path("panels")) {
                if (!panel.path("type").asText().equals("row")) {
                    assertEquals("${datasource}", panel.path("datasource").path("uid").asText(),
                            file + " panel " + panel.path("title").asText() + " uses the datasource variable");
                    assertFalse(panel.path("targets").isEmpty(), file + " panel " + panel.path("title").asText() + " queries");
                }
            }
        }
        var configMaps = Chart.parse(Chart.render("homeostat", t -> t)).stream().filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast).toList();
        assertEquals(dashboardFiles().size(), configMaps.size(), "one ConfigMap per dashboard");
        for (ConfigMap configMap : configMaps) {
            assertEquals("1", configMap.getMetadata().getLabels().get("grafana_dashboard"));
            var entry = configMap.getData().entrySet().iterator().next();
            assertEquals(Files.readString(DASHBOARDS.resolve(entry.getKey())).strip(), entry.getValue().strip(),
                    "the ConfigMap carries the dashboard file unchanged");
        }
    }

    private static void assertPanelsDoNotOverlap(Path file, JsonNode panels) {
        var placed = new ArrayList<int[]>();
        for (JsonNode panel : panels) {
            JsonNode g = panel.path("gridPos");
            int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
            assertTrue(box[0] >= 0 && box[0] + box[2] <= 24, file + ": " + panel.path("title").asText() + " fits 24 columns");
            for (int[] other : placed) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertFalse(overlap, file + ": " + panel.path("title").asText() + " overlaps another panel");
            }
            placed.add(box);
        }
    }

    /** Expressions by dashboard file: panel targets, annotation queries and variable queries. */
    private static Map<String, List<String>> expressions() throws IOException {
        var byDashboard = new TreeMap<String, List<String>>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            var expressions = new ArrayList<String>();
            dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
            dashboard.path("annotations").path("list").forEach(a -> {
                if (a.has("expr")) {
                    expressions.add(a.path("expr").asText());
                }
            });
            dashboard.path("templating").path("list").forEach(v -> {
                if (v.path("type").asText().equals("query")) {
                    expressions.add(v.path("query").path("query").asText());
                }
            });
            expressions.forEach(e -> assertFalse(e.isBlank(), file + " has an empty query"));
            byDashboard.put(file.getFileName().toString(), expressions);
        }
        return byDashboard;
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Sample names (histogram series included) of every kept scrape. */
    private static Set<String> exposedMetricNames() throws IOException {
        var names = new TreeSet<String>();
        for (Path scrape : SCRAPES) {
            assertTrue(Files.exists(scrape), scrape.toAbsolutePath() + " is missing: run the operator's MetricsScrapeTest and"
                    + " trade-signals' TradeSignalsTest first (./mvnw -B verify runs them before this module)");
            Files.readAllLines(scrape).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }
}
