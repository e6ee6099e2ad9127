package dev.homeostat.apps.marketfeed.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the values of a {@code timestamp,value} CSV trace (NAB layout: a header line, then one point a line). */
public final class TraceFile {

    private TraceFile() {
    }

    /** The values of the trace in file order; a malformed line fails with its line number. */
    public static List<Double> readValues(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace file " + file, e);
        }
        return parseValues(lines, file.toString());
    }

    /** Parses trace lines; {@code source} names them in error messages. */
    public static List<Double> parseValues(List<String> lines, String source) {
        List<Double> values = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.startsWith("timestamp"))) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected timestamp,value but was '" + line + "'");
            }
            try {
                values.add(Double.parseDouble(line.substring(comma + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": value is not a number in '" + line + "'", e);
            }
        }
        return values;
    }
}
