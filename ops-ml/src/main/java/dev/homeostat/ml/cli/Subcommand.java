package dev.homeostat.ml.cli;

/** One subcommand of the {@code homeostat-ml} jar; returns the process exit code. */
public interface Subcommand {

    /** Runs with the arguments that follow the subcommand's name; 0 on success, 2 on bad usage or input. */
    int run(String[] args) throws Exception;
}
