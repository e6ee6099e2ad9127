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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL expression of every dashboard names only metrics that a running operator or a running app really
 * exposes. The names come from /q/metrics scrapes kept by tests that run before this module in the reactor: the
 * operator's MetricsScrapeTest (after successful and failed reconciles), ScalerScenariosTest (the scaler loop deciding
 * on simulated pods; when it ran) and trade-signals' TradeSignalsTest (after records flowed through the in-JVM broker);
 * for the scaler's per-app meters also from the code that registers them (see SCALER_METRICS_SOURCE).
 */
class DashboardQueriesTest {

    private static final Path DASHBOARDS = Chart.DIR.resolve("dashboards");
    private static final List<Path> SCRAPES = List.of(
            Path.of("..", "operator", "target", "metrics-scrape", "operator.prom"),
            Path.of("..", "apps", "trade-signals", "target", "metrics-scrape", "trade-signals.prom"));

    /**
     * The scaler loop's per-app meters register on an app's first evaluation, which the mock-server scrape above does
     * not reach (scaler off in tests). Their names are read from the code that registers them (Micrometer name with
     * dots as underscores, counters with _total), and checked live as well when ScalerScenariosTest kept its scrape.
     */
    private static final Path SCALER_METRICS_SOURCE = Path.of("..", "operator", "src", "main", "java", "dev", "homeostat",
            "operator", "scaler", "ScalerMetrics.java");
    private static final Pattern REGISTERED = Pattern.compile("(gauge|Gauge\\.builder|counter)\\(\"(homeostat\\.[a-z.]+)\"");

    /** Kept by ScalerScenariosTest after its scenario; read when present (it is absent when that test did not run). */
    private static final Path SCALER_SCRAPE = Path.of("..", "operator", "target", "metrics-scrape", "operator-scaler.prom");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyQueryNamesOnlyMetricsThatExist() throws IOException {
        Set<String> exposed = exposedMetricNames();
        Set<String> registeredByTheScaler = scalerMeterNames();
        assertTrue(registeredByTheScaler.contains("homeostat_desired_replicas")
                && registeredByTheScaler.contains("homeostat_decisions_total"), registeredByTheScaler::toString);
        var unknown = new TreeMap<String, Set<String>>();
        var used = new TreeSet<String>();
        for (Map.Entry<String, List<String>> dashboard : expressions().entrySet()) {
            for (String expression : dashboard.getValue()) {
                for (String metric : PromQl.metricNames(expression)) {
                    used.add(metric);
                    if (!exposed.contains(metric) && !registeredByTheScaler.contains(metric)) {
                        unknown.computeIfAbsent(dashboard.getKey() + ": " + expression, k -> new TreeSet<>()).add(metric);
                    }
                }
            }
        }
        assertEquals(Map.of(), unknown, "queries naming metrics no running operator or app exposes");
        assertTrue(used.contains("operator_sdk_controllers_execution_reconcile_failure_total")
                && used.contains("homeostat_desired_replicas") && used.contains("homeostat_busy_ratio"),
                "the check saw operator, scaler and app queries: " + used);
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

    /** Prometheus names of the meters ScalerMetrics registers. */
    private static Set<String> scalerMeterNames() throws IOException {
        var names = new TreeSet<String>();
        Matcher m = REGISTERED.matcher(Files.readString(SCALER_METRICS_SOURCE));
        while (m.find()) {
            String name = m.group(2).replace('.', '_');
            names.add(m.group(1).equals("counter") ? name + "_total" : name);
        }
        return names;
    }

    /** Sample names (histogram series included) of every kept scrape. */
    private static Set<String> exposedMetricNames() throws IOException {
        var names = new TreeSet<String>();
        var scrapes = new ArrayList<>(SCRAPES);
        if (Files.exists(SCALER_SCRAPE)) {
            scrapes.add(SCALER_SCRAPE);
        }
        for (Path scrape : scrapes) {
            assertTrue(Files.exists(scrape), scrape.toAbsolutePath() + " is missing: run the operator's MetricsScrapeTest and"
                    + " trade-signals' TradeSignalsTest first (./mvnw -B verify runs them before this module)");
            Files.readAllLines(scrape).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }
}
