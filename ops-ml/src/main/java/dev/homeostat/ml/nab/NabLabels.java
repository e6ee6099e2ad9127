package dev.homeostat.ml.nab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** NAB's ground truth: the anomaly windows of {@code combined_windows.json}, keyed by {@code <category>/<file>.csv}. */
public final class NabLabels {

    /** One window in time, both ends inclusive. */
    public record TimeWindow(LocalDateTime start, LocalDateTime end) {
        public TimeWindow {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("window ends before it starts: [" + start + ", " + end + "]");
            }
        }
    }

    private final Map<String, List<TimeWindow>> windows;

    private NabLabels(Map<String, List<TimeWindow>> windows) {
        this.windows = windows;
    }

    /** Labels from an in-memory map (tests, other corpora). */
    public static NabLabels of(Map<String, List<TimeWindow>> windows) {
        Map<String, List<TimeWindow>> copy = new TreeMap<>();
        windows.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return new NabLabels(copy);
    }

    /** Reads a {@code combined_windows.json} file. */
    public static NabLabels read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NabInputException("cannot read windows file " + file + ": " + e, e);
        }
        if (!(NabJson.parse(text, file.toString()) instanceof Map<?, ?> root)) {
            throw new NabInputException(file + ": expected a JSON object mapping file keys to window lists");
        }
        Map<String, List<TimeWindow>> windows = new TreeMap<>();
        for (Map.Entry<?, ?> entry : root.entrySet()) {
            String key = (String) entry.getKey();
            if (!(entry.getValue() instanceof List<?> pairs)) {
                throw new NabInputException(file + ": windows of '" + key + "' must be a list");
            }
            List<TimeWindow> list = new ArrayList<>();
            for (Object pair : pairs) {
                if (!(pair instanceof List<?> ends) || ends.size() != 2
                        || !(ends.get(0) instanceof String start) || !(ends.get(1) instanceof String end)) {
                    throw new NabInputException(file + ": window of '" + key + "' must be [start, end] strings, got " + pair);
                }
                try {
                    list.add(new TimeWindow(NabSeries.parseTimestamp(start), NabSeries.parseTimestamp(end)));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new NabInputException(file + ": bad window of '" + key + "' " + pair + ": " + e.getMessage(), e);
                }
            }
            windows.put(key, List.copyOf(list));
        }
        return new NabLabels(windows);
    }

    /** Whether the labels know this file. */
    public boolean contains(String key) {
        return windows.containsKey(key);
    }

    /** All keys, sorted. */
    public List<String> keys() {
        return List.copyOf(windows.keySet());
    }

    /** The time windows of a file (empty for a file without anomalies). */
    public List<TimeWindow> windows(String key) {
        List<TimeWindow> list = windows.get(key);
        if (list == null) {
            throw new NabInputException("no windows for '" + key + "' in the windows file");
        }
        return list;
    }

    /**
     * The windows of a series as row indices: from the first row at or after the window's start to the
     * last row before a row later than its end. Scanning forward (not searching by time) keeps a clock
     * that steps back, as in {@code machine_temperature_system_failure.csv}, from confusing it.
     */
    public List<IndexWindow> indexWindows(NabSeries series) {
        List<IndexWindow> result = new ArrayList<>();
        List<LocalDateTime> times = series.timestamps();
        int row = 0;
        for (TimeWindow window : windows(series.key())) {
            while (row < times.size() && times.get(row).isBefore(window.start())) {
                row++;
            }
            if (row >= times.size() || times.get(row).isAfter(window.end())) {
                throw new NabInputException(series.key() + ": window [" + window.start() + ", " + window.end()
                        + "] contains no data row");
            }
            int start = row;
            while (row + 1 < times.size() && !times.get(row + 1).isAfter(window.end())) {
                row++;
            }
            result.add(new IndexWindow(start, row));
            row++;
        }
        return result;
    }
}
