package dev.homeostat.ml.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCommandTest {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime START = LocalDateTime.of(2015, 3, 1, 0, 0);

    @TempDir
    Path root;
    private Path data;
    private Path out;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void corpus() throws IOException {
        data = root.resolve("data");
        out = root.resolve("results");
        Files.createDirectories(data.resolve("synthetic"));
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            double value = 10 + random.nextGaussian() + (i == 300 ? 40 : 0);
            csv.append(FORMAT.format(START.plusMinutes(5L * i))).append(',').append(value).append('\n');
        }
        Files.writeString(data.resolve("synthetic/spike.csv"), csv);
        Files.writeString(root.resolve("combined_windows.json"), "{\"synthetic/spike.csv\": [[\""
                + FORMAT.format(START.plusMinutes(5L * 290)) + ".000000\", \"" + FORMAT.format(START.plusMinutes(5L * 310)) + ".000000\"]]}");
        Files.writeString(root.resolve("profiles.json"), "{\"standard\": {\"CostMatrix\": "
                + "{\"tpWeight\": 1.0, \"fnWeight\": 1.0, \"fpWeight\": 0.11, \"tnWeight\": 1.0}}}");
    }

    private int run(String... args) {
        return new NabCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesNabResultsLayoutAndPrintsScores() throws IOException {
        // when
        int code = run("--data", data.toString(), "--out", out.toString(), "--detector", "homeostat");
        // then
        assertEquals(0, code, err());
        Path result = out.resolve("homeostat/synthetic/homeostat_spike.csv");
        List<String> lines = Files.readAllLines(result);
        assertEquals("timestamp,value,anomaly_score,label", lines.getFirst());
        assertEquals(401, lines.size());
        assertTrue(lines.get(301).endsWith(",1"), lines.get(301));
        assertTrue(lines.get(1).endsWith(",0"), lines.get(1));
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("standard") && printed.contains("synthetic"), printed);
    }

    @Test
    void missingDataDirectoryExitsNonZeroWithItsName() {
        int code = run("--data", root.resolve("nowhere").toString(), "--out", out.toString());
        assertEquals(2, code);
        assertTrue(err().contains("data directory not found") && err().contains("nowhere"), err());
        assertFalse(Files.exists(out));
    }

    @Test
    void malformedValueNamesFileAndLineAndWritesNothing() throws IOException {
        Files.writeString(data.resolve("synthetic/spike.csv"), "timestamp,value\n2015-03-01 00:00:00,1.0\n2015-03-01 00:05:00,abc\n");
        int code = run("--data", data.toString(), "--out", out.toString());
        assertEquals(2, code);
        assertTrue(err().contains("spike.csv line 3") && err().contains("'abc'"), err());
        assertFalse(Files.exists(out));
    }

    @Test
    void malformedTimestampIsReported() throws IOException {
        Files.writeString(data.resolve("synthetic/spike.csv"), "timestamp,value\nyesterday,1.0\n");
        assertEquals(2, run("--data", data.toString(), "--out", out.toString()));
        assertTrue(err().contains("bad timestamp 'yesterday'"), err());
    }

    @Test
    void missingOrMalformedLabelsAreReported() throws IOException {
        assertEquals(2, run("--data", data.toString(), "--out", out.toString(), "--labels", root.resolve("none.json").toString()));
        assertTrue(err().contains("file not found") && err().contains("none.json"), err());
        Files.writeString(root.resolve("combined_windows.json"), "{\"synthetic/spike.csv\": [[\"2015-03-01 00:00:00\"]]}");
        assertEquals(2, run("--data", data.toString(), "--out", out.toString()));
        assertTrue(err().contains("combined_windows.json"), err());
    }

    @Test
    void dataFileWithoutLabelsIsReported() throws IOException {
        Files.writeString(data.resolve("synthetic/other.csv"), "timestamp,value\n2015-03-01 00:00:00,1.0\n");
        assertEquals(2, run("--data", data.toString(), "--out", out.toString()));
        assertTrue(err().contains("synthetic/other.csv") && err().contains("no entry"), err());
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("Usage: nab"));
    }

    @Test
    void malformedProfilesAreReported() throws IOException {
        Files.writeString(root.resolve("profiles.json"), "{\"standard\": {\"CostMatrix\": {\"tpWeight\": 1.0}}}");
        assertEquals(2, run("--data", data.toString(), "--out", out.toString()));
        assertTrue(err().contains("profiles.json") && err().contains("fpWeight"), err());
    }

    @Test
    void badUsageExitsWithUsage() {
        assertEquals(2, run("--data", data.toString()));
        assertTrue(err().contains("Missing required option") && err().contains("Usage: nab"), err());
        assertEquals(2, run("--data", data.toString(), "--out", out.toString(), "--detector", "oracle"));
        assertTrue(err().contains("unknown detector 'oracle'"), err());
    }
}
