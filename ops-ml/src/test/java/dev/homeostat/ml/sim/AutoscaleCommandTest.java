package dev.homeostat.ml.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.ml.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code autoscale} subcommand end to end on a small synthetic trace. */
class AutoscaleCommandTest {

    @TempDir
    Path dir;

    private Path trace() throws Exception {
        // 6 hours at 5-minute rows with a daily-ish bump and one burst
        StringBuilder b = new StringBuilder("timestamp,value\n");
        LocalDateTime t = LocalDateTime.of(2014, 4, 10, 0, 0);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int i = 0; i < 72; i++) {
            double v = 100 + 60 * Math.sin(i / 10.0) + (i == 60 ? 250 : 0);
            b.append(t.plusMinutes(5L * i).format(f)).append(',').append(Math.round(v)).append('\n');
        }
        Path file = dir.resolve("synthetic.csv");
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void writesSummaryTimelinesAndReport() throws Exception {
        // given
        Path out = dir.resolve("out");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AutoscaleCommand command = new AutoscaleCommand(new PrintStream(printed, true, StandardCharsets.UTF_8));
        // when
        int code = command.run(new String[]{"--trace", trace().toString(), "--out", out.toString(), "--seeds", "2",
                "--ready-delay", "30", "--timeline-step", "60"});
        // then
        assertEquals(0, code);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String policy : Policies.ALL) {
            assertTrue(summary.path("policies").has(policy), policy);
            assertTrue(Files.exists(out.resolve(policy + "-seed1.csv")), policy);
            assertTrue(Files.exists(out.resolve(policy + "-seed2.csv")), policy);
        }
        assertTrue(summary.path("reference").asText().startsWith("oracle-"), summary.path("reference").toString());
        assertTrue(Files.readString(out.resolve("report.svg")).startsWith("<svg"));
        String csv = Files.readString(out.resolve("hpa-seed1.csv"));
        assertTrue(csv.startsWith("t,arrivals,processed,lag,replicas_requested,replicas_ready"), csv);
        assertEquals(21600 / 60 + 1, csv.lines().count());
        String table = printed.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("homeostat target:"), table);
        summaryAgreesWithThePrintedTable(summary, table);
    }

    /** The figures of summary.json, read back with Jackson, are the ones the command printed. */
    private static void summaryAgreesWithThePrintedTable(JsonNode summary, String table) {
        assertTrue(table.contains("trace synthetic: " + summary.path("simulatedSeconds").asInt() + " s simulated, evaluation from "
                + summary.path("evaluationStartSecond").asInt() + " s, " + summary.path("seeds").asInt() + " seeds"), table);
        assertEquals(2, summary.path("seeds").asInt());
        assertTrue(table.contains("reference oracle: " + summary.path("reference").asText()), table);
        JsonNode target = summary.path("homeostatTarget");
        String line = table.lines().filter(l -> l.startsWith("homeostat target: ")).findFirst().orElseThrow();
        assertTrue(line.startsWith("homeostat target: " + (target.path("met").asBoolean() ? "MET (" : "NOT MET (")), line);
        assertTrue(line.contains("%: " + target.path("sloMet").asBoolean() + ";"), line);
        assertTrue(line.contains("optimum: " + target.path("costWithin1_15xOptimum").asBoolean() + ")"), line);
        assertTrue(line.endsWith("dominates hpa: " + target.path("beatsHpa").asBoolean() + ", keda: "
                + target.path("beatsKeda").asBoolean()), line);
        // each policy row: policy, cost/work±sd, cost/opt, cost/ref, %overSLO±sd, ...
        int rows = 0;
        for (String row : table.lines().toList()) {
            String[] cells = row.trim().split("\\s+");
            JsonNode policy = summary.path("policies").path(cells[0]);
            if (cells.length != 10 || !cells[1].contains("±") || policy.isMissingNode()) {
                continue; // a heading, or a frontier row (family, knob, ...)
            }
            rows++;
            assertEquals(policy.path("costOverOptimum").path("mean").asDouble(), Double.parseDouble(cells[2]), 5e-4, row);
            assertEquals(policy.path("costOverReference").path("mean").asDouble(), Double.parseDouble(cells[3]), 5e-4, row);
            assertEquals(policy.path("percentTimeOverSlo").path("mean").asDouble(),
                    Double.parseDouble(cells[4].substring(0, cells[4].indexOf('±'))), 5e-3, row);
        }
        assertEquals(Policies.ALL.size(), rows, table);
        // one run per policy and seed (frontier settings too), each conserving records: start + arrivals − processed = end
        assertEquals(summary.path("policies").size() * 2, summary.path("runs").size());
        for (JsonNode run : summary.path("runs")) {
            double end = run.path("lagAtStart").asDouble() + run.path("arrivals").asDouble() - run.path("processed").asDouble();
            // each figure is written to 6 significant digits
            double rounding = 1e-5 * (run.path("lagAtStart").asDouble() + run.path("arrivals").asDouble()
                    + run.path("processed").asDouble());
            assertEquals(run.path("lagAtEnd").asDouble(), end, rounding, run.toString());
        }
    }

    @Test
    void explainWritesEachDecisionBesideTheOptimumAndChargesTheExcessToItsReason() throws Exception {
        // given
        Path out = dir.resolve("explained");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AutoscaleCommand command = new AutoscaleCommand(new PrintStream(printed, true, StandardCharsets.UTF_8));
        // when
        int code = command.run(new String[]{"--trace", trace().toString(), "--out", out.toString(), "--seeds", "1",
                "--policies", "homeostat", "--no-frontier", "--explain"});
        // then one row per 15 s decision of the evaluated 30 % (6 h × 0.3 ÷ 15 s = 432), and a table of reasons
        assertEquals(0, code);
        String csv = Files.readString(out.resolve("homeostat-decisions.csv"));
        assertTrue(csv.startsWith(DecisionLog.HEADER), csv);
        long rows = csv.lines().count() - 1;
        assertTrue(rows >= 430 && rows <= 434, "rows " + rows);
        String table = printed.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("excess/optimum"), table);
        assertTrue(table.contains("total (optimum "), table);
    }

    @Test
    void badInputExitsWithAClearMessage() throws Exception {
        // given / when / then: through the dispatcher, a missing trace and a bad flag exit 2
        assertEquals(2, Main.run(new String[]{"autoscale", "--trace", dir.resolve("none.csv").toString(),
                "--out", dir.resolve("o").toString()}));
        assertEquals(2, Main.run(new String[]{"autoscale", "--trace", trace().toString(), "--out",
                dir.resolve("o").toString(), "--seeds", "many"}));
        assertThrows(IllegalArgumentException.class, () -> new AutoscaleCommand().run(new String[]{"--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> new AutoscaleCommand().run(new String[]{"--trace", "x"}));
    }
}
