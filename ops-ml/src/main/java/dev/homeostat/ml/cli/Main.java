package dev.homeostat.ml.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
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

    /** Runs one subcommand and returns its exit code instead of exiting, so tests can call it. */
    public static int run(String[] args) {
        if (args.length == 0 || !SUBCOMMANDS.containsKey(args[0])) {
            System.err.println("usage: java -jar homeostat-ml.jar <" + String.join("|", SUBCOMMANDS.keySet()) + "> [options]");
            if (args.length > 0 && !args[0].equals("--help")) {
                System.err.println("error: unknown subcommand '" + args[0] + "'");
            }
            return 2;
        }
        try {
            Subcommand command = (Subcommand) Class.forName(SUBCOMMANDS.get(args[0]))
                    .getDeclaredConstructor().newInstance();
            return command.run(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (ReflectiveOperationException e) {
            System.err.println("error: subcommand '" + args[0] + "' is not available in this build: " + e);
            return 2;
        } catch (Exception e) {
            System.err.println("error: " + e);
            return 1;
        }
    }
}
