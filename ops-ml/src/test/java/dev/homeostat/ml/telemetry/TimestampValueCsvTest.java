package dev.homeostat.ml.telemetry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link TimestampValueCsv} keeps each row's file line, skips blank lines and strips a byte-order mark. */
class TimestampValueCsvTest {

    @TempDir
    Path dir;

    @Test
    void rowsKeepTheirLineAcrossBlankLinesAndCrlf() throws IOException {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, "\uFEFFtimestamp, value\r\n2015-01-01 00:00:00,1.5\r\n\r\n   \r\n2015-01-01 00:05:00,\"2\"\r\n",
                StandardCharsets.UTF_8);
        TimestampValueCsv.Table t = TimestampValueCsv.read(file);
        assertEquals(List.of("timestamp", "value"), t.header());
        assertEquals(2, t.rows().size());
        assertEquals(2, t.rows().get(0).line());
        assertEquals(List.of("2015-01-01 00:00:00", "1.5"), t.rows().get(0).cells());
        assertEquals(5, t.rows().get(1).line());
        assertEquals(List.of("2015-01-01 00:05:00", "2"), t.rows().get(1).cells());
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path empty = Files.writeString(dir.resolve("e.csv"), "");
        assertEquals(List.of(), TimestampValueCsv.read(empty).header());
        assertThrows(NoSuchFileException.class, () -> TimestampValueCsv.read(dir.resolve("none.csv")));
    }
}
