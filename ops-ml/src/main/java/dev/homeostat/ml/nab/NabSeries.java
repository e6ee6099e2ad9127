package dev.homeostat.ml.nab;

import dev.homeostat.ml.telemetry.TimestampValueCsv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One NAB data file: its key ({@code <category>/<file>.csv}), the raw timestamp strings (kept to write
 * results byte-identical), the parsed timestamps and the values.
 *
 * <p>Timestamps are not required to increase: NAB's {@code machine_temperature_system_failure.csv}
 * steps its clock back once, and rows are scored in file order like NAB does.
 */
public record NabSeries(String key, List<String> timestampText, List<LocalDateTime> timestamps, double[] values) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public NabSeries {
        timestampText = List.copyOf(timestampText);
        timestamps = List.copyOf(timestamps);
        values = values.clone();
        if (timestampText.size() != values.length || timestamps.size() != values.length) {
            throw new IllegalArgumentException(key + ": " + timestamps.size() + " timestamps but " + values.length + " values");
        }
    }

    /** The values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Number of rows. */
    public int length() {
        return values.length;
    }

    /** One value. */
    public double value(int row) {
        return values[row];
    }

    /** The category, i.e. the directory of the file. */
    public String category() {
        return key.substring(0, key.indexOf('/'));
    }

    /** The file name without directory and {@code .csv}. */
    public String baseName() {
        String file = key.substring(key.indexOf('/') + 1);
        return file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
    }

    /** Parses a NAB timestamp ({@code yyyy-MM-dd HH:mm:ss}, optionally with a fraction of a second). */
    static LocalDateTime parseTimestamp(String text) {
        String trimmed = text.strip();
        int dot = trimmed.indexOf('.');
        return LocalDateTime.parse(dot < 0 ? trimmed : trimmed.substring(0, dot), FORMAT);
    }

    /** Reads {@code dataDir/key}, failing with the file and line on any malformed row. */
    public static NabSeries read(Path dataDir, String key) {
        Path file = dataDir.resolve(key);
        TimestampValueCsv.Table table;
        try {
            table = TimestampValueCsv.read(file);
        } catch (IOException e) {
            throw new NabInputException("cannot read data file " + file + ": " + e, e);
        }
        if (!table.header().equals(List.of("timestamp", "value"))) {
            throw new NabInputException(file + ": header must be 'timestamp,value'");
        }
        List<TimestampValueCsv.Row> rows = table.rows();
        List<String> text = new ArrayList<>(rows.size());
        List<LocalDateTime> times = new ArrayList<>(rows.size());
        double[] values = new double[rows.size()];
        int n = 0;
        for (TimestampValueCsv.Row row : rows) {
            List<String> cells = row.cells();
            if (cells.size() != 2) {
                throw new NabInputException(file + " line " + row.line() + ": expected 2 columns, got " + cells.size()
                        + ": '" + row.text() + "'");
            }
            try {
                times.add(parseTimestamp(cells.get(0)));
            } catch (DateTimeParseException e) {
                throw new NabInputException(file + " line " + row.line() + ": bad timestamp '" + cells.get(0) + "'", e);
            }
            double value;
            try {
                value = Double.parseDouble(cells.get(1));
            } catch (NumberFormatException e) {
                throw new NabInputException(file + " line " + row.line() + ": value '" + cells.get(1) + "' is not a number", e);
            }
            if (!Double.isFinite(value)) {
                throw new NabInputException(file + " line " + row.line() + ": value '" + cells.get(1) + "' is not finite");
            }
            text.add(cells.get(0));
            values[n++] = value;
        }
        if (n == 0) {
            throw new NabInputException(file + ": no data rows");
        }
        return new NabSeries(key, text, times, java.util.Arrays.copyOf(values, n));
    }
}
