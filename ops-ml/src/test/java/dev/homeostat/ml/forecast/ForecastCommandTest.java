package dev.homeostat.ml.forecast;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The forecast subcommand runs on real NAB data and rejects bad input with clear messages. */
class ForecastCommandTest {

    /** The shared NAB data directory, found by walking up from the module directory; null when absent. */
    static Path nabData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/nab/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void evaluatesARealRequestCountSeriesAndPrintsATable() {
        // given the shared NAB data
        Path data = nabData();
        assumeTrue(data != null, "shared/data/nab not found above " + Path.of("").toAbsolutePath());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // when
        int code = new ForecastCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(new String[] {
            "--data", data.toString(), "--files", "realAWSCloudwatch/*request*", "--horizons", "1,6",
            "--timing-days", "0"});

        // then
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertTrue(out.contains("### realAWSCloudwatch/elb_request_count_8c0756.csv (4032 points, step 5m)"), out);
        assertTrue(out.contains("| 1 (5m) |") && out.contains("| 6 (30m) |"), out);
    }

    @Test
    void badInputIsAClearError(@TempDir Path dir) throws IOException {
        // given a data directory with a malformed file
        Files.writeString(dir.resolve("bad.csv"), "timestamp,value\n2014-04-10 00:04:00,12\nnot a line\n");
        ForecastCommand command = new ForecastCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        // when / then
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> command.run(new String[] {"--data", dir.toString(), "--files", "bad.csv"}));
        assertTrue(malformed.getMessage().contains("bad.csv:3"), malformed.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> command.run(new String[] {"--data", dir.toString(), "--files", "nope.csv"}));
        assertTrue(missing.getMessage().contains("nope.csv"), missing.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> command.run(new String[] {"--data", dir.toString(), "--files", "*.none"}));
        assertThrows(IllegalArgumentException.class, () -> command.run(new String[] {"--bogus"}));
        assertThrows(IllegalArgumentException.class,
                () -> command.run(new String[] {"--data", dir.resolve("absent").toString()}));
        assertThrows(IllegalArgumentException.class,
                () -> command.run(new String[] {"--data", dir.toString(), "--horizons", "0"}));
    }
}
