package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.fraud.eval.EvaluateCommand;
import dev.homeostat.apps.fraud.eval.GenerateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.Arrays;

/**
 * Entry point: {@code evaluate} and {@code generate} run offline commands without starting the app;
 * anything else starts the Quarkus app.
 */
@QuarkusMain
public final class FraudScoringMain {

    /** Dispatches to a command or starts the app. */
    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("evaluate")) {
            System.exit(EvaluateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
