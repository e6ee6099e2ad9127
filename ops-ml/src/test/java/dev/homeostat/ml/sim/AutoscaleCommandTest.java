package dev.homeostat.ml.sim;

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
        String summary = Files.readString(out.resolve("summary.json"));
        for (String policy : Policies.ALL) {
            assertTrue(summary.contains("\"" + policy + "\": {"), policy);
            assertTrue(Files.exists(out.resolve(policy + "-seed1.csv")), policy);
            assertTrue(Files.exists(out.resolve(policy + "-seed2.csv")), policy);
        }
        assertTrue(summary.contains("\"reference\": \"oracle-"), summary);
        assertTrue(Files.readString(out.resolve("report.svg")).startsWith("<svg"));
        String csv = Files.readString(out.resolve("hpa-seed1.csv"));
        assertTrue(csv.startsWith("t,arrivals,processed,lag,replicas_requested,replicas_ready"), csv);
        assertEquals(21600 / 60 + 1, csv.lines().count());
        String table = printed.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("homeostat target:"), table);
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
