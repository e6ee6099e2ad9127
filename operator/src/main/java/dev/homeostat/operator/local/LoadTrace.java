package dev.homeostat.operator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The load the market feed replays: a {@code timestamp,value} CSV (NAB's format), its point interval and peak,
 * read where it lies (never copied). Without a file, a built-in daily cycle is written to the work directory.
 *
 * @param file          the CSV the feed reads
 * @param pointInterval trace time between two points
 * @param peak          the highest value in the file
 * @param description   what the trace is, for the console
 * @param values        the trace's values in order
 */
public record LoadTrace(Path file, Duration pointInterval, double peak, String description, double[] values) {

    /** Where NAB's nyc_taxi lies beside a checkout of this repository. */
    static final String NAB_NYC_TAXI = "../shared/data/nab/data/realKnownCause/nyc_taxi.csv";
    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The given file, else NAB nyc_taxi found upwards from the working directory, else the built-in daily cycle. */
    public static LoadTrace choose(Optional<Path> given, Path workDirectory) {
        if (given.isPresent()) {
            return read(given.get().toAbsolutePath(), given.get().toString());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NAB_NYC_TAXI).normalize();
            if (Files.isRegularFile(candidate)) {
                return read(candidate, "NAB nyc_taxi (" + candidate + ")");
            }
        }
        return read(writeDailyCycle(workDirectory.resolve("daily-cycle.csv")), "built-in daily cycle");
    }

    /** Reads the interval between the first two points and the peak value. */
    static LoadTrace read(Path file, String description) {
        try (var lines = Files.lines(file)) {
            var times = new ArrayList<LocalDateTime>();
            var values = new ArrayList<Double>();
            double peak = 0;
            for (String line : (Iterable<String>) lines.skip(1)::iterator) {
                String[] fields = line.split(",");
                if (fields.length < 2) {
                    continue;
                }
                if (times.size() < 2) {
                    times.add(LocalDateTime.parse(fields[0].trim().replace("\"", ""), NAB_TIME));
                }
                double value = Double.parseDouble(fields[1].trim());
                values.add(value);
                peak = Math.max(peak, value);
            }
            if (times.size() < 2 || peak <= 0) {
                throw new IllegalArgumentException("trace " + file + " needs at least two points and a positive value");
            }
            return new LoadTrace(file, Duration.between(times.get(0), times.get(1)), peak, description,
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("trace " + file + " is not a timestamp,value CSV: " + e.getMessage(), e);
        }
    }

    /** Wall seconds each point lasts when replayed {@code compress} times faster than real time. */
    public double secondsPerPoint(double compress) {
        return pointInterval.toMillis() / 1000.0 / compress;
    }

    /** The trace value {@code elapsed} wall time into a replay {@code compress} times faster (wraps around). */
    public double valueAt(Duration elapsed, double compress) {
        long index = (long) (elapsed.toMillis() / 1000.0 / secondsPerPoint(compress));
        return values[(int) (index % values.length)];
    }

    /** Records/s per unit of trace value so that the peak becomes {@code peakRate}. */
    public double scaleFor(double peakRate) {
        return peakRate / peak;
    }

    /** Seven days at 30-minute points: a quiet night, a morning ramp, a midday dip and an evening peak. */
    static Path writeDailyCycle(Path file) {
        var lines = new ArrayList<String>(List.of("timestamp,value"));
        LocalDateTime start = LocalDateTime.of(2026, 1, 5, 0, 0);
        for (int i = 0; i < 7 * 48; i++) {
            LocalDateTime time = start.plusMinutes(30L * i);
            double hour = time.getHour() + time.getMinute() / 60.0;
            double day = 0.55 - 0.4 * Math.cos(2 * Math.PI * (hour - 3) / 24);
            double evening = 0.25 * Math.exp(-Math.pow((hour - 18.5) / 1.5, 2));
            lines.add(time.format(NAB_TIME) + "," + String.format(java.util.Locale.ROOT, "%.1f", 10_000 * (day + evening)));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
