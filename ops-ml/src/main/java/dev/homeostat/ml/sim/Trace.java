package dev.homeostat.ml.sim;

import dev.homeostat.ml.telemetry.TimestampValueCsv;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A load trace read from a {@code timestamp,value} CSV (NAB's layout): one count of events per
 * interval, timestamps strictly increasing. Immutable.
 *
 * @param name           the file name without extension, used in reports
 * @param epochSeconds   start of each interval, Unix seconds (timestamps are read as UTC)
 * @param values         events counted in each interval, finite and non-negative
 */
public record Trace(String name, long[] epochSeconds, double[] values) {

    private static final DateTimeFormatter[] FORMATS = {
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
    };

    /** Validates lengths, order and values, naming the first offending row. */
    public Trace {
        if (epochSeconds.length != values.length) {
            throw new IllegalArgumentException("timestamps (" + epochSeconds.length + ") and values ("
                    + values.length + ") differ in length");
        }
        if (values.length < 2) {
            throw new IllegalArgumentException("a trace needs at least 2 rows, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!(Double.isFinite(values[i]) && values[i] >= 0)) {
                throw new IllegalArgumentException("value must be finite and >= 0, got " + values[i] + " at row " + (i + 1));
            }
            if (i > 0 && epochSeconds[i] <= epochSeconds[i - 1]) {
                throw new IllegalArgumentException("timestamps must increase strictly, row " + (i + 1) + " is not after row " + i);
            }
        }
        epochSeconds = epochSeconds.clone();
        values = values.clone();
    }

    /** Reads a trace; {@link IllegalArgumentException} with file and line on a missing or malformed file. */
    public static Trace read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        long[] times = new long[1024];
        double[] values = new double[1024];
        int n = 0;
        TimestampValueCsv.Table table;
        try {
            table = TimestampValueCsv.read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("trace file not found: " + file);
        }
        if (table.header().isEmpty() || !table.header().getFirst().toLowerCase(Locale.ROOT).startsWith("timestamp")) {
            throw new IllegalArgumentException(file + ": expected a header 'timestamp,value', got "
                    + (table.header().isEmpty() ? "an empty file" : "'" + String.join(",", table.header()) + "'"));
        }
        for (TimestampValueCsv.Row row : table.rows()) {
            List<String> cells = row.cells();
            if (cells.size() != 2) {
                throw new IllegalArgumentException(file + ":" + row.line() + ": expected 'timestamp,value', got '"
                        + row.text() + "'");
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            times[n] = parseTime(cells.get(0), file, row.line());
            try {
                values[n] = Double.parseDouble(cells.get(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + row.line() + ": value is not a number: '"
                        + cells.get(1) + "'");
            }
            n++;
        }
        try {
            return new Trace(name, Arrays.copyOf(times, n), Arrays.copyOf(values, n));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Typical spacing of the rows in seconds (the median gap), robust to a few missing rows. */
    public long intervalSeconds() {
        long[] gaps = new long[epochSeconds.length - 1];
        for (int i = 1; i < epochSeconds.length; i++) {
            gaps[i - 1] = epochSeconds[i] - epochSeconds[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    private static long parseTime(String text, Path file, long lineNo) {
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDateTime.parse(text, f).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": unreadable timestamp '" + text
                    + "' (expected yyyy-MM-dd HH:mm:ss or Unix seconds)");
        }
    }
}
