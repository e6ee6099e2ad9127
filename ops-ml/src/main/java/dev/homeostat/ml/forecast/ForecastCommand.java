package dev.homeostat.ml.forecast;

import dev.homeostat.ml.cli.CommandLineOptions;
import dev.homeostat.ml.cli.Subcommand;
import dev.homeostat.ml.telemetry.TimeSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code forecast} subcommand: rolling-origin evaluation of the seasonal forecaster against naive
 * baselines on NAB series, printed as Markdown tables, plus its cost per call.
 *
 * <pre>
 * forecast --data DIR [--files a.csv,dir/*request*] [--horizons 1,6,12] [--coverage 0.9] [--timing-days 30]
 * </pre>
 */
public final class ForecastCommand implements Subcommand {

    static final String DEFAULT_FILES = "realKnownCause/nyc_taxi.csv,realAWSCloudwatch/*request*";

    private final PrintStream out;

    /** Prints to standard output. */
    public ForecastCommand() {
        this(System.out);
    }

    ForecastCommand(PrintStream out) {
        this.out = out;
    }

    /** The command line. */
    @Command(name = "forecast", description = "Rolling-origin evaluation of the seasonal forecaster against naive baselines.")
    static final class Arguments {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "NAB data directory")
        Path data;
        @Option(names = "--files", paramLabel = "LIST", description = "files or globs under DIR, comma-separated (default ${DEFAULT-VALUE})")
        String files = DEFAULT_FILES;
        @Option(names = "--horizons", split = ",", paramLabel = "H", description = "horizons in steps (default 1,6,12)")
        int[] horizons = {1, 6, 12};
        @Option(names = "--coverage", paramLabel = "C", description = "nominal band coverage (default ${DEFAULT-VALUE})")
        double coverage = 0.9;
        @Option(names = "--timing-days", paramLabel = "N", description = "days of synthetic series timed (default ${DEFAULT-VALUE})")
        int timingDays = 30;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
        boolean help;
    }

    @Override
    public int run(String[] args) {
        Arguments a = new Arguments();
        if (!CommandLineOptions.parse(a, args, out)) {
            return 0;
        }
        Path data = a.data;
        String files = a.files;
        int[] horizons = a.horizons;
        double coverage = a.coverage;
        int timingDays = a.timingDays;
        if (horizons.length == 0 || Arrays.stream(horizons).anyMatch(x -> x < 1)) {
            throw new IllegalArgumentException("--horizons must be positive step counts, got " + Arrays.toString(horizons));
        }
        if (data == null || !Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data must name a NAB data directory, got " + data);
        }
        List<Path> paths = resolve(data, files);
        out.printf(Locale.ROOT, "Rolling-origin evaluation, band coverage nominal %.2f; MASE scaled by the in-sample"
                + " daily seasonal-naive MAE; sMAPE in %%.%n", coverage);
        for (Path p : paths) {
            TimeSeries series = SeriesCsv.read(p);
            Duration step = ForecastEvaluation.inferStep(series);
            int maxH = Arrays.stream(horizons).max().orElseThrow();
            SeasonalForecaster.Options options = SeasonalForecaster.Options.of(step, step.multipliedBy(maxH))
                    .withCoverage(coverage);
            ForecastEvaluation.Row[] rows = ForecastEvaluation.evaluate(series, options, horizons);
            printRows(data.relativize(p).toString(), series.size(), step, rows);
        }
        if (timingDays > 0) {
            printTiming(timingDays);
        }
        return 0;
    }

    private void printRows(String name, int size, Duration step, ForecastEvaluation.Row[] rows) {
        out.printf(Locale.ROOT, "%n### %s (%d points, step %s)%n%n", name, size, human(step));
        out.println("| horizon | origins | MASE seasonal | MASE snaive-1d | MASE snaive-7d | MASE last-value"
                + " | sMAPE seasonal | sMAPE snaive-1d | sMAPE snaive-7d | sMAPE last-value | coverage (ready) | ready |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (ForecastEvaluation.Row r : rows) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "| %d (%s) | %d |", r.horizonSteps(),
                    human(step.multipliedBy(r.horizonSteps())), r.points()));
            r.scores().values().forEach(s -> b.append(String.format(Locale.ROOT, " %.3f |", s.mase())));
            r.scores().values().forEach(s -> b.append(String.format(Locale.ROOT, " %.2f |", s.smape())));
            b.append(String.format(Locale.ROOT, " %.3f (%.3f) | %.2f |", r.coverage(), r.readyCoverage(), r.readyShare()));
            out.println(b);
        }
    }

    /**
     * Cost per call on a synthetic 15 s series (daily cycle plus noise, fixed seed) with the default
     * options, the regime of the autoscaling simulator: the time to observe the whole series, then on
     * the trained forecaster as many forecastAt and peak calls over varying targets. Three rounds,
     * best kept (the first warms the JIT up); the clock is read per loop, not per call. Times are
     * the thread's CPU time, so other processes on a shared machine do not inflate them.
     */
    private void printTiming(int days) {
        SeasonalForecaster.Options options = SeasonalForecaster.Options.defaults();
        long step = options.step().toMillis();
        int n = (int) (Duration.ofDays(days).toMillis() / step);
        double[] values = new double[n];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            double phase = 2 * Math.PI * (i * step % 86_400_000L) / 86_400_000.0;
            values[i] = 1000 + 400 * Math.sin(phase) + 50 * random.nextGaussian();
        }
        long horizon = options.horizon().toMillis();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double observeNs = Double.MAX_VALUE;
        double forecastNs = Double.MAX_VALUE;
        double peakNs = Double.MAX_VALUE;
        double sink = 0;
        for (int round = 0; round < 3; round++) {
            SeasonalForecaster f = SeasonalForecaster.create(options);
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                f.observe(i * step, values[i]);
            }
            observeNs = Math.min(observeNs, (double) (cpu.getCurrentThreadCpuTime() - start) / n);
            long now = f.lastObservedMillis();
            start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += f.forecastAt(now + (i % 40 + 1) * step).upper();
            }
            forecastNs = Math.min(forecastNs, (double) (cpu.getCurrentThreadCpuTime() - start) / n);
            start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                long from = now + (i % 40) * 1_000L;
                sink += f.peak(from, from + horizon).upper();
            }
            peakNs = Math.min(peakNs, (double) (cpu.getCurrentThreadCpuTime() - start) / n);
        }
        out.printf(Locale.ROOT, "%n### Cost per call (synthetic 15 s series, %d days = %d observations, default options,"
                + " thread CPU time, best of 3 rounds; checksum %.1f)%n%n", days, n, sink);
        out.println("| observe | forecastAt (1-40 steps ahead) | peak over 10 min |");
        out.println("|---|---|---|");
        out.printf(Locale.ROOT, "| %.2f µs | %.2f µs | %.2f µs |%n", observeNs / 1000, forecastNs / 1000, peakNs / 1000);
    }

    private static List<Path> resolve(Path data, String files) {
        List<Path> out = new ArrayList<>();
        for (String pattern : files.split(",")) {
            String p = pattern.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!p.contains("*") && !p.contains("?")) {
                Path file = data.resolve(p);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no such file: " + file);
                }
                out.add(file);
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
            try (Stream<Path> walk = Files.walk(data)) {
                List<Path> matched = walk.filter(Files::isRegularFile)
                        .filter(f -> matcher.matches(data.relativize(f)))
                        .sorted()
                        .toList();
                if (matched.isEmpty()) {
                    throw new IllegalArgumentException("no file under " + data + " matches '" + p + "'");
                }
                out.addAll(matched);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + data + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
