package dev.homeostat.ml.forecast;

import dev.homeostat.ml.telemetry.TimeSeries;
import dev.homeostat.ml.telemetry.TimestampValueCsv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Reads a NAB-style {@code timestamp,value} CSV (through {@link TimestampValueCsv}) (timestamps {@code yyyy-MM-dd HH:mm:ss}, taken as UTC). */
public final class SeriesCsv {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SeriesCsv() {
    }

    /**
     * Reads the file; a missing file, a missing header, a malformed line or non-increasing
     * timestamps raise {@link IllegalArgumentException} naming the file and line.
     */
    public static TimeSeries read(Path file) {
        TimestampValueCsv.Table table;
        try {
            table = TimestampValueCsv.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!String.join(",", table.header()).equalsIgnoreCase("timestamp,value")) {
            throw new IllegalArgumentException(file + ": expected header 'timestamp,value'");
        }
        List<TimestampValueCsv.Row> rows = table.rows();
        long[] times = new long[rows.size()];
        double[] values = new double[rows.size()];
        int n = 0;
        for (TimestampValueCsv.Row row : rows) {
            if (row.cells().size() != 2) {
                throw new IllegalArgumentException(file + ":" + row.line() + ": expected 'timestamp,value', got '"
                        + row.text() + "'");
            }
            try {
                times[n] = LocalDateTime.parse(row.cells().get(0), TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
                values[n] = Double.parseDouble(row.cells().get(1));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + row.line() + ": " + e.getMessage(), e);
            }
            if (n > 0 && times[n] <= times[n - 1]) {
                throw new IllegalArgumentException(file + ":" + row.line() + ": timestamps must increase");
            }
            n++;
        }
        try {
            return new TimeSeries(Arrays.copyOf(times, n), Arrays.copyOf(values, n));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
