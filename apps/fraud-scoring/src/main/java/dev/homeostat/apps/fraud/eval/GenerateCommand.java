package dev.homeostat.apps.fraud.eval;

import dev.homeostat.apps.fraud.domain.PaymentJson;
import dev.homeostat.apps.fraud.generator.PaymentGenerator;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Set;

/**
 * {@code generate [--count 1000] [--seed 1] [--rate 20] [--start ISO-8601]}: prints synthetic payments,
 * one JSON per line as {@code account<TAB>json}, ready for {@code kafka-console-producer --property parse.key=true}.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLine line = new CommandLine(args, Set.of("count", "seed", "rate", "start"));
            Instant start = Instant.parse(line.text("start", Instant.now().toString()));
            var options = new PaymentGenerator.Options(line.longValue("seed", 1), 5_000, line.doubleValue("rate", 20),
                    0.004, start);
            PaymentGenerator generator = new PaymentGenerator(options);
            long count = line.longValue("count", 1000);
            for (long i = 0; i < count; i++) {
                var payment = generator.next().payment();
                out.println(payment.account() + "\t" + PaymentJson.write(payment));
            }
            return 0;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            err.println("generate: " + e.getMessage());
            return 2;
        }
    }
}
