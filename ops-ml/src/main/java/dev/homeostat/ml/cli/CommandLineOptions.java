package dev.homeostat.ml.cli;

import picocli.CommandLine;

import java.io.PrintStream;

/**
 * Fills a subcommand's picocli-annotated options object from its arguments, so every subcommand reports bad
 * usage the same way: an {@link IllegalArgumentException} with picocli's message and the usage.
 */
public final class CommandLineOptions {

    private CommandLineOptions() {
    }

    /**
     * Parses {@code args} into {@code options} (a {@code @Command} with {@code @Option} fields and a
     * {@code usageHelp} option); false when help was asked for, after printing the usage to {@code out}.
     */
    public static boolean parse(Object options, String[] args, PrintStream out) {
        CommandLine line = new CommandLine(options);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + line.getUsageMessage(CommandLine.Help.Ansi.OFF), e);
        }
        if (line.isUsageHelpRequested()) {
            out.print(line.getUsageMessage(CommandLine.Help.Ansi.OFF));
            return false;
        }
        return true;
    }
}
