package dev.homeostat.ml.nab;

import dev.homeostat.ml.anomaly.Detectors;
import dev.homeostat.ml.cli.CommandLineOptions;
import dev.homeostat.ml.cli.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code nab --data DIR --out DIR [--detector NAME] [--labels FILE] [--profiles FILE] [--seed N]}:
 * runs a detector over a NAB data directory, writes NAB's results layout and prints the NAB scores
 * for every cost profile, overall and per category, and the leave-category-out score ({@link HeldOutScore}).
 * Exit 0 on success, 2 on bad usage or input.
 */
public final class NabCommand implements Subcommand {

    private final PrintStream out;
    private final PrintStream err;

    /** Prints to the process's standard streams. */
    public NabCommand() {
        this(System.out, System.err);
    }

    /** Prints to the given streams (tests). */
    public NabCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parsed command line. */
    record Arguments(Path data, Path out, String detector, Path labels, Path profiles, long seed) {

        /** The options as picocli fills them. */
        @Command(name = "nab", description = "Runs a detector over a NAB data directory and prints NAB's scores.")
        static final class Flags {
            @Option(names = "--data", required = true, paramLabel = "DIR", description = "NAB data directory")
            Path data;
            @Option(names = "--out", required = true, paramLabel = "DIR", description = "results directory (NAB's layout)")
            Path out;
            @Option(names = "--detector", paramLabel = "NAME", description = "detector (default ${DEFAULT-VALUE})")
            String detector = Detectors.DEFAULT;
            @Option(names = "--labels", paramLabel = "FILE",
                    description = "combined_windows.json (default: beside the data directory)")
            Path labels;
            @Option(names = "--profiles", paramLabel = "FILE", description = "profiles.json (default: beside the data directory)")
            Path profiles;
            @Option(names = "--seed", paramLabel = "N", description = "detector seed (default ${DEFAULT-VALUE})")
            long seed = 42;
            @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
            boolean help;
        }

        /** Parses the command line; null when help was asked for (the usage is then printed to {@code console}). */
        static Arguments parse(String[] args, PrintStream console) {
            Flags f = new Flags();
            if (!CommandLineOptions.parse(f, args, console)) {
                return null;
            }
            Path data = f.data;
            Path out = f.out;
            String detector = f.detector;
            Path labels = f.labels;
            Path profiles = f.profiles;
            long seed = f.seed;
            if (data == null || out == null) {
                throw new IllegalArgumentException("--data and --out are required");
            }
            if (!Detectors.names().contains(detector)) {
                throw new IllegalArgumentException("unknown detector '" + detector + "'; known: " + Detectors.names());
            }
            Path parent = data.toAbsolutePath().getParent();
            if (labels == null) {
                labels = parent == null ? Path.of("combined_windows.json") : parent.resolve("combined_windows.json");
            }
            if (profiles == null) {
                profiles = parent == null ? Path.of("profiles.json") : parent.resolve("profiles.json");
            }
            return new Arguments(data, out, detector, labels, profiles, seed);
        }
    }

    @Override
    public int run(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, out);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (arguments == null) {
            return 0;
        }
        try {
            if (!Files.isDirectory(arguments.data())) {
                throw new NabInputException("data directory not found: " + arguments.data());
            }
            for (Path required : List.of(arguments.labels(), arguments.profiles())) {
                if (!Files.isRegularFile(required)) {
                    throw new NabInputException("file not found: " + required
                            + " (by default looked up next to the data directory; pass --labels/--profiles)");
                }
            }
            NabLabels labels = NabLabels.read(arguments.labels());
            List<CostProfile> profiles = CostProfiles.read(arguments.profiles());
            NabCorpus corpus = NabCorpus.read(arguments.data(), labels);
            List<ScoredFile> scored = NabRunner.run(corpus, arguments.detector(), arguments.seed());
            ResultsWriter.write(arguments.out(), arguments.detector(), corpus, scored);
            report(arguments, corpus, scored, profiles);
            return 0;
        } catch (NabInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot write results under " + arguments.out() + ": " + e);
            return 1;
        }
    }

    private void report(Arguments arguments, NabCorpus corpus, List<ScoredFile> scored, List<CostProfile> profiles) {
        int windows = corpus.windows().stream().mapToInt(List::size).sum();
        out.printf(Locale.ROOT, "detector %s: %d files, %d windows, results in %s%n", arguments.detector(),
                corpus.series().size(), windows, arguments.out().resolve(arguments.detector()));
        for (CostProfile profile : profiles) {
            NabScore score = NabScorer.score(scored, profile);
            out.printf(Locale.ROOT, "%-20s score %7.2f  (raw %8.3f, null %8.3f, perfect %7.3f, threshold %.6f)%n",
                    profile.name(), score.normalized(), score.raw(), score.nullScore(), score.perfect(), score.threshold());
            for (Map.Entry<String, NabScore.CategoryScore> entry : score.byCategory().entrySet()) {
                NabScore.CategoryScore c = entry.getValue();
                out.printf(Locale.ROOT, "  %-24s score %7s  raw %8.3f  TP %3d  FN %3d  FP %4d%n", entry.getKey(),
                        Double.isNaN(c.normalized()) ? "n/a" : String.format(Locale.ROOT, "%.2f", c.normalized()),
                        c.raw(), c.truePositives(), c.falseNegatives(), c.falsePositives());
            }
            if (score.byCategory().size() >= 2) {
                HeldOutScore held = HeldOutScore.of(scored, profile);
                out.printf(Locale.ROOT, "  %-24s score %7.2f  raw %8.3f  (each category at the threshold chosen on the others:%s)%n",
                        "leave-category-out", held.normalized(), held.raw(), thresholds(held));
            }
        }
    }

    private static String thresholds(HeldOutScore held) {
        StringBuilder text = new StringBuilder();
        held.byCategory().forEach((category, h) -> text.append(String.format(Locale.ROOT, " %s %.6f", category, h.threshold())));
        return text.toString();
    }
}
