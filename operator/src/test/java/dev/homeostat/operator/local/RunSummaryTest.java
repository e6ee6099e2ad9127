package dev.homeostat.operator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's JSON shape (what --summary-json writes and docs/local-mode.md documents) and its anomaly signals. */
class RunSummaryTest {

    private static final List<String> PER_APP_FIELDS = List.of("name", "kind", "decisions", "scaleUps", "scaleDowns",
            "anomalies", "sloMissSeconds", "replicaSeconds", "maxReplicas", "restarts", "recordsProduced",
            "recordsProcessed", "recordsLost", "oomWarnings");

    @Test
    void writesEveryPerAppFieldWithAnomaliesAndTheirSignals(@TempDir Path dir) throws IOException {
        var anomaly = RunSummary.Anomaly.of("SignalAnomaly", "signal arrival_rate scored 0.991 (threshold 0.95) since "
                + "2026-12-01T06:31:00Z", "2026-12-01T06:31:05Z");
        var trade = new RunSummary.App("trade-signals", "StreamApp", Map.of("REACTIVE", 40L, "HOLD", 3L), 2, 1,
                List.of(anomaly), 12.5, 300.0, 3, 1, 1000, 1000, 0,
                List.of("HeapTrend: heap after GC grows 1.2 MiB/s; the limit in about 194 s"));
        var feed = new RunSummary.App("market-feed", "MicroService", Map.of("Initial", 1L), 0, 0, List.of(), 0, 120, 1, 0,
                0, 0, 0, List.of());
        var summary = new RunSummary(120.4, "built-in daily cycle", 360, List.of("poison: 50 records"),
                List.of(trade, feed), 1000, 1000, 0, 50, 4, 0);

        Path file = dir.resolve("out/summary.json");
        summary.writeJson(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        for (String total : List.of("durationSeconds", "recordsProduced", "recordsProcessed", "recordsLost",
                "deadLetterRecords", "processesStarted", "processesLeft", "injected", "apps")) {
            assertTrue(json.has(total), "total field " + total + " in " + json);
        }
        assertEquals(2, json.get("apps").size());
        for (JsonNode app : json.get("apps")) {
            for (String field : PER_APP_FIELDS) {
                assertTrue(app.has(field), field + " of " + app.get("name") + " in " + app);
            }
        }
        JsonNode written = json.get("apps").get(0);
        assertEquals(40, written.get("decisions").get("REACTIVE").asInt());
        assertEquals(2, written.get("scaleUps").asInt());
        assertEquals(1, written.get("scaleDowns").asInt());
        assertEquals(12.5, written.get("sloMissSeconds").asDouble());
        assertEquals(300.0, written.get("replicaSeconds").asDouble());
        assertEquals(0, written.get("recordsLost").asLong());
        assertTrue(written.get("oomWarnings").get(0).asText().startsWith("HeapTrend"), written.toString());
        JsonNode first = written.get("anomalies").get(0);
        assertEquals("arrival_rate", first.get("signal").asText());
        assertEquals("SignalAnomaly", first.get("reason").asText());
        assertEquals("2026-12-01T06:31:05Z", first.get("time").asText());
        assertTrue(first.get("message").asText().startsWith("signal arrival_rate scored"));
        assertTrue(json.get("apps").get(1).get("anomalies").isArray());
    }

    @Test
    void printsOneRowPerAppWithItsAnomalies() {
        var anomaly = RunSummary.Anomaly.of("PoisonRecords", "signal error_rate scored 0.9990 (threshold 0.95) since "
                + "2026-12-01T06:31:00Z: 50 failed", "2026-12-01T06:31:05Z");
        var app = new RunSummary.App("fraud-scoring", "StreamApp", Map.of("HOLD", 5L), 0, 0, List.of(anomaly), 0, 10, 1,
                0, 7, 7, 0, List.of());
        String text = new RunSummary(10, "t", 1, List.of(), List.of(app), 7, 7, 0, 0, 1, 0).render();

        assertTrue(text.contains("fraud-scoring"), text);
        assertTrue(text.contains("anomalies [error_rate (PoisonRecords): signal error_rate scored"), text);
    }

    @Test
    void anomalySignalComesFromTheConditionMessage() {
        assertEquals("error_rate", RunSummary.Anomaly.of("PoisonRecords", "signal error_rate scored 1.0 …", null).signal());
        assertEquals("lag", RunSummary.Anomaly.of("ScalingWillNotHelp", "lag grew for 3 samples to 141184 records", null)
                .signal());
        assertEquals("unspecified", RunSummary.Anomaly.of("Other", null, null).signal());
    }
}
