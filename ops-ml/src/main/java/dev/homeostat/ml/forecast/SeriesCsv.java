package dev.homeostat.ml.forecast;

import dev.homeostat.ml.telemetry.TimeSeries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads a NAB-style {@code timestamp,value} CSV (timestamps {@code yyyy-MM-dd HH:mm:ss}, taken as UTC). */
public final class SeriesCsv {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SeriesCsv() {
    }

    /**
     * Reads the file; a missing file, a missing header, a malformed line or non-increasing
     * timestamps raise {@link IllegalArgumentException} naming the file and line.
     */
    public static TimeSeries read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase("timestamp,value")) {
            throw new IllegalArgumentException(file + ": expected header 'timestamp,value'");
        }
        long[] times = new long[lines.size() - 1];
        double[] values = new double[lines.size() - 1];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'timestamp,value', got '" + line + "'");
            }
            try {
                times[n] = LocalDateTime.parse(line.substring(0, comma).trim(), TIMESTAMP)
                        .toInstant(ZoneOffset.UTC).toEpochMilli();
                values[n] = Double.parseDouble(line.substring(comma + 1).trim());
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
            if (n > 0 && times[n] <= times[n - 1]) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": timestamps must increase");
            }
            n++;
        }
        try {
            return new TimeSeries(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
