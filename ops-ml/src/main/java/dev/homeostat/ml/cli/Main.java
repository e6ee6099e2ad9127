package dev.homeostat.ml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line entry point of the {@code homeostat-ml} jar: dispatches to one {@link Subcommand}. */
public final class Main {

    /**
     * Subcommand name to implementing class. Looked up by name so each subcommand lives in its
     * own package and the dispatcher does not grow with them.
     */
    private static final Map<String, String> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("nab", "dev.homeostat.ml.nab.NabCommand");
        SUBCOMMANDS.put("forecast", "dev.homeostat.ml.forecast.ForecastCommand");
        SUBCOMMANDS.put("autoscale", "dev.homeostat.ml.sim.AutoscaleCommand");
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The top-level command line: a subcommand's name, then its own arguments, untouched. */
    @Command(name = "homeostat-ml")
    static final class Arguments {
        @Parameters(index = "0", arity = "0..1", paramLabel = "SUBCOMMAND")
        String subcommand;
        @Parameters(index = "1..*", paramLabel = "ARG")
        List<String> rest = new ArrayList<>();
    }

    /** Runs one subcommand and returns its exit code instead of exiting, so tests can call it. */
    public static int run(String[] args) {
        Arguments a = new Arguments();
        try {
            // Everything after the subcommand's name is its own, options included: the subcommand parses it.
            new CommandLine(a).setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            a.subcommand = null;
        }
        if (a.subcommand == null || !SUBCOMMANDS.containsKey(a.subcommand)) {
            System.err.println("usage: java -jar homeostat-ml.jar <" + String.join("|", SUBCOMMANDS.keySet()) + "> [options]");
            if (a.subcommand != null && !a.subcommand.equals("--help")) {
                System.err.println("error: unknown subcommand '" + a.subcommand + "'");
            }
            return 2;
        }
        try {
            Subcommand command = (Subcommand) Class.forName(SUBCOMMANDS.get(a.subcommand))
                    .getDeclaredConstructor().newInstance();
            return command.run(a.rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (ReflectiveOperationException e) {
            System.err.println("error: subcommand '" + a.subcommand + "' is not available in this build: " + e);
            return 2;
        } catch (Exception e) {
            System.err.println("error: " + e);
            return 1;
        }
    }
}
