package dev.homeostat.apps.fraud.eval;

import dev.homeostat.apps.fraud.scoring.ForestScorer;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code evaluate [--seeds 1,2,3] [--payments 100000] [--train 0.7] [--threshold 0.5]}: prints held-out
 * precision and recall of the model and of the rule-based fallback for each seed.
 */
public final class EvaluateCommand {

    private EvaluateCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLine line = new CommandLine(args, Set.of("seeds", "payments", "train", "threshold"));
            long[] seeds = Arrays.stream(line.text("seeds", "1,2,3").split(",")).map(String::trim)
                    .mapToLong(Long::parseLong).toArray();
            for (long seed : seeds) {
                var options = new Evaluation.Options(seed, (int) line.longValue("payments", 100_000),
                        line.doubleValue("train", 0.7), line.doubleValue("threshold", 0.5), ForestScorer.Options.defaults());
                out.print(Evaluation.run(options).toText());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        }
    }
}
