package dev.homeostat.ml.telemetry;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of a {@code timestamp,value} CSV (NAB's series, the simulator's traces) with Commons CSV,
 * keeping each record's line in the file so that callers can name it in their errors.
 */
public final class TimestampValueCsv {

    /**
     * Blank lines are kept as one-cell records (and dropped here) so that a record's number is its line in the
     * file; cells are trimmed.
     */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    /** One non-blank record: its line in the file (the header is line 1) and its cells. */
    public record Row(long line, List<String> cells) {

        /** The record as it stood in the file, for error messages. */
        public String text() {
            return String.join(",", cells);
        }
    }

    /** The header's cells (a byte-order mark removed; empty for an empty file) and the non-blank rows after it. */
    public record Table(List<String> header, List<Row> rows) {
    }

    private TimestampValueCsv() {
    }

    /** Reads {@code file} (UTF-8); {@link IOException} when it cannot be read or a quote is left open. */
    public static Table read(Path file) throws IOException {
        List<String> header = List.of();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT)) {
            for (CSVRecord r : parser) {
                List<String> cells = r.toList();
                if (r.getRecordNumber() == 1) {
                    header = cells.stream().map(c -> c.replace("\uFEFF", "").strip()).toList();
                } else if (!(cells.size() == 1 && cells.getFirst().isBlank())) {
                    rows.add(new Row(r.getRecordNumber(), cells));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new Table(header, rows);
    }
}
